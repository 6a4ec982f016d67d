import { describe, expect, it } from 'vitest';
import type { QueueItemView } from '../service/messages.ts';
import { untilText, whyWaiting } from './format.ts';

const item = (over: Partial<QueueItemView>): QueueItemView => ({
  id: 'k',
  state: 'pending',
  title: 't',
  url: 'u',
  capturedAt: '',
  attempts: 1,
  nextAttemptAt: 0,
  lastError: null,
  warnings: [],
  ...over,
});

describe('popup wording for captures still in the browser', () => {
  it('says why a capture is waiting and when it will be tried again', () => {
    const now = 1_000_000;
    const text = whyWaiting(item({ nextAttemptAt: now + 120_000, lastError: { code: 'NETWORK', message: 'Could not reach the server', at: '' } }), now);
    expect(text).toBe('Not sent yet (Could not reach the server); next try in 2 min');
  });

  it('calls a refused capture "needs attention" with the server\'s reason', () => {
    expect(whyWaiting(item({ state: 'needs_attention', lastError: { code: 'HASH_MISMATCH', message: 'bad', status: 422, at: '' } }))).toContain(
      'Needs attention',
    );
    expect(whyWaiting(item({ state: 'needs_attention', lastError: { code: 'HASH_MISMATCH', message: 'bad', status: 422, at: '' } }))).toContain(
      'HASH_MISMATCH',
    );
  });

  it('tells the councillor to get a new token and pair again when the server pinned their token to another install key', () => {
    const text = whyWaiting(
      item({ state: 'needs_attention', lastError: { code: 'SIGNATURE_KEY_CHANGED', message: 'different device key', status: 403, at: '' } }),
    );
    expect(text).toMatch(/^Needs attention: .*Ask your council for a new token, pair again in Options, then press Try again\.$/);
  });

  it('rounds waiting times sensibly', () => {
    expect(untilText(0, 10)).toBe('now');
    expect(untilText(45_000, 0)).toBe('in 45 s');
    expect(untilText(3 * 3_600_000, 0)).toBe('in 3 h');
  });
});
