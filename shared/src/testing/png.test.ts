import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pngChunks, pngFromChunks, rgbaPng, solidPng } from './png.ts';

// Reads the pixels back by undoing each row's filter as the PNG specification defines it.
function pixelsOf(png: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const chunks = pngChunks(png);
  const header = new DataView(chunks[0]!.data.buffer, chunks[0]!.data.byteOffset);
  const [width, height] = [header.getUint32(0), header.getUint32(4)];
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * 4;
  const rgba = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const left = i >= 4 ? rgba[y * stride + i - 4]! : 0;
      const up = y > 0 ? rgba[(y - 1) * stride + i]! : 0;
      const upLeft = y > 0 && i >= 4 ? rgba[(y - 1) * stride + i - 4]! : 0;
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      const paeth = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      const predictor = [0, left, up, Math.floor((left + up) / 2), paeth][filter]!;
      rgba[y * stride + i] = (raw[y * (stride + 1) + 1 + i]! + predictor) % 256;
    }
  }
  return { width, height, rgba };
}

describe('the test PNG writer', () => {
  it('writes the pixels it was given, with every row filter', () => {
    const pixel = (x: number, y: number): [number, number, number, number] => [(x * 37 + y) % 256, (y * 53) % 256, (x ^ y) % 256, 255 - x];
    for (const rowFilter of [undefined, (y: number) => (y % 5) as 0 | 1 | 2 | 3 | 4]) {
      const { width, height, rgba } = pixelsOf(rgbaPng(7, 6, pixel, rowFilter ? { rowFilter } : {}));
      expect([width, height]).toEqual([7, 6]);
      expect([...rgba.subarray(4 * (2 * 7 + 3), 4 * (2 * 7 + 4))]).toEqual(pixel(3, 2));
      expect([...rgba.subarray(4 * (5 * 7 + 6))]).toEqual(pixel(6, 5));
    }
  });

  it('gives every chunk a CRC that Node’s own reading agrees with, and reads its chunks back', () => {
    const png = solidPng(4, 10, [200, 100, 50]);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunks = pngChunks(png);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(pngFromChunks(chunks)).toEqual(png);
    // The CRC of IEND (no data) is fixed by the specification.
    expect(Buffer.from(png.subarray(png.length - 4)).toString('hex')).toBe('ae426082');
    expect(pixelsOf(png).rgba.subarray(0, 4)).toEqual(new Uint8Array([200, 100, 50, 255]));
    expect(pixelsOf(png).rgba.subarray(5 * 16, 5 * 16 + 4)).toEqual(new Uint8Array([100, 50, 25, 255]));
  });
});
