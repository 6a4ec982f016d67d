import { crc32 } from 'node:zlib';

/** One file of a ZIP: stored (not deflated), its bytes given whole or as they stream. */
export interface ZipEntry {
  name: string;
  modified: Date;
  input: Uint8Array | AsyncIterable<Uint8Array>;
}

const MAX_32 = 0xffffffff;
const encoder = new TextEncoder();

/** MS-DOS time and date, as ZIP headers hold them (2-second resolution, local time: UTC in a Worker). */
function dosTime(view: DataView, at: number, d: Date): void {
  view.setUint16(at, (d.getSeconds() >> 1) | (d.getMinutes() << 5) | (d.getHours() << 11), true);
  view.setUint16(at + 2, d.getDate() | ((d.getMonth() + 1) << 5) | ((d.getFullYear() - 1980) << 9), true);
}

const block = (bytes: number) => {
  const out = new Uint8Array(bytes);
  return { out, view: new DataView(out.buffer) };
};

interface Written {
  name: Uint8Array;
  modified: Date;
  crc: number;
  size: bigint;
  offset: bigint;
}

/** Local header: version 4.5, data descriptor follows (bit 3), UTF-8 name (bit 11); CRC and sizes in the descriptor. */
function localHeader(name: Uint8Array, modified: Date): Uint8Array {
  const { out, view } = block(30 + name.length);
  view.setUint32(0, 0x04034b50, true);
  view.setUint16(4, 45, true);
  view.setUint16(6, 0x0808, true);
  dosTime(view, 10, modified);
  view.setUint16(26, name.length, true);
  out.set(name, 30);
  return out;
}

/** Data descriptor; ZIP64 (8-byte sizes) for a file of 4 GiB or more. */
function descriptor(e: Written, zip64: boolean): Uint8Array {
  const { out, view } = block(zip64 ? 24 : 16);
  view.setUint32(0, 0x08074b50, true);
  view.setUint32(4, e.crc, true);
  if (zip64) {
    view.setBigUint64(8, e.size, true);
    view.setBigUint64(16, e.size, true);
  } else {
    view.setUint32(8, Number(e.size), true);
    view.setUint32(12, Number(e.size), true);
  }
  return out;
}

/** Central directory record, with a ZIP64 extra field holding what does not fit in 32 bits. */
function centralRecord(e: Written): Uint8Array {
  const bigSize = e.size >= MAX_32;
  const bigOffset = e.offset >= MAX_32;
  const extra = bigSize ? 28 : bigOffset ? 12 : 0;
  const { out, view } = block(46 + e.name.length + extra);
  view.setUint32(0, 0x02014b50, true);
  view.setUint16(4, 0x032d, true); // made by: version 4.5, Unix
  view.setUint16(6, 45, true);
  view.setUint16(8, 0x0808, true);
  dosTime(view, 12, e.modified);
  view.setUint32(16, e.crc, true);
  view.setUint32(20, Number(bigSize ? BigInt(MAX_32) : e.size), true);
  view.setUint32(24, Number(bigSize ? BigInt(MAX_32) : e.size), true);
  view.setUint16(28, e.name.length, true);
  view.setUint16(30, extra, true);
  view.setUint16(40, 0o100664, true); // external attributes, high half: a regular file, rw-rw-r--
  view.setUint32(42, Number(bigOffset ? BigInt(MAX_32) : e.offset), true);
  out.set(e.name, 46);
  if (extra) {
    const at = 46 + e.name.length;
    view.setUint16(at, 1, true);
    view.setUint16(at + 2, extra - 4, true);
    if (bigSize) {
      view.setBigUint64(at + 4, e.size, true);
      view.setBigUint64(at + 12, e.size, true);
    }
    view.setBigUint64(at + extra - 8, e.offset, true);
  }
  return out;
}

function end(count: number, dirSize: bigint, dirOffset: bigint, zip64: boolean): Uint8Array {
  const { out, view } = block((zip64 ? 76 : 0) + 22);
  let at = 0;
  if (zip64) {
    view.setUint32(0, 0x06064b50, true);
    view.setBigUint64(4, 44n, true);
    view.setUint16(12, 0x032d, true);
    view.setUint16(14, 45, true);
    view.setBigUint64(24, BigInt(count), true);
    view.setBigUint64(32, BigInt(count), true);
    view.setBigUint64(40, dirSize, true);
    view.setBigUint64(48, dirOffset, true);
    view.setUint32(56, 0x07064b50, true);
    view.setBigUint64(64, dirOffset + dirSize, true);
    view.setUint32(72, 1, true);
    at = 76;
  }
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, Math.min(count, 0xffff), true);
  view.setUint16(at + 10, Math.min(count, 0xffff), true);
  view.setUint32(at + 12, Number(dirSize >= MAX_32 ? BigInt(MAX_32) : dirSize), true);
  view.setUint32(at + 16, Number(dirOffset >= MAX_32 ? BigInt(MAX_32) : dirOffset), true);
  return out;
}

/**
 * A ZIP of stored entries, written as the entries arrive, holding nothing but the central
 * directory's records; ZIP64 past 4 GiB. The same bytes client-zip writes (which it replaces
 * here): its CRC-32 is a byte-at-a-time JavaScript loop, half a second per 150 MB in workerd,
 * where `node:zlib`'s native crc32 takes 25 ms.
 */
export async function* zipEntries(entries: AsyncIterable<ZipEntry>): AsyncGenerator<Uint8Array> {
  const written: Written[] = [];
  let offset = 0n;
  let zip64 = false;
  for await (const entry of entries) {
    const e: Written = { name: encoder.encode(entry.name), modified: entry.modified, crc: 0, size: 0n, offset };
    yield localHeader(e.name, e.modified);
    let crc = 0;
    let size = 0;
    for await (const chunk of entry.input instanceof Uint8Array ? [entry.input] : entry.input) {
      crc = crc32(chunk, crc);
      size += chunk.byteLength;
      yield chunk;
    }
    e.crc = crc;
    e.size = BigInt(size);
    const big = e.size >= MAX_32;
    yield descriptor(e, big);
    zip64 ||= big;
    offset += BigInt(30 + e.name.length + (big ? 24 : 16)) + e.size;
    written.push(e);
  }
  let dirSize = 0n;
  for (const e of written) {
    const record = centralRecord(e);
    dirSize += BigInt(record.length);
    yield record;
  }
  yield end(written.length, dirSize, offset, zip64 || offset >= MAX_32);
}
