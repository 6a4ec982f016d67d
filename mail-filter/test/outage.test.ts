// The Worker hung or down, and the spool full or clashing: a threat is still quarantined or
// kept, recorded once, and the duty officers are told about it exactly once.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from './dovecot.ts';
import { filterConfig, stack as sharedStack, startFilter, tempDir, waitFor, type Stack } from './stack.ts';
import { ABUSE, CLEAN, textMessage, THREAT_TO_LIFE } from './messages.ts';
import { expectNothingLostOrDoubled } from './invariants.ts';

const HUNG = 'hung-worker@council.example';
const FULL = 'full-spool@council.example';
// The same first 32 characters: the spool once named entries by that prefix alone.
const TWIN_A = 'shared-mailbox-for-the-whole-ward.north@council.example';
const TWIN_B = 'shared-mailbox-for-the-whole-ward.south@council.example';
let dovecot: Dovecot;
let stack: Stack;

beforeAll(async () => {
  stack = sharedStack();
  dovecot = await startDovecot([HUNG, FULL, TWIN_A, TWIN_B]);
});
afterAll(async () => {
  await stack?.startWorker();
  await dovecot?.cleanup();
});

/** A "Worker" that accepts every connection and never answers. */
async function startHungWorker(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** Duty e-mails sent by the filter itself ("not yet filed") about this mailbox. */
async function localAlertsFor(mailbox: string): Promise<string[]> {
  const unfolded = (await stack.received()).emails.map((e) => e.raw.replace(/=\r?\n/g, ''));
  return unfolded.filter((raw) => raw.includes(`(${mailbox})`) && /not yet filed/.test(raw));
}

const spoolFiles = (spoolDir: string) => (existsSync(join(spoolDir, 'outbox')) ? readdirSync(join(spoolDir, 'outbox')) : []);

// The "full disk" under the spool is a tiny tmpfs, so this file needs root, as the test Dovecot
// does: never skipped, so a machine that cannot mount fails here instead of passing silently.

describe('the Worker hung or down, the spool full or shared', () => {
  it('spools a threat to life within seconds when the Worker accepts connections but never answers, alerts the duty officers once, and files it when the Worker answers again', async () => {
    const hung = await startHungWorker();
    const spoolDir = join(tempDir('wg-hung-'), 'spool');
    const ttl = textMessage(THREAT_TO_LIFE, { subject: 'hung threat' });
    const abuse = textMessage(ABUSE, { subject: 'hung abuse' });
    const clean = textMessage(CLEAN, { subject: 'hung clean' });
    for (const m of [ttl, abuse, clean]) dovecot.deliver(HUNG, m.raw);
    const base = filterConfig(stack, dovecot, HUNG);
    const filter = startFilter({ ...base, worker: { ...base.worker, url: hung.url, filingTimeoutSeconds: 2 } }, spoolDir);
    try {
      // Far inside the old 120 s request timeout (the start-up check alone used to wait that long).
      await waitFor('flagged mail spooled and quarantined', async () => (await dovecot.list(HUNG, 'Quarantine')).length === 2, 40_000);
      expect(spoolFiles(spoolDir).filter((f) => f.endsWith('.json'))).toHaveLength(2);
      await waitFor('the duty officers told by the filter', async () => (await localAlertsFor(HUNG)).length > 0, 20_000);
      // Several more passes and drain rounds against the hung Worker: still one e-mail.
      await new Promise((r) => setTimeout(r, 5000));
      expect(await localAlertsFor(HUNG)).toHaveLength(1);
      expect(filter.proc.exitCode).toBeNull();
    } finally {
      await filter.kill();
      await hung.close();
    }
    // The Worker answers again: the same spool drains into it, once.
    const back = startFilter(filterConfig(stack, dovecot, HUNG), spoolDir);
    try {
      await expectNothingLostOrDoubled(stack, dovecot, HUNG, [ttl, abuse, clean], [ttl, abuse]);
      await waitFor('spool drained', async () => spoolFiles(spoolDir).filter((f) => f.endsWith('.json')).length === 0, 30_000);
      expect(await localAlertsFor(HUNG)).toHaveLength(1);
    } finally {
      await back.kill();
    }
  }, 180_000);

  it('alerts a threat to life even when the spool cannot be written while the Worker is down, keeps the message in the inbox and leaves no partial files', async () => {
    const spoolDir = join(tempDir('wg-full-'), 'spool');
    const outbox = join(spoolDir, 'outbox');
    mkdirSync(outbox, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', outbox]);
    await stack.stopWorker();
    // Bigger than the whole disk: the write fails part-way through.
    const ttl = textMessage(`${THREAT_TO_LIFE}\r\n\r\n${'The rest of this letter is long.\r\n'.repeat(4000)}`, { subject: 'threat on a full disk' });
    dovecot.deliver(FULL, ttl.raw);
    const filter = startFilter(filterConfig(stack, dovecot, FULL), spoolDir);
    try {
      await waitFor('the duty officers told although nothing could be spooled', async () => (await localAlertsFor(FULL)).length > 0, 40_000);
      await waitFor('the failed write logged', async () => /message left in the inbox for the next pass/.test(filter.logs.join('')), 20_000);
      // Several more passes: the message stays put, nothing half-written is left, no second e-mail.
      await new Promise((r) => setTimeout(r, 5000));
      expect((await dovecot.list(FULL, 'INBOX')).map((m) => m.messageId)).toEqual([ttl.messageId]);
      expect(await dovecot.list(FULL, 'Quarantine')).toEqual([]);
      expect(spoolFiles(spoolDir)).toEqual([]);
      expect(await localAlertsFor(FULL)).toHaveLength(1);

      // Space freed: the record is spooled, then the message quarantined; still one e-mail.
      execFileSync('mount', ['-o', 'remount,size=16m', outbox]);
      await waitFor('quarantined once spooled', async () => (await dovecot.list(FULL, 'Quarantine')).length === 1, 30_000);
      expect(spoolFiles(spoolDir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
      await stack.startWorker();
      await expectNothingLostOrDoubled(stack, dovecot, FULL, [ttl], [ttl]);
      expect(await localAlertsFor(FULL)).toHaveLength(1);
    } finally {
      await stack.startWorker();
      await filter.kill();
      execFileSync('umount', [outbox]);
    }
  }, 240_000);

  it('keeps one spooled record per mailbox when two accounts share a long id prefix and receive the same bytes', async () => {
    await stack.stopWorker();
    const same = textMessage(ABUSE, { subject: 'the same bytes to both' });
    dovecot.deliver(TWIN_A, same.raw);
    dovecot.deliver(TWIN_B, same.raw);
    const a = filterConfig(stack, dovecot, TWIN_A);
    const b = filterConfig(stack, dovecot, TWIN_B);
    const filter = startFilter({ ...a, accounts: [...a.accounts, ...b.accounts] });
    try {
      await waitFor(
        'both quarantined from the spool',
        async () => (await dovecot.list(TWIN_A, 'Quarantine')).length === 1 && (await dovecot.list(TWIN_B, 'Quarantine')).length === 1,
        40_000,
      );
      expect(spoolFiles(filter.spoolDir).filter((f) => f.endsWith('.json'))).toHaveLength(2);
      await stack.startWorker();
      await expectNothingLostOrDoubled(stack, dovecot, TWIN_A, [same], [same]);
      await expectNothingLostOrDoubled(stack, dovecot, TWIN_B, [same], [same]);
    } finally {
      await stack.startWorker();
      await filter.kill();
    }
  }, 180_000);
});
