import { inflateParts } from './deflate.ts';
import { ImageError } from './png-error.ts';

/** What the row reader needs of a parsed PNG. */
export interface PngRows {
  height: number;
  /** Bytes in one row of pixels, without its filter byte. */
  rowBytes: number;
  idat: Uint8Array[];
}

/**
 * Inflates the IDAT data and hands each row, still filtered, to `onRow` with its filter type,
 * insisting on exactly `height` rows with known filters. `onRow` is synchronous and must not keep
 * the row: it is a view into the inflated chunk or a buffer reused for the next row. A row is not
 * copied unless it straddles two chunks, and there is no promise per row (a screenshot has
 * thousands): `afterChunk` is the place to wait, once per inflated chunk, e.g. to compress.
 */
export async function readRows(png: PngRows, onRow: (filter: number, row: Uint8Array) => void, afterChunk?: () => Promise<void>): Promise<void> {
  const stride = png.rowBytes + 1;
  const straddling = new Uint8Array(stride);
  let filled = 0;
  let rows = 0;
  const take = (line: Uint8Array) => {
    const filter = line[0]!;
    if (++rows > png.height) throw new ImageError('the PNG has more image data than its size says');
    if (filter > 4) throw new ImageError(`the PNG uses an unknown row filter ${filter}`);
    onRow(filter, line.subarray(1));
  };
  try {
    await inflateParts(png.idat, async (chunk) => {
      let at = 0;
      if (filled > 0) {
        at = Math.min(stride - filled, chunk.length);
        straddling.set(chunk.subarray(0, at), filled);
        filled += at;
        if (filled < stride) return;
        take(straddling);
        filled = 0;
      }
      for (; at + stride <= chunk.length; at += stride) take(chunk.subarray(at, at + stride));
      if (at < chunk.length) {
        straddling.set(chunk.subarray(at));
        filled = chunk.length - at;
      }
      if (afterChunk) await afterChunk();
    });
  } catch (err) {
    if (err instanceof ImageError) throw err;
    throw new ImageError('the PNG image data is damaged');
  }
  if (rows !== png.height || filled !== 0) throw new ImageError('the PNG image data is cut short');
}

/**
 * Undoes one row's PNG filter in place, given the row above already undone. `bpp` is the
 * distance to the left neighbour in bytes: for one channel copied out of interleaved pixels it
 * is 1, since PNG filters each byte against the same channel of its neighbours. The first `bpp`
 * bytes have no left neighbour and get their own loop, so the per-byte loops carry no bounds test.
 */
export function unfilter(filter: number, row: Uint8Array, prev: Uint8Array, bpp: number): void {
  const len = row.length;
  const head = Math.min(bpp, len);
  switch (filter) {
    case 1:
      for (let i = bpp; i < len; i++) row[i] = (row[i]! + row[i - bpp]!) & 0xff;
      return;
    case 2:
      for (let i = 0; i < len; i++) row[i] = (row[i]! + prev[i]!) & 0xff;
      return;
    case 3:
      for (let i = 0; i < head; i++) row[i] = (row[i]! + (prev[i]! >> 1)) & 0xff;
      for (let i = bpp; i < len; i++) row[i] = (row[i]! + ((row[i - bpp]! + prev[i]!) >> 1)) & 0xff;
      return;
    case 4:
      // With no left neighbour (a = c = 0) the Paeth predictor is the byte above.
      for (let i = 0; i < head; i++) row[i] = (row[i]! + prev[i]!) & 0xff;
      for (let i = bpp; i < len; i++) {
        const a = row[i - bpp]!;
        const b = prev[i]!;
        const c = prev[i - bpp]!;
        // p = a + b - c; |p - a| = |b - c|, |p - b| = |a - c|, |p - c| = |b - c + a - c|.
        const bc = b - c;
        const ac = a - c;
        const pa = bc < 0 ? -bc : bc;
        const pb = ac < 0 ? -ac : ac;
        const abc = bc + ac;
        const pc = abc < 0 ? -abc : abc;
        row[i] = (row[i]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
      }
      return;
    default:
      return;
  }
}

/** The IDAT chunks as one zlib stream, as a PDF FlateDecode stream holds it. */
export function joinIdat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
