// The whole original of a message filed as a reduced copy (issue 14, item 1): kept in
// Quarantine and uploaded whole to the Worker's R2 afterwards. The filter's maxMessageBytes is
// lowered to 1 MiB, so a message of ~2.7 MiB stands in for one over the Worker's 50 MiB.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailRecordView } from '@wardguard/shared/api/mail';
import { startDovecot, type Dovecot } from './dovecot.ts';
import { filterConfig, stack as sharedStack, startFilter, waitFor } from './stack.ts';
import { bigAttachment, THREAT_TO_LIFE } from './messages.ts';

const USER = 'large-original@council.example';
const MIB = 1024 * 1024;
const stack = sharedStack();
let dovecot: Dovecot;

beforeAll(async () => {
  dovecot = await startDovecot([USER]);
});
afterAll(async () => {
  await dovecot?.cleanup();
});

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('the original of a message too large to file whole', () => {
  it('ends up reduced in the Worker, whole in Quarantine, and whole in R2 with the same SHA-256, downloadable by an officer', async () => {
    const ttl = bigAttachment(2 * MIB, THREAT_TO_LIFE);
    const original = Buffer.from(ttl.raw);
    expect(original.byteLength).toBeGreaterThan(2 * MIB);
    dovecot.deliver(USER, ttl.raw);
    const config = filterConfig(stack, dovecot, USER);
    const filter = startFilter({ ...config, worker: { ...config.worker, maxMessageBytes: MIB } });
    try {
      await waitFor('the threat quarantined', async () => (await dovecot.list(USER, 'Quarantine')).length === 1, 60_000, 500);
      const [moved] = await dovecot.list(USER, 'Quarantine');
      expect(moved!.source.equals(original)).toBe(true);

      const record = await waitFor('the original stored', async () => (await stack.records(USER)).find((r: MailRecordView) => r.original) ?? null, 60_000, 500);
      expect(record.severity).toBe('threat_to_life');
      expect(record.threatAlert).not.toBeNull();
      expect(record.original).toMatchObject({ size: original.byteLength, sha256: sha256(original) });
      // The exhibit is the reduced copy, under its own hash.
      const item = (await (await stack.officer(`/evidence/${record.itemId}`)).json()) as { artifacts: Array<{ sha256: string; size: number }> };
      expect(item.artifacts).toHaveLength(1);
      expect(item.artifacts[0]!.size).toBeLessThan(MIB);

      const download = await stack.officer(`/mail/records/${record.id}/original`);
      expect(download.status).toBe(200);
      const bytes = Buffer.from(await download.arrayBuffer());
      expect(sha256(bytes)).toBe(sha256(original));
      expect(bytes.equals(original)).toBe(true);

      // Nothing left queued on the filter's disk once the Worker has it.
      const queued = join(filter.spoolDir, 'originals');
      await waitFor('the queue emptied', async () => !existsSync(queued) || readdirSync(queued).filter((f) => f.endsWith('.json')).length === 0, 10_000);
      expect(filter.logs.join('')).toMatch(/the whole original of a reduced message is kept in the Worker storage/);
      expect(filter.logs.join('')).not.toMatch(/REFUSED/);
    } finally {
      await filter.kill();
    }
  }, 180_000);
});
