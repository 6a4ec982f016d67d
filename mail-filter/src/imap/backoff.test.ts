import { describe, expect, it } from 'vitest';
import { createBackoff } from './backoff.ts';

describe('reconnect back-off', () => {
  it('doubles the wait after each failure up to the cap, and starts again after a reset', () => {
    const b = createBackoff({ minMs: 100, maxMs: 1000, random: () => 1 });
    expect([b.next(), b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([100, 200, 400, 800, 1000, 1000]);
    b.reset();
    expect(b.next()).toBe(100);
  });

  it('spreads reconnects between half and all of the ceiling so filters do not stampede', () => {
    const low = createBackoff({ minMs: 1000, maxMs: 60_000, random: () => 0 });
    expect(low.next()).toBe(500);
  });
});
