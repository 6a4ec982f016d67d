import { describe, expect, it } from 'vitest';
import { backoffDelayMs, BACKOFF_MAX_MS, classifyStatus } from './backoff.ts';

describe('retry schedule', () => {
  it('waits 30 s, 1 min, 2 min, 4 min … and never more than an hour between tries', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffDelayMs(12)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelayMs(1000)).toBe(BACKOFF_MAX_MS);
  });

  it('retries outages, rate limits and a rejected token, but holds a bundle the server refused for its content', () => {
    expect(classifyStatus(undefined)).toBe('retry');
    for (const s of [401, 408, 429, 500, 502, 503]) expect(classifyStatus(s)).toBe('retry');
    for (const s of [400, 403, 409, 413, 415, 422]) expect(classifyStatus(s)).toBe('needs_attention');
    expect(classifyStatus(200)).toBe('delivered');
    expect(classifyStatus(201)).toBe('delivered');
  });
});
