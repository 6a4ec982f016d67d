import { describe, expect, it } from 'vitest';
import { fillBlocks, type Block } from './fill-blocks.ts';

const bytes = (...v: number[]) => new Uint8Array(v);

describe('fillBlocks', () => {
  it('cuts chunks of any size into whole blocks, in order, and keeps the part-filled rest', async () => {
    const block: Block = { bytes: new Uint8Array(3), filled: 0 };
    const full: number[][] = [];
    const taken: number[] = [];
    const onFull = (n: number) => {
      full.push([...block.bytes]);
      taken.push(n);
      block.filled = 0;
    };
    await fillBlocks(bytes(1, 2), block, onFull);
    await fillBlocks(bytes(3, 4, 5, 6, 7, 8, 9), block, onFull);
    await fillBlocks(bytes(10), block, onFull);
    expect(full).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    expect(taken).toEqual([1, 4, 7]);
    expect([...block.bytes.subarray(0, block.filled)]).toEqual([10]);
  });

  it('fills a new block of another size when onFull puts one in', async () => {
    const block: Block = { bytes: new Uint8Array(2), filled: 0 };
    const full: number[][] = [];
    await fillBlocks(bytes(1, 2, 3, 4, 5), block, () => {
      full.push([...block.bytes]);
      block.bytes = new Uint8Array(4);
      block.filled = 0;
    });
    expect(full).toEqual([[1, 2]]);
    expect([...block.bytes.subarray(0, block.filled)]).toEqual([3, 4, 5]);
    expect(block.bytes.byteLength).toBe(4);
  });

  it('refuses to go on when onFull leaves the block full', async () => {
    const block: Block = { bytes: new Uint8Array(1), filled: 0 };
    await expect(fillBlocks(bytes(1, 2), block, () => undefined)).rejects.toThrow(/not emptied/);
  });
});
