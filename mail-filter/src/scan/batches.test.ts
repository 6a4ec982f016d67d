import { describe, expect, it } from 'vitest';
import { planBatches } from './batches.ts';

const MB = 1024 * 1024;

describe('planBatches', () => {
  it('never puts two large messages in one fetch when together they pass the byte budget', () => {
    const sizes = [3_000, 40 * MB, 105 * MB, 3_000, 3_000, 70 * MB];
    const batches = planBatches(
      sizes.map((size, i) => ({ uid: i + 1, size })),
      { maxBytes: 64 * MB, maxMessages: 100 },
    );
    expect(batches).toEqual([[1, 2], [3], [4, 5], [6]]);
  });

  it('caps a batch of small messages by count, and keeps UID order', () => {
    const small = Array.from({ length: 7 }, (_, i) => ({ uid: 10 + i, size: 100 }));
    expect(planBatches(small, { maxBytes: MB, maxMessages: 3 })).toEqual([[10, 11, 12], [13, 14, 15], [16]]);
    expect(planBatches([], { maxBytes: MB, maxMessages: 3 })).toEqual([]);
  });
});
