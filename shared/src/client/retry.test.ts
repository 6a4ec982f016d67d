import { describe, expect, it } from 'vitest';
import { isRetryableStatus, retryAfterMs, retryDelayMs } from './retry.ts';

describe('the one retry rule', () => {
  it('retries no answer, 408, 429 and 5xx, and never a refusal, a rejected token included', () => {
    for (const s of [undefined, 408, 429, 500, 502, 503, 504]) expect(isRetryableStatus(s)).toBe(true);
    for (const s of [400, 401, 403, 404, 409, 413, 415, 422]) expect(isRetryableStatus(s)).toBe(false);
  });

  it('reads Retry-After as seconds or as a date, and ignores what it cannot read', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Mon, 07 Dec 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Mon, 07 Dec 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it('doubles the wait up to its cap, but waits at least as long as the server asked', () => {
    const backoff = { baseMs: 30_000, maxMs: 3_600_000 };
    expect([0, 1, 2, 3, 4].map((n) => retryDelayMs(n, backoff))).toEqual([0, 30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(1000, backoff)).toBe(3_600_000);
    expect(retryDelayMs(1, backoff, 90_000)).toBe(90_000);
    expect(retryDelayMs(3, backoff, 1_000)).toBe(120_000);
  });
});
