import { zlibSync } from 'fflate';

// Real PNG files for tests, benchmarks, the demo and the extension's icons: one writer, pure JS
// (fflate for the deflate step), so it runs the same in Node and in workerd tests.

export type Rgba = [number, number, number, number];
export interface PngChunk {
  type: string;
  data: Uint8Array;
}
/** PNG row filter: 0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth. */
export type RowFilter = 0 | 1 | 2 | 3 | 4;

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array): number => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** A PNG of exactly these chunks, each with a valid length and CRC (tests craft broken ones this way). */
export function pngFromChunks(chunks: PngChunk[]): Uint8Array {
  const out = new Uint8Array(8 + chunks.reduce((n, c) => n + 12 + c.data.length, 0));
  const view = new DataView(out.buffer);
  out.set(SIGNATURE);
  let at = 8;
  for (const { type, data } of chunks) {
    view.setUint32(at, data.length);
    for (let i = 0; i < 4; i++) out[at + 4 + i] = type.charCodeAt(i);
    out.set(data, at + 8);
    view.setUint32(at + 8 + data.length, crc32(out.subarray(at + 4, at + 8 + data.length)));
    at += 12 + data.length;
  }
  return out;
}

/** The chunks of a PNG, in order, unchecked. */
export function pngChunks(png: Uint8Array): PngChunk[] {
  const out: PngChunk[] = [];
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let at = 8; at + 8 <= png.length; ) {
    const length = view.getUint32(at);
    out.push({ type: String.fromCharCode(...png.subarray(at + 4, at + 8)), data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

// As the PNG specification writes it: the neighbour nearest to left + up - upLeft, ties to left then up.
function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const distances = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
  return [left, up, upLeft][distances.indexOf(Math.min(...distances))]!;
}

/**
 * A real 8-bit RGBA PNG drawn pixel by pixel. `rowFilter` picks each row's filter (None by
 * default), written from the specification's definitions so a decoder's Sub, Up, Average and
 * Paeth can all be tested.
 *
 * @example writeFileSync('icon-16.png', rgbaPng(16, 16, (x, y) => [x * 16, y * 16, 128, 255]));
 */
export function rgbaPng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => Rgba,
  options: { rowFilter?: (y: number) => RowFilter } = {},
): Uint8Array {
  const stride = width * 4;
  const rgba = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rgba.set(pixel(x, y), y * stride + x * 4);
  const raw = new Uint8Array(height * (1 + stride));
  for (let y = 0; y < height; y++) {
    const filter = options.rowFilter?.(y) ?? 0;
    const row = y * (1 + stride);
    raw[row] = filter;
    for (let i = 0; i < stride; i++) {
      const value = rgba[y * stride + i]!;
      if (filter === 0) {
        raw[row + 1 + i] = value;
        continue;
      }
      const left = i >= 4 ? rgba[y * stride + i - 4]! : 0;
      const up = y > 0 ? rgba[(y - 1) * stride + i]! : 0;
      const upLeft = y > 0 && i >= 4 ? rgba[(y - 1) * stride + i - 4]! : 0;
      const predictor = [0, left, up, Math.floor((left + up) / 2), paeth(left, up, upLeft)][filter]!;
      raw[row + 1 + i] = (value - predictor + 256) % 256;
    }
  }
  const header = new Uint8Array(13);
  new DataView(header.buffer).setUint32(0, width);
  new DataView(header.buffer).setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8);
  return pngFromChunks([
    { type: 'IHDR', data: header },
    { type: 'IDAT', data: zlibSync(raw) },
    { type: 'IEND', data: new Uint8Array() },
  ]);
}

/** A flat colour with a darker band across the middle, for demo screenshots and tests. */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  return rgbaPng(width, height, (_x, y) => {
    const band = y > height * 0.4 && y < height * 0.6;
    return band ? [rgb[0] >> 1, rgb[1] >> 1, rgb[2] >> 1, 255] : [rgb[0], rgb[1], rgb[2], 255];
  });
}
