// Flagged mail larger than the Worker takes (issue 14, finding 1). This file runs its own
// Worker with a 1 MiB message limit and a 1.5 MiB request limit, so a message of ~2.7 MiB
// stands in for one over 50 MiB: the Worker answers 413 BUNDLE_TOO_LARGE from the declared
// length, before reading the body (ARTIFACT_TOO_LARGE is covered in src/large/reduce.test.ts).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailRecordView } from '@wardguard/shared/api/mail';
import { startDovecot, type Dovecot } from './dovecot.ts';
import { filterConfig, ownStack, startFilter, tempDir, waitFor, type Stack } from './stack.ts';
import { bigAttachment, CLEAN, manySmallAttachments, THREAT_TO_LIFE } from './messages.ts';

const ARRIVAL = 'large-arrival@council.example';
const SPOOLED = 'large-spooled@council.example';
const UNREDUCIBLE = 'large-unreducible@council.example';
const MIB = 1024 * 1024;
let dovecot: Dovecot;
let stack: Stack & { close(): Promise<void> };

beforeAll(async () => {
  dovecot = await startDovecot([ARRIVAL, SPOOLED, UNREDUCIBLE]);
  stack = await ownStack({ MAX_ARTIFACT_BYTES: String(MIB), MAX_BUNDLE_BYTES: String(1.5 * MIB) });
});
afterAll(async () => {
  await stack?.close();
  await dovecot?.cleanup();
});

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The attachment `bigAttachment` builds, decoded: what the placeholder must describe. */
function bigBlob(bytes: number): Buffer {
  const blob = Buffer.alloc(bytes, 0x41);
  for (let i = 0; i < bytes; i += 4096) blob[i] = i & 0xff;
  return blob;
}

/** The .eml the Worker stored for a record, read as an officer would download it. */
async function storedEml(record: MailRecordView): Promise<string> {
  const item = (await (await stack.officer(`/evidence/${record.itemId}`)).json()) as {
    artifacts: Array<{ id: string; name: string }>;
    metadata: Record<string, unknown>;
  };
  expect(item.artifacts).toHaveLength(1);
  const res = await stack.officer(`/evidence/${record.itemId}/artifacts/${item.artifacts[0]!.id}`);
  expect(res.status).toBe(200);
  return res.text();
}

async function custodyDetails(record: MailRecordView, action: string): Promise<Record<string, unknown>> {
  const { events } = (await (await stack.officer(`/custody?itemId=${record.itemId}`)).json()) as {
    events: Array<{ action: string; details: Record<string, unknown> }>;
  };
  return events.find((e) => e.action === action)!.details;
}

const webhooksFor = async (recordId: string) => (await stack.received()).webhookCalls.filter((c) => c.recordId === recordId);
const dutyMailsFor = async (alertId: string) =>
  (await stack.received()).emails.filter((e) => e.raw.includes(`X-Wardguard-Alert: ${alertId}`) && !/reminder \d+/.test(e.raw));
const localAlertsFor = async (mailbox: string) =>
  (await stack.received()).emails.map((e) => e.raw.replace(/=\r?\n/g, '')).filter((raw) => raw.includes(`(${mailbox})`) && /not yet filed/.test(raw));

/** What an officer must be able to see in a reduced record: what was replaced, and the whole original's identity. */
async function expectReducedRecord(record: MailRecordView, original: Buffer, blob: Buffer) {
  // The record still names the original message (so decisions find it in Quarantine).
  expect(record).toMatchObject({ severity: 'threat_to_life', sourceSha256: sha256(original), sourceSize: original.byteLength });
  const eml = await storedEml(record);
  expect(eml.length).toBeLessThan(MIB);
  expect(eml).toContain('big.bin');
  expect(eml).toContain(String(blob.byteLength));
  expect(eml).toContain(sha256(blob));
  expect(eml).toContain(sha256(original));
  // The threat itself is still in the stored text.
  expect(eml).toContain(THREAT_TO_LIFE);
  const quarantined = await custodyDetails(record, 'mail_quarantined');
  expect(quarantined.reduced).toMatchObject({
    originalSha256: sha256(original),
    originalSize: original.byteLength,
    parts: [{ mediaType: 'application/octet-stream', size: blob.byteLength, sha256: sha256(blob) }],
  });
}

