import UPNG from '@pdf-lib/upng';
import { PDFDocument, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedPng, ImageError, parsePng } from './png.ts';
import { pngChunks, pngFromChunks, rgbaPng, type Rgba } from '@wardguard/shared/testing/png';
import { concat, deflate, inflate, makePng } from './testing.ts';

const streamOf = (doc: PDFDocument, ref: PDFRef): PDFRawStream => doc.context.lookup(ref) as PDFRawStream;
const entry = (s: PDFRawStream, key: string) => s.dict.get(PDFName.of(key));

/** Every channel value differs from its neighbours, so each PNG row filter has work to do. */
const noisy =
  (alpha: (x: number, y: number) => number) =>
  (x: number, y: number): [number, number, number, number] => [(x * 37 + y * 11) & 0xff, (x * x + y * 3) & 0xff, ((x ^ y) * 5) & 0xff, alpha(x, y)];

describe('PNG screenshots in the report', () => {
  it('copies a screenshot with transparency as it is, with a soft mask holding exactly its alpha, whatever the row filters', async () => {
    const [w, h] = [61, 40];
    // Random bytes (seeded) reach every branch of every filter, ties included.
    let seed = 7;
    const source = new Uint8Array(w * h * 4).map((_, i) => (i % 4 === 3 && i % 3 ? 255 : ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff));
    const pixel = (x: number, y: number) => [...source.subarray((y * w + x) * 4, (y * w + x) * 4 + 4)] as Rgba;
    const png = rgbaPng(w, h, pixel, { rowFilter: (y) => (y % 5) as 0 | 1 | 2 | 3 | 4 });
    // The test's encoder is checked by an independent decoder before it checks ours.
    expect(new Uint8Array(UPNG.toRGBA8(UPNG.decode(png.buffer as ArrayBuffer))[0]!)).toEqual(source);
    const doc = await PDFDocument.create();
    const { ref, width, height } = await embedPng(doc, png);
    expect([width, height]).toEqual([w, h]);
    const color = streamOf(doc, ref);
    expect(color.contents).toEqual(concat(parsePng(png).idat));
    expect(String(entry(color, 'DecodeParms'))).toMatch(/\/Predictor 15[\s\S]*\/Colors 4/);
    expect(String(entry(color, 'ColorSpace'))).toMatch(/^\[ \/DeviceN \[ \/ImageRed \/ImageGreen \/ImageBlue \/None \] \/DeviceRGB \d+ 0 R \]$/);
    const alpha = doc.context.lookup(entry(color, 'SMask') as PDFRef) as PDFRawStream;
    expect(await inflate(alpha.contents)).toEqual(source.filter((_, i) => i % 4 === 3));
  });

  it('fills in the opaque rows above the first transparent one, and leaves out the soft mask when every pixel is opaque', async () => {
    const opaqueUntil = (row: number) => noisy((x, y) => (y < row ? 255 : (x * 7) & 0xff));
    const filters = { rowFilter: (y: number) => ((y * 3) % 5) as 0 | 1 | 2 | 3 | 4 };
    const late = rgbaPng(40, 30, opaqueUntil(17), filters);
    const doc = await PDFDocument.create();
    const mask = doc.context.lookup(entry(streamOf(doc, (await embedPng(doc, late)).ref), 'SMask') as PDFRef) as PDFRawStream;
    const expected = new Uint8Array(40 * 30).map((_, i) => opaqueUntil(17)(i % 40, Math.floor(i / 40))[3]);
    expect(await inflate(mask.contents)).toEqual(expected);

    // UPNG keeps RGBA only when some pixel is not opaque; a browser's canvas keeps it always.
    for (const png of [
      await reencodeAsRgba(
        makePng(
          40,
          10,
          noisy(() => 255),
        ),
      ),
      rgbaPng(40, 30, opaqueUntil(30), filters),
    ]) {
      expect(parsePng(png).colorType).toBe(6);
      const { ref } = await embedPng(doc, png);
      expect(entry(streamOf(doc, ref), 'SMask')).toBeUndefined();
      expect(streamOf(doc, ref).contents).toEqual(concat(parsePng(png).idat));
    }
  });

  it('copies opaque RGB and palette images byte for byte, telling the reader to undo the PNG row filters', async () => {
    for (const [png, colorType] of [
      [
        makePng(
          50,
          20,
          noisy(() => 255),
        ),
        2,
      ],
      [makePng(50, 20, (x) => (x < 25 ? [255, 0, 0, 255] : [0, 0, 255, 255])), 3],
    ] as const) {
      const doc = await PDFDocument.create();
      expect(parsePng(png).colorType).toBe(colorType);
      const { ref } = await embedPng(doc, png);
      const s = streamOf(doc, ref);
      expect(s.contents).toEqual(concat(parsePng(png).idat));
      expect(String(entry(s, 'DecodeParms'))).toContain('/Predictor 15');
      expect(String(entry(s, 'ColorSpace'))).toContain(colorType === 3 ? '/Indexed' : '/DeviceRGB');
    }
  });

  it('refuses damaged files with a reason a reader can act on, before anything is embedded', async () => {
    const good = makePng(
      30,
      30,
      noisy(() => 200),
    );
    const flipped = good.slice();
    flipped[flipped.length - 20] = flipped[flipped.length - 20]! ^ 0xff;
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array([1, 2, 3]), /not a PNG/],
      [good.slice(0, good.length - 30), /cut short/],
      [flipped, /damaged \(checksum mismatch\)/],
      [withIdat(good, new Uint8Array([0x78, 0x9c, 1, 2, 3, 4, 5])), /image data is damaged/],
      [withIdat(good, await deflate(new Uint8Array(121 * 2 + 10))), /cut short/],
      [withIdat(good, await deflate(new Uint8Array(30 * 121).fill(9))), /unknown row filter 9/],
    ];
    for (const [bytes, reason] of cases) {
      const doc = await PDFDocument.create();
      const err = await embedPng(doc, bytes).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImageError);
      expect((err as Error).message).toMatch(reason);
    }
  });

  it('will not decode a screenshot of more than 40 million pixels', () => {
    const png = makePng(1, 1, () => [0, 0, 0, 255]);
    const huge = withHeader(png, 10_000, 5_000);
    expect(() => parsePng(huge)).toThrow(/too large to print \(10000 x 5000 pixels\)/);
  });
});

