import { describe, expect, it } from 'vitest';
import { sleep } from './sleep.ts';

describe('waiting between polls', () => {
  it('ends early when the filter is stopped, and does not wait for the timer', async () => {
    const stop = new AbortController();
    const t0 = Date.now();
    const waiting = sleep(10_000, [stop.signal]);
    setTimeout(() => stop.abort(), 20);
    await waiting;
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('returns at once when already stopped', async () => {
    const stop = new AbortController();
    stop.abort();
    const t0 = Date.now();
    await sleep(10_000, [stop.signal]);
    expect(Date.now() - t0).toBeLessThan(50);
  });
});