describe('flagged mail larger than the Worker takes', () => {
  it('quarantines a threat to life with an oversized attachment, files it with the attachment replaced by its name, size and hash, and alerts once; a clean large message is untouched', async () => {
    const blobBytes = 2 * MIB;
    const ttl = bigAttachment(blobBytes, THREAT_TO_LIFE);
    const clean = bigAttachment(blobBytes, CLEAN);
    dovecot.deliver(ARRIVAL, ttl.raw);
    dovecot.deliver(ARRIVAL, clean.raw);
    const filter = startFilter(filterConfig(stack, dovecot, ARRIVAL));
    try {
      await waitFor('the threat quarantined', async () => (await dovecot.list(ARRIVAL, 'Quarantine')).length === 1, 60_000, 500);
      await waitFor('the clean message scanned', async () => (await dovecot.list(ARRIVAL, 'INBOX')).every((x) => x.flags.has('$WardguardScanned')), 30_000);
      const [moved] = await dovecot.list(ARRIVAL, 'Quarantine');
      // The original stays whole in the councillor's Quarantine folder.
      expect(moved!.messageId).toBe(ttl.messageId);
      expect(moved!.source.equals(Buffer.from(ttl.raw))).toBe(true);
      expect(moved!.flags.has('$WardguardRefused')).toBe(false);
      const inbox = await dovecot.list(ARRIVAL, 'INBOX');
      expect(inbox.map((x) => x.messageId)).toEqual([clean.messageId]);
      expect(inbox[0]!.source.equals(Buffer.from(clean.raw))).toBe(true);

      const records = await stack.records(ARRIVAL);
      expect(records).toHaveLength(1);
      await expectReducedRecord(records[0]!, moved!.source, bigBlob(blobBytes));
      const alertId = records[0]!.threatAlert?.id;
      expect(alertId).toBeTruthy();
      await waitFor('the webhook', async () => (await webhooksFor(records[0]!.id)).length > 0, 30_000);
      await waitFor('the duty e-mail', async () => (await dutyMailsFor(alertId!)).length > 0, 30_000);
      // Several more passes: filed once, pushed once, first e-mail once.
      await new Promise((r) => setTimeout(r, 3000));
      expect(await stack.records(ARRIVAL)).toHaveLength(1);
      expect(await webhooksFor(records[0]!.id)).toHaveLength(1);
      expect(await dutyMailsFor(alertId!)).toHaveLength(1);
      expect(filter.logs.join('')).not.toMatch(/REFUSED/);
    } finally {
      await filter.kill();
    }
  }, 180_000);

  it('files a large threat spooled while the Worker was down as the reduced copy when the Worker is back, instead of setting it aside for ever', async () => {
    const blobBytes = 2 * MIB;
    const ttl = bigAttachment(blobBytes, THREAT_TO_LIFE);
    const spoolDir = join(tempDir('wg-large-'), 'spool');
    const outbox = join(spoolDir, 'outbox');
    const spoolFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);
    await stack.stopWorker();
    dovecot.deliver(SPOOLED, ttl.raw);
    const filter = startFilter(filterConfig(stack, dovecot, SPOOLED), spoolDir);
    try {
      await waitFor('quarantined from the spool', async () => (await dovecot.list(SPOOLED, 'Quarantine')).length === 1, 60_000, 500);
      await waitFor('the duty officers told by the filter', async () => (await localAlertsFor(SPOOLED)).length > 0, 30_000);
      await stack.startWorker();
      await waitFor('the spooled record filed', async () => (await stack.records(SPOOLED)).length === 1, 60_000, 500);
      await waitFor('the spool emptied', async () => spoolFiles(outbox).filter((f) => f.endsWith('.json')).length === 0, 30_000);
      expect(spoolFiles(join(outbox, 'refused'))).toEqual([]);
      const [moved] = await dovecot.list(SPOOLED, 'Quarantine');
      expect(moved!.source.equals(Buffer.from(ttl.raw))).toBe(true);
      const [record] = await stack.records(SPOOLED);
      await expectReducedRecord(record!, moved!.source, bigBlob(blobBytes));
      await waitFor('the webhook', async () => (await webhooksFor(record!.id)).length > 0, 30_000);
      await new Promise((r) => setTimeout(r, 3000));
      expect(await stack.records(SPOOLED)).toHaveLength(1);
      expect(await webhooksFor(record!.id)).toHaveLength(1);
      expect(await localAlertsFor(SPOOLED)).toHaveLength(1);
    } finally {
      await stack.startWorker();
      await filter.kill();
    }
  }, 240_000);

  it('leaves a threat to life that cannot be made small enough in the inbox, marked refused, and still e-mails the duty officers once', async () => {
    const ttl = manySmallAttachments(THREAT_TO_LIFE);
    dovecot.deliver(UNREDUCIBLE, ttl.raw);
    const filter = startFilter(filterConfig(stack, dovecot, UNREDUCIBLE));
    try {
      await waitFor(
        'the message marked refused',
        async () => (await dovecot.list(UNREDUCIBLE, 'INBOX')).some((m) => m.flags.has('$WardguardRefused')),
        60_000,
        500,
      );
      await waitFor('the duty officers told by the filter', async () => (await localAlertsFor(UNREDUCIBLE)).length > 0, 30_000);
      await new Promise((r) => setTimeout(r, 3000));
      expect((await dovecot.list(UNREDUCIBLE, 'INBOX')).map((m) => m.messageId)).toEqual([ttl.messageId]);
      expect(await dovecot.list(UNREDUCIBLE, 'Quarantine')).toEqual([]);
      expect(await stack.records(UNREDUCIBLE)).toEqual([]);
      expect(await localAlertsFor(UNREDUCIBLE)).toHaveLength(1);
      expect(filter.logs.join('')).toMatch(/REFUSED this message.*"code":"BUNDLE_TOO_LARGE"/);
    } finally {
      await filter.kill();
    }
  }, 120_000);
});