/** The same header, forced to RGBA 8-bit, with `idat` as its only image data. */
function withIdat(png: Uint8Array, idat: Uint8Array): Uint8Array {
  const [ihdr] = pngChunks(png);
  const header = ihdr!.data.slice();
  header[8] = 8;
  header[9] = 6;
  return pngFromChunks([
    { type: 'IHDR', data: header },
    { type: 'IDAT', data: idat },
    { type: 'IEND', data: new Uint8Array() },
  ]);
}

function withHeader(png: Uint8Array, width: number, height: number): Uint8Array {
  const parts = pngChunks(png);
  const header = parts[0]!.data.slice();
  new DataView(header.buffer).setUint32(0, width);
  new DataView(header.buffer).setUint32(4, height);
  return pngFromChunks([{ type: 'IHDR', data: header }, ...parts.slice(1)]);
}

/** An opaque image as a browser canvas writes it: RGBA, every row with filter 0. */
async function reencodeAsRgba(png: Uint8Array): Promise<Uint8Array> {
  const [ihdr] = pngChunks(png);
  const v = new DataView(ihdr!.data.buffer, ihdr!.data.byteOffset);
  const w = v.getUint32(0);
  const h = v.getUint32(4);
  const rgba = new Uint8Array(UPNG.toRGBA8(UPNG.decode(png.buffer as ArrayBuffer))[0]!);
  const raw = new Uint8Array(h * (1 + w * 4));
  for (let y = 0; y < h; y++) raw.set(rgba.subarray(y * w * 4, (y + 1) * w * 4), y * (1 + w * 4) + 1);
  return withIdat(png, await deflate(raw));
}
