import { toHex } from '@wardguard/shared';
import { PDFHexString, PDFName, PDFNumber, type PDFDocument, type PDFRef } from 'pdf-lib';
import { DeflateSink, inflateParts } from './deflate.ts';
import { fillBlocks, type Block } from '../../storage/fill-blocks.ts';

/** Why an image could not be printed; the message is printed in the report. */
export class ImageError extends Error {
  override name = 'ImageError';
}

/** Decoding costs CPU per pixel even when streamed; a taller page than this is not worth a print. */
export const MAX_PNG_PIXELS = 40_000_000;

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
  palette: Uint8Array | null;
  transparency: boolean;
  idat: Uint8Array[];
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Reads the chunk structure, checking every CRC so a damaged file is caught here, not in a reader's PDF viewer. */
export function parsePng(bytes: Uint8Array): Png {
  if (bytes.length < 8 || SIGNATURE.some((b, i) => bytes[i] !== b)) throw new ImageError('not a PNG file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let png: Png | null = null;
  let at = 8;
  for (;;) {
    if (at + 12 > bytes.length) throw new ImageError('the PNG file is cut short');
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (at + 12 + length > bytes.length) throw new ImageError('the PNG file is cut short');
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length))
      throw new ImageError(`the PNG's ${type} chunk is damaged (checksum mismatch)`);
    at += 12 + length;
    if (!png) {
      if (type !== 'IHDR' || length !== 13) throw new ImageError('the PNG has no header');
      const h = new DataView(data.buffer, data.byteOffset, 13);
      png = {
        width: h.getUint32(0),
        height: h.getUint32(4),
        bitDepth: data[8]!,
        colorType: data[9]!,
        interlaced: data[12] !== 0,
        palette: null,
        transparency: false,
        idat: [],
      };
      if (png.width === 0 || png.height === 0) throw new ImageError('the PNG has no pixels');
      continue;
    }
    if (type === 'PLTE') png.palette = data;
    else if (type === 'tRNS') png.transparency = true;
    else if (type === 'IDAT') png.idat.push(data);
    else if (type === 'IEND') break;
  }
  if (!png || png.idat.length === 0) throw new ImageError('the PNG has no image data');
  if (png.width * png.height > MAX_PNG_PIXELS) throw new ImageError(`the image is too large to print (${png.width} x ${png.height} pixels)`);
  return png;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * Embeds a PNG as an image XObject without ever holding its decoded pixels. Opaque layouts
 * (grey, RGB, palette) go in as they are: PDF's FlateDecode understands PNG row filters, so
 * the IDAT bytes are copied, after inflating them once to prove they are whole. Layouts with an
 * alpha channel (browser screenshots) are split row by row into colour and alpha streams,
 * compressed as they go. Anything rarer (16-bit, interlaced, transparent palettes) falls back
 * to pdf-lib, within a small pixel limit since that decodes the whole image in memory.
 */
