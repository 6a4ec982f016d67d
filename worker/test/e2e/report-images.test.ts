// The report's PNG screenshots as a real PDF renderer (poppler's pdftoppm) paints them: the
// colour is the PNG's own compressed data read through a DeviceN colour space that drops the
// alpha (png-alpha.ts), so only a renderer can show that the pixels come out right.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { concatTransformationMatrix, drawObject, PDFDocument, PDFName, popGraphicsState, pushGraphicsState, type PDFRef } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { pngChunks, pngFromChunks, rgbaPng, type Rgba } from '@wardguard/shared/testing/png';
import { deflateSync } from 'node:zlib';

// Loaded by URL so that this project's tsc (DOM types) does not check the Worker's sources,
// which `tsc -p worker` checks under the Workers types they are written for.
const { embedPng } = (await import(new URL('../../src/export/report/png.ts', import.meta.url).href)) as {
  embedPng: (doc: PDFDocument, bytes: Uint8Array) => Promise<{ ref: PDFRef; width: number; height: number }>;
};

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'wg-report-images-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A one-page PDF the size of the image in points, rendered at 72 dpi: one pixel per image pixel, on white. */
async function render(png: Uint8Array, name: string): Promise<{ width: number; height: number; rgb: Uint8Array }> {
  const doc = await PDFDocument.create();
  const { ref, width, height } = await embedPng(doc, png);
  const page = doc.addPage([width, height]);
  page.node.setXObject(PDFName.of('Im1'), ref);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(width, 0, 0, height, 0, 0), drawObject('Im1'), popGraphicsState());
  writeFileSync(join(dir, `${name}.pdf`), await doc.save());
  await run('pdftoppm', ['-r', '72', '-singlefile', join(dir, `${name}.pdf`), join(dir, name)]);
  return readPpm(readFileSync(join(dir, `${name}.ppm`)));
}

/** Binary PPM (P6, maxval 255), as pdftoppm writes it. */
function readPpm(file: Uint8Array): { width: number; height: number; rgb: Uint8Array } {
  const fields: string[] = [];
  let at = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(file[at]!))) at++;
    const start = at;
    while (!/\s/.test(String.fromCharCode(file[at]!))) at++;
    fields.push(String.fromCharCode(...file.subarray(start, at)));
  }
  expect([fields[0], fields[3]]).toEqual(['P6', '255']);
  return { width: Number(fields[1]), height: Number(fields[2]), rgb: file.subarray(at + 1) };
}

/**
 * Pictures made of flat 8 × 8 blocks, compared at each block's centre: a renderer resamples an
 * image even at one pixel per point (poppler is off by a level or two, and blurs edges), and a
 * wrong channel order or alpha would be off by far more than that.
 */
const BLOCK = 8;
const block = (seed: number) => (x: number, y: number) => {
  const n = Math.floor(x / BLOCK) * 131 + Math.floor(y / BLOCK) * 197 + seed;
  return (n * 2654435761) >>> 24;
};

/** The largest difference, in any channel of any block's centre, between the render and `pixel` over white. */
function worstDifference(rendered: { rgb: Uint8Array }, width: number, height: number, pixel: (x: number, y: number) => Rgba): number {
  let worst = 0;
  for (let y = BLOCK / 2; y < height; y += BLOCK)
    for (let x = BLOCK / 2; x < width; x += BLOCK) {
      const p = pixel(x, y);
      const a = p[3] / 255;
      for (let k = 0; k < 3; k++) {
        const want = Math.round(p[k]! * a + 255 * (1 - a));
        worst = Math.max(worst, Math.abs(rendered.rgb[(y * width + x) * 3 + k]! - want));
      }
    }
  return worst;
}

const [red, green, blue, alphaOf] = [block(1), block(2), block(3), block(4)];
const blocks =
  (alpha: (x: number, y: number) => number) =>
  (x: number, y: number): Rgba => [red(x, y), green(x, y), blue(x, y), alpha(x, y)];
const allFilters = { rowFilter: (y: number) => (y % 5) as 0 | 1 | 2 | 3 | 4 };

/** The same pixels as 8-bit grey + alpha (colour type 4), each row filtered with None. */
function greyAlphaPng(width: number, height: number, pixel: (x: number, y: number) => [number, number]): Uint8Array {
  const raw = new Uint8Array(height * (1 + width * 2));
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (1 + width * 2) + 1 + x * 2);
  const [ihdr] = pngChunks(rgbaPng(width, height, () => [0, 0, 0, 255]));
  const header = ihdr!.data.slice();
  header[9] = 4;
  return pngFromChunks([
    { type: 'IHDR', data: header },
    { type: 'IDAT', data: deflateSync(raw) },
    { type: 'IEND', data: new Uint8Array() },
  ]);
}
describe('screenshots in report.pdf, as a PDF renderer paints them', () => {
  it('paints an opaque RGBA screenshot with exactly its colours, whatever the row filters', async () => {
    const [w, h] = [96, 64];
    const pixel = blocks(() => 255);
    const shown = await render(rgbaPng(w, h, pixel, allFilters), 'opaque');
    expect([shown.width, shown.height]).toEqual([w, h]);
    expect(worstDifference(shown, w, h, pixel)).toBeLessThanOrEqual(1);
  });

  it('blends a screenshot that turns transparent part way down over the white page by its alpha', async () => {
    const [w, h] = [80, 56];
    const pixel = blocks((x, y) => (y < 24 ? 255 : alphaOf(x, y)));
    const shown = await render(rgbaPng(w, h, pixel, allFilters), 'transparent');
    expect(worstDifference(shown, w, h, pixel)).toBeLessThanOrEqual(2);
  });

  it('paints grey + alpha screenshots in their grey', async () => {
    const [w, h] = [40, 32];
    for (const [name, alpha] of [
      ['grey-opaque', () => 255],
      ['grey-transparent', alphaOf],
    ] as const) {
      const shown = await render(
        greyAlphaPng(w, h, (x, y) => [red(x, y), alpha(x, y)]),
        name,
      );
      const pixel = (x: number, y: number): Rgba => [red(x, y), red(x, y), red(x, y), alpha(x, y)];
      expect(worstDifference(shown, w, h, pixel)).toBeLessThanOrEqual(2);
    }
  });
});
