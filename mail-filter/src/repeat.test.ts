import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from './log.ts';
import { repeat } from './repeat.ts';

// Fake timers: a round that runs without the clock moving can only have been woken.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const POLL_MS = 600_000;

describe('a background loop', () => {
  it('runs the next round at once when woken during a round, without waiting for the poll', async () => {
    const stop = new AbortController();
    let wake = () => {};
    let finishRound = () => {};
    let rounds = 0;
    const done = repeat(
      'alerts',
      POLL_MS,
      () => {
        rounds += 1;
        return new Promise<void>((r) => (finishRound = r));
      },
      { stop: stop.signal, log: silentLogger, onWake: (w) => (wake = w) },
    );

    await vi.waitFor(() => expect(rounds).toBe(1));
    wake(); // a threat is filed while the first round is still sending
    finishRound();
    await vi.waitFor(() => expect(rounds).toBe(2));

    finishRound(); // no wake this time: the third round waits for the poll
    await vi.advanceTimersByTimeAsync(POLL_MS - 1);
    expect(rounds).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(rounds).toBe(3);

    stop.abort();
    finishRound();
    await done;
    expect(rounds).toBe(3);
  });

  it('logs a failed round and goes on', async () => {
    const stop = new AbortController();
    const warn = vi.fn();
    let rounds = 0;
    const done = repeat(
      'spool drain',
      POLL_MS,
      async () => {
        rounds += 1;
        if (rounds === 1) throw new Error('Worker down');
        stop.abort();
      },
      { stop: stop.signal, log: { ...silentLogger, warn } },
    );
    await vi.advanceTimersByTimeAsync(POLL_MS);
    await done;
    expect(rounds).toBe(2);
    expect(warn).toHaveBeenCalledWith('spool drain failed this round', { error: 'Worker down' });
  });
});