export async function embedPng(doc: PDFDocument, bytes: Uint8Array): Promise<{ ref: PDFRef; width: number; height: number }> {
  const png = parsePng(bytes);
  const { width, height, bitDepth, colorType } = png;
  const channels = CHANNELS[colorType];
  if (!channels) throw new ImageError(`the PNG has an unknown colour type ${colorType}`);
  const rowBytes = Math.ceil((width * channels * bitDepth) / 8);
  const context = doc.context;
  const base = { Type: 'XObject', Subtype: 'Image', Width: width, Height: height };

  const opaque = !png.interlaced && !png.transparency && (colorType === 0 || colorType === 2 || colorType === 3) && bitDepth <= 8;
  if (opaque) {
    if (colorType === 3 && !png.palette) throw new ImageError('the PNG has no palette');
    await readRows(png, rowBytes, false, () => {});
    const colorSpace =
      colorType === 3
        ? context.obj([PDFName.of('Indexed'), PDFName.of('DeviceRGB'), PDFNumber.of(png.palette!.length / 3 - 1), PDFHexString.of(toHex(png.palette!))])
        : PDFName.of(colorType === 0 ? 'DeviceGray' : 'DeviceRGB');
    const stream = context.stream(concat(png.idat), {
      ...base,
      BitsPerComponent: bitDepth,
      ColorSpace: colorSpace,
      Filter: 'FlateDecode',
      DecodeParms: { Predictor: 15, Colors: channels, BitsPerComponent: bitDepth, Columns: width },
    });
    return { ref: context.register(stream), width, height };
  }

  if (!png.interlaced && bitDepth === 8 && (colorType === 4 || colorType === 6)) {
    const colorChannels = channels - 1;
    const color = new DeflateSink();
    const alpha = new DeflateSink();
    let opaqueAlpha = true;
    await readRows(png, rowBytes, true, async (row) => {
      const c = new Uint8Array(width * colorChannels);
      const a = new Uint8Array(width);
      for (let x = 0, i = 0, o = 0; x < width; x++) {
        for (let k = 0; k < colorChannels; k++) c[o++] = row[i++]!;
        const v = row[i++]!;
        a[x] = v;
        if (v !== 255) opaqueAlpha = false;
      }
      await color.write(c);
      await alpha.write(a);
    });
    const [colorBytes, alphaBytes] = await Promise.all([color.finish(), alpha.finish()]);
    const gray = colorChannels === 1 ? 'DeviceGray' : 'DeviceRGB';
    // A screenshot's alpha is nearly always fully opaque; a soft mask would only cost bytes.
    const smask = opaqueAlpha
      ? undefined
      : context.register(context.stream(alphaBytes, { ...base, BitsPerComponent: 8, ColorSpace: 'DeviceGray', Filter: 'FlateDecode' }));
    const stream = context.stream(colorBytes, { ...base, BitsPerComponent: 8, ColorSpace: gray, Filter: 'FlateDecode', ...(smask ? { SMask: smask } : {}) });
    return { ref: context.register(stream), width, height };
  }

  if (width * height > 4_000_000) throw new ImageError(`this kind of PNG (${bitDepth}-bit${png.interlaced ? ', interlaced' : ''}) is too large to print here`);
  const image = await doc.embedPng(bytes);
  await image.embed();
  return { ref: image.ref, width, height };
}

/**
 * Inflates the IDAT data row by row and insists on exactly `height` rows with known filters.
 * With `decode`, undoes the PNG row filters and hands each row to `onRow`, waiting for it, so
 * the decoded image is never held whole.
 */
async function readRows(png: Png, rowBytes: number, decode: boolean, onRow: (row: Uint8Array) => void | Promise<void>): Promise<void> {
  const bpp = Math.max(1, Math.ceil(((CHANNELS[png.colorType] ?? 1) * png.bitDepth) / 8));
  let prev: Uint8Array = new Uint8Array(rowBytes);
  // A row is its filter byte and its bytes.
  const cur: Block = { bytes: new Uint8Array(rowBytes + 1), filled: 0 };
  let rows = 0;
  try {
    await inflateParts(png.idat, (chunk) =>
      fillBlocks(chunk, cur, async () => {
        const filter = cur.bytes[0]!;
        if (++rows > png.height) throw new ImageError('the PNG has more image data than its size says');
        if (filter > 4) throw new ImageError(`the PNG uses an unknown row filter ${filter}`);
        if (decode) {
          const row = cur.bytes.subarray(1);
          unfilter(filter, row, prev, bpp);
          await onRow(row);
          prev = row;
          cur.bytes = new Uint8Array(rowBytes + 1);
        }
        cur.filled = 0;
      }),
    );
  } catch (err) {
    if (err instanceof ImageError) throw err;
    throw new ImageError('the PNG image data is damaged');
  }
  if (rows !== png.height || cur.filled !== 0) throw new ImageError('the PNG image data is cut short');
}

/**
 * Undoes one row's PNG filter in place. The first `bpp` bytes have no left neighbour and get
 * their own loop, so the per-byte loops carry no bounds test: on a filtered 3 Mpx screenshot
 * this is most of the report's CPU.
 */
function unfilter(filter: number, row: Uint8Array, prev: Uint8Array, bpp: number): void {
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

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
