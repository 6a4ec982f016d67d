import { toHex } from '@wardguard/shared';
import { PDFHexString, PDFName, PDFNumber, type PDFDocument, type PDFRef } from 'pdf-lib';
import { embedWithAlpha } from './png-alpha.ts';
import { ImageError } from './png-error.ts';
import { joinIdat, readRows } from './png-rows.ts';

export { ImageError };

/** Decoding costs CPU per pixel even when streamed; a taller page than this is not worth a print. */
export const MAX_PNG_PIXELS = 40_000_000;

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface Png {
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
 * Embeds a PNG as an image XObject without ever holding its decoded pixels, and without
 * compressing its pixels again: PDF's FlateDecode understands PNG row filters, so the IDAT bytes
 * are copied, after inflating them once to prove they are whole. Opaque layouts (grey, RGB,
 * palette) go in as they are; layouts with an alpha channel (browser screenshots) see
 * png-alpha.ts. Anything rarer (16-bit, interlaced, transparent palettes) falls back to pdf-lib,
 * within a small pixel limit since that decodes the whole image in memory.
 */
export async function embedPng(doc: PDFDocument, bytes: Uint8Array): Promise<{ ref: PDFRef; width: number; height: number }> {
  const png = parsePng(bytes);
  const { width, height, bitDepth, colorType } = png;
  const channels = CHANNELS[colorType];
  if (!channels) throw new ImageError(`the PNG has an unknown colour type ${colorType}`);
  const rows = { height, rowBytes: Math.ceil((width * channels * bitDepth) / 8), idat: png.idat };
  const context = doc.context;

  const opaque = !png.interlaced && !png.transparency && (colorType === 0 || colorType === 2 || colorType === 3) && bitDepth <= 8;
  if (opaque) {
    if (colorType === 3 && !png.palette) throw new ImageError('the PNG has no palette');
    await readRows(rows, () => {});
    const colorSpace =
      colorType === 3
        ? context.obj([PDFName.of('Indexed'), PDFName.of('DeviceRGB'), PDFNumber.of(png.palette!.length / 3 - 1), PDFHexString.of(toHex(png.palette!))])
        : PDFName.of(colorType === 0 ? 'DeviceGray' : 'DeviceRGB');
    const stream = context.stream(joinIdat(png.idat), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      BitsPerComponent: bitDepth,
      ColorSpace: colorSpace,
      Filter: 'FlateDecode',
      DecodeParms: { Predictor: 15, Colors: channels, BitsPerComponent: bitDepth, Columns: width },
    });
    return { ref: context.register(stream), width, height };
  }

  if (!png.interlaced && bitDepth === 8 && (colorType === 4 || colorType === 6)) {
    return { ref: await embedWithAlpha(doc, { ...rows, width, channels }), width, height };
  }

  if (width * height > 4_000_000) throw new ImageError(`this kind of PNG (${bitDepth}-bit${png.interlaced ? ', interlaced' : ''}) is too large to print here`);
  const image = await doc.embedPng(bytes);
  await image.embed();
  return { ref: image.ref, width, height };
}
