import { describe, expect, it } from 'vitest';
import { ImageError } from './png-error.ts';
import { readRows } from './png-rows.ts';
import { concat, deflate } from './testing.ts';

/** Rows of `rowBytes` bytes after a filter byte 0-4, every byte different from its neighbours. */
function rawRows(height: number, rowBytes: number): Uint8Array {
  const raw = new Uint8Array(height * (rowBytes + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (rowBytes + 1)] = y % 5;
    for (let i = 0; i < rowBytes; i++) raw[y * (rowBytes + 1) + 1 + i] = (y * 31 + i * 7) & 0xff;
  }
  return raw;
}

/** The zlib stream cut into `n` IDAT-like parts at arbitrary places. */
const cut = (bytes: Uint8Array, n: number) =>
  Array.from({ length: n }, (_, k) => bytes.subarray(Math.floor((k * bytes.length) / n), Math.floor(((k + 1) * bytes.length) / n)));

describe('reading a PNG row by row', () => {
  it('hands every row over once, in order, with its filter, when rows straddle the inflated pieces and the IDAT chunks', async () => {
    // 1.4 MB inflated, rows of 4,801 bytes: many rows fall across a 256 KB piece.
    const [height, rowBytes] = [300, 4800];
    const raw = rawRows(height, rowBytes);
    const seen: Uint8Array[] = [];
    let afterChunks = 0;
    await readRows(
      { height, rowBytes, idat: cut(await deflate(raw), 7) },
      (filter, row) => seen.push(new Uint8Array([filter]), row.slice()),
      async () => void afterChunks++,
    );
    const got = concat(seen);
    // A deep equal of 1.4 MB takes seconds: find the first byte that differs instead.
    expect({ length: got.length, firstDifference: got.findIndex((b, i) => b !== raw[i]) }).toEqual({ length: raw.length, firstDifference: -1 });
    expect(afterChunks).toBeGreaterThan(1);
  });

  it('refuses image data longer or shorter than the header says, or a row with an unknown filter', async () => {
    const raw = rawRows(100, 4800);
    const broken = raw.slice();
    broken[60 * 4801] = 5;
    const cases: [Uint8Array[], number, RegExp][] = [
      [[await deflate(raw)], 99, /more image data than its size says/],
      [[await deflate(raw)], 101, /cut short/],
      [[await deflate(raw.subarray(0, raw.length - 10))], 100, /cut short/],
      [[await deflate(broken)], 100, /unknown row filter 5/],
      [cut(await deflate(raw), 3).slice(0, 2), 100, /image data is damaged/],
    ];
    for (const [idat, height, reason] of cases) {
      const err = await readRows({ height, rowBytes: 4800, idat }, () => {}).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImageError);
      expect((err as Error).message).toMatch(reason);
    }
  });
});
