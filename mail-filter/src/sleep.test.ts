import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sleep } from './sleep.ts';

// Fake timers that are never advanced: a wait that ends at all was ended by its signal.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('waiting between polls', () => {
  it('ends early when the filter is stopped, and does not wait for the timer', async () => {
    const stop = new AbortController();
    const waiting = sleep(10_000, [stop.signal]);
    stop.abort();
    await waiting;
    expect(vi.getTimerCount()).toBe(0);
  });

  it('returns at once when already stopped, and sets no timer', async () => {
    const stop = new AbortController();
    stop.abort();
    await sleep(10_000, [stop.signal]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits the whole time when nothing aborts', async () => {
    let ended = false;
    void sleep(10_000, [new AbortController().signal]).then(() => (ended = true));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(ended).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(ended).toBe(true);
  });
});
