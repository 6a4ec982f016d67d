import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImapFlow } from 'imapflow';
import { createScanProgress } from './progress.ts';

// Dovecot always allows keywords, so the high-water fallback is exercised here with a
// stand-in for the two calls it makes; the keyword path is covered against Dovecot.
function serverWithoutKeywords(uids: number[], uidValidity: bigint) {
  return {
    mailbox: { path: 'INBOX', permanentFlags: new Set(['\\Seen', '\\Flagged']), uidValidity },
    async search(q: { uid: string }) {
      if (!q.uid.includes(':')) return uids.filter((u) => q.uid.split(',').map(Number).includes(u));
      const from = Number(q.uid.split(':')[0]);
      return uids.filter((u) => u >= from);
    },
  } as unknown as ImapFlow;
}

const dirs: string[] = [];
const stateDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'wg-progress-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('scan progress where the server refuses keywords', () => {
  it('remembers the last scanned UID across restarts', async () => {
    const dir = stateDir();
    const first = await createScanProgress(serverWithoutKeywords([3, 5, 9], 7n), dir, 'alice@council.example');
    expect(first.mode).toBe('high-water');
    expect(await first.pending()).toEqual([3, 5, 9]);
    await first.done([3, 5], { moved: false });
    const restarted = await createScanProgress(serverWithoutKeywords([3, 5, 9, 12], 7n), dir, 'alice@council.example');
    expect(await restarted.pending()).toEqual([9, 12]);
  });

  it('scans everything again when UIDVALIDITY changes (the Worker de-duplicates)', async () => {
    const dir = stateDir();
    const first = await createScanProgress(serverWithoutKeywords([1, 2], 7n), dir, 'a');
    await first.done([2], { moved: true });
    const renumbered = await createScanProgress(serverWithoutKeywords([1, 2], 8n), dir, 'a');
    expect(await renumbered.pending()).toEqual([1, 2]);
  });

  it('passes a refused message on every pass, and offers it again only on the first scan after a restart', async () => {
    const dir = stateDir();
    const first = await createScanProgress(serverWithoutKeywords([3, 5, 9], 7n), dir, 'a', { retryRefused: true });
    expect(await first.pending()).toEqual([3, 5, 9]);
    await first.done([3], { moved: false });
    await first.refused(5);
    await first.done([9], { moved: false });
    expect(await first.pending()).toEqual([]);
    const restarted = await createScanProgress(serverWithoutKeywords([3, 5, 9, 12], 7n), dir, 'a', { retryRefused: true });
    expect(await restarted.pending()).toEqual([5, 12]);
    expect(await restarted.pending()).toEqual([12]);
    await restarted.done([5], { moved: true });
    const again = await createScanProgress(serverWithoutKeywords([5, 9, 12], 7n), dir, 'a', { retryRefused: true });
    expect(await again.pending()).toEqual([12]);
  });
});
