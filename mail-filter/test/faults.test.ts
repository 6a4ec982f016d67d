import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from './dovecot.ts';
import { filterConfig, stack as sharedStack, startFilter, tempDir, waitFor, type Stack } from './stack.ts';
import { ABUSE, CLEAN, textMessage, THREAT_TO_LIFE, type Built } from './messages.ts';
import { expectNothingLostOrDoubled } from './invariants.ts';

const KILLED = 'killed@council.example';
const RESTARTED = 'restarted@council.example';
const OFFLINE = 'offline@council.example';
let dovecot: Dovecot;
let stack: Stack;

beforeAll(async () => {
  stack = sharedStack();
  dovecot = await startDovecot([KILLED, RESTARTED, OFFLINE]);
});
afterAll(async () => {
  await stack?.startWorker();
  await dovecot?.cleanup();
});

/** n messages, every third one abusive. */
function batch(n: number, tag: string): { sent: Built[]; flagged: Built[] } {
  const sent: Built[] = [];
  const flagged: Built[] = [];
  for (let i = 0; i < n; i++) {
    const abusive = i % 3 === 0;
    const m = textMessage(abusive ? `${ABUSE} (${tag} ${i})` : `${CLEAN} (${tag} ${i})`, { subject: `${tag} ${i}` });
    sent.push(m);
    if (abusive) flagged.push(m);
  }
  return { sent, flagged };
}

/** Several small batches, so a fault can land between one batch's MOVE and the next. */
const SMALL_BATCHES = { batch: { fetchMessages: 6 } };

describe('faults while filtering', () => {
  it('loses and doubles nothing when the filter is SIGKILLed mid-batch and restarted', async () => {
    const { sent, flagged } = batch(30, 'kill');
    for (const m of sent) dovecot.deliver(KILLED, m.raw);
    const spoolDir = join(tempDir('wg-kill-'), 'spool');
    const first = startFilter(filterConfig(stack, dovecot, KILLED, SMALL_BATCHES), spoolDir);
    await waitFor('the first quarantined messages', async () => dovecot.countOnDisk(KILLED, 'Quarantine') >= 2, 60_000, 5);
    await first.kill('SIGKILL');
    expect(first.proc.signalCode).toBe('SIGKILL');
    expect((await dovecot.list(KILLED, 'Quarantine')).length).toBeLessThan(flagged.length);

    const second = startFilter(filterConfig(stack, dovecot, KILLED), spoolDir);
    try {
      await expectNothingLostOrDoubled(stack, dovecot, KILLED, sent, flagged);
      await waitFor('clean mail marked scanned', async () => (await dovecot.list(KILLED, 'INBOX')).every((m) => m.flags.has('$WardguardScanned')));
    } finally {
      await second.kill();
    }
  }, 150_000);

  it('loses and doubles nothing when Dovecot stops in the middle of moving mail and comes back', async () => {
    const { sent, flagged } = batch(60, 'dovecot');
    for (const m of sent) dovecot.deliver(RESTARTED, m.raw);
    const filter = startFilter(filterConfig(stack, dovecot, RESTARTED, SMALL_BATCHES));
    try {
      await waitFor('the first quarantined messages', async () => dovecot.countOnDisk(RESTARTED, 'Quarantine') >= 2, 60_000, 5);
      await dovecot.stop();
      expect(dovecot.countOnDisk(RESTARTED, 'Quarantine')).toBeLessThan(flagged.length);
      await new Promise((r) => setTimeout(r, 1500));
      await dovecot.start();
      await expectNothingLostOrDoubled(stack, dovecot, RESTARTED, sent, flagged);
      expect(filter.logs.join('')).toMatch(/reconnecting/);
      expect(filter.proc.exitCode).toBeNull();
    } finally {
      await filter.kill();
    }
  }, 150_000);

  it('spools flagged mail while the Worker is down, still quarantines it and alerts a threat to life, then files it once the Worker is back', async () => {
    const before = (await stack.received()).emails.length;
    await stack.stopWorker();
    const { sent, flagged } = batch(9, 'offline');
    const ttl = textMessage(THREAT_TO_LIFE, { subject: 'offline threat' });
    sent.push(ttl);
    flagged.push(ttl);
    for (const m of sent) dovecot.deliver(OFFLINE, m.raw);
    const filter = startFilter(filterConfig(stack, dovecot, OFFLINE));
    try {
      // Nothing leaves the inbox before its record is durable: here, in the fsynced spool.
      await waitFor('flagged mail quarantined from the spool', async () => (await dovecot.list(OFFLINE, 'Quarantine')).length === flagged.length, 60_000, 250);
      const spooled = readdirSync(join(filter.spoolDir, 'outbox')).filter((f) => f.endsWith('.json'));
      expect(spooled).toHaveLength(flagged.length);
      await waitFor(
        'the duty officers told about the threat at once',
        async () => (await stack.received()).emails.slice(before).some((e) => /not yet filed/.test(e.raw)),
        15_000,
      );

      await stack.startWorker();
      await expectNothingLostOrDoubled(stack, dovecot, OFFLINE, sent, flagged);
      await waitFor('spool drained', async () => readdirSync(join(filter.spoolDir, 'outbox')).filter((f) => f.endsWith('.json')).length === 0, 30_000);
    } finally {
      await stack.startWorker();
      await filter.kill();
    }
  }, 180_000);
});
