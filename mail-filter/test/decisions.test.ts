import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailAction } from '@wardguard/shared/api/mail';
import { startDovecot, type Dovecot } from './dovecot.ts';
import { filterConfig, stack as sharedStack, startFilter, waitFor, type Stack } from './stack.ts';
import { ABUSE, textMessage, THREAT_TO_LIFE } from './messages.ts';
import { ImapFlow } from 'imapflow';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const RELEASE = 'release@council.example';
const ALERT = 'alert@council.example';
const MOVED_BACK = 'moved-back@council.example';
const RELEASED_OFFLINE = 'released-offline@council.example';
const NOT_ABUSE = 'not-abuse@council.example';
let dovecot: Dovecot;
let stack: Stack;

beforeAll(async () => {
  stack = sharedStack();
  dovecot = await startDovecot([RELEASE, ALERT, MOVED_BACK, RELEASED_OFFLINE, NOT_ABUSE]);
});
afterAll(async () => {
  await stack?.startWorker();
  await dovecot?.cleanup();
});

describe('officer decisions and alerts', () => {
  it('puts a message an officer releases back in the inbox, and never quarantines it again', async () => {
    const msg = textMessage(ABUSE, { subject: 'robust criticism' });
    const kept = textMessage(`${ABUSE} again`, { subject: 'keep this one' });
    dovecot.deliver(RELEASE, msg.raw);
    dovecot.deliver(RELEASE, kept.raw);
    const filter = startFilter(filterConfig(stack, dovecot, RELEASE));
    try {
      await waitFor('both quarantined', async () => (await dovecot.list(RELEASE, 'Quarantine')).length === 2, 60_000);
      const records = await stack.records(RELEASE);
      const record = records.find((r) => r.messageId === msg.messageId)!;
      const keptRecord = records.find((r) => r.messageId === kept.messageId)!;
      const res = await stack.officer(`/mail/records/${record.id}/decision`, { method: 'POST', json: { decision: 'release', note: 'criticism, not abuse' } });
      expect(res.status).toBe(200);
      expect((await stack.officer(`/mail/records/${keptRecord.id}/decision`, { method: 'POST', json: { decision: 'keep' } })).status).toBe(200);

      await waitFor(
        'released message back in the inbox',
        async () => (await dovecot.list(RELEASE, 'INBOX')).some((m) => m.messageId === msg.messageId),
        30_000,
      );
      await waitFor(
        'kept message marked',
        async () => (await dovecot.list(RELEASE, 'Quarantine')).some((m) => m.messageId === kept.messageId && m.flags.has('$WardguardKept')),
        30_000,
      );
      const service = (path: string) => fetch(`${stack.workerUrl}/api/v1/mail/service${path}`, { headers: { authorization: `Bearer ${stack.serviceToken}` } });
      await waitFor(
        'both decisions acknowledged',
        async () => ((await (await service(`/actions?mailbox=${RELEASE}`)).json()) as { actions: MailAction[] }).actions.length === 0,
        15_000,
      );
      // Read back by the UID its quarantine MOVE returned, not by searching the folder.
      expect(filter.logs.join('')).toMatch(/moved 1 to INBOX \(found by the UID it was quarantined to\)/);
      expect(filter.logs.join('')).toMatch(/kept 1 in Quarantine \(found by the UID it was quarantined to\)/);

      // Several more passes of the filter: the released message stays where the officer put it.
      await new Promise((r) => setTimeout(r, 4000));
      const inbox = await dovecot.list(RELEASE, 'INBOX');
      const released = inbox.find((m) => m.messageId === msg.messageId)!;
      expect(released.flags.has('$WardguardReleased')).toBe(true);
      expect((await dovecot.list(RELEASE, 'Quarantine')).map((m) => m.messageId)).toEqual([kept.messageId]);
      expect((await stack.records(RELEASE)).find((r) => r.messageId === msg.messageId)?.state).toBe('released');
    } finally {
      await filter.kill();
    }
  }, 120_000);

  it('repeats a threat-to-life alert by email until an officer acknowledges it, then stops', async () => {
    const ttl = textMessage(THREAT_TO_LIFE, { subject: 'repeat me' });
    dovecot.deliver(ALERT, ttl.raw);
    const filter = startFilter(filterConfig(stack, dovecot, ALERT));
    try {
      const record = await waitFor('record filed', async () => (await stack.records(ALERT))[0], 60_000);
      const alertId = await waitFor('alert open', async () => {
        const res = await stack.officer('/mail/alerts');
        const { alerts } = (await res.json()) as { alerts: Array<{ id: string; recordId: string }> };
        return alerts.find((a) => a.recordId === record.id)?.id;
      });
      const mailsFor = async () => (await stack.received()).emails.filter((e) => e.raw.includes(alertId));
      // The global setup sets ALERT_REPEAT_SECONDS=3: a reminder follows the first email.
      await waitFor('a reminder email', async () => (await mailsFor()).length >= 2, 30_000);
      expect((await mailsFor()).some((e) => /reminder 1/.test(e.raw))).toBe(true);
      // The webhook is the Worker's own channel: pushed once at filing, repeated by its cron
      // (not run by wrangler dev; tested in worker/src/mail/alert-repeat.test.ts), never
      // by the filter's email reminders.
      expect((await stack.received()).webhookCalls.filter((c) => c.alertId === alertId)).toEqual([expect.objectContaining({ repeat: 0 })]);

      expect((await stack.officer(`/mail/alerts/${alertId}/ack`, { method: 'POST' })).status).toBe(200);
      // At most one reminder already in flight; after that, silence.
      const count = (await mailsFor()).length;
      await new Promise((r) => setTimeout(r, 2000));
      const settled = (await mailsFor()).length;
      expect(settled).toBeLessThanOrEqual(count + 1);
      await new Promise((r) => setTimeout(r, 5000));
      expect((await mailsFor()).length).toBe(settled);
    } finally {
      await filter.kill();
    }
  }, 120_000);

  it('reports a keep decision as not carried out when the councillor has moved the message back to the inbox, and leaves it there', async () => {
    const msg = textMessage(ABUSE, { subject: 'I want to read this' });
    dovecot.deliver(MOVED_BACK, msg.raw);
    const filter = startFilter(filterConfig(stack, dovecot, MOVED_BACK));
    try {
      await waitFor('quarantined', async () => (await dovecot.list(MOVED_BACK, 'Quarantine')).length === 1, 60_000);
      // The councillor drags it back from Quarantine in their mail client. Marked scanned so
      // the filter's next pass leaves it (as a high-water server would: its UID is below the
      // mark) and the keep decision finds it in the inbox.
      const councillor = new ImapFlow({
        ...dovecot.imapFor(MOVED_BACK),
        auth: { user: MOVED_BACK, pass: dovecot.imapFor(MOVED_BACK).password },
        logger: false,
      });
      await councillor.connect();
      const lock = await councillor.getMailboxLock('Quarantine');
      try {
        await councillor.messageFlagsAdd('1:*', ['$WardguardScanned']);
        expect(await councillor.messageMove('1:*', 'INBOX')).toBeTruthy();
      } finally {
        lock.release();
        await councillor.logout();
      }
      const [record] = await stack.records(MOVED_BACK);
      expect((await stack.officer(`/mail/records/${record!.id}/decision`, { method: 'POST', json: { decision: 'keep' } })).status).toBe(200);
      const custody = async () =>
        ((await (await stack.officer(`/custody?itemId=${record!.itemId}`)).json()) as { events: Array<{ action: string; details: Record<string, unknown> }> })
          .events;
      const event = await waitFor('the decision acknowledged', async () => (await custody()).find((e) => e.action.startsWith('mail_action_')), 30_000);
      expect(event).toMatchObject({ action: 'mail_action_not_applied', details: { decision: 'keep', outcome: 'not_found' } });
      expect(String(event.details.detail)).toMatch(/found in INBOX/);
      expect((await dovecot.list(MOVED_BACK, 'INBOX')).map((m) => m.messageId)).toEqual([msg.messageId]);
      expect(await dovecot.list(MOVED_BACK, 'Quarantine')).toEqual([]);
    } finally {
      await filter.kill();
    }
  }, 120_000);

  it('never quarantines a released message again, even with its keywords gone, its scan state lost and the Worker down', async () => {
    const msg = textMessage(ABUSE, { subject: 'released, then rescanned' });
    dovecot.deliver(RELEASED_OFFLINE, msg.raw);
    const spoolDir = join(dovecot.dir, 'released-offline-spool');
    const first = startFilter(filterConfig(stack, dovecot, RELEASED_OFFLINE), spoolDir);
    try {
      await waitFor('quarantined', async () => (await dovecot.list(RELEASED_OFFLINE, 'Quarantine')).length === 1, 60_000);
      const [record] = await stack.records(RELEASED_OFFLINE);
      expect((await stack.officer(`/mail/records/${record!.id}/decision`, { method: 'POST', json: { decision: 'release' } })).status).toBe(200);
      await waitFor('released to the inbox', async () => (await dovecot.list(RELEASED_OFFLINE, 'INBOX')).length === 1, 30_000);
    } finally {
      await first.kill();
    }
    // What a server without keywords does: the message comes back with a new UID and no
    // marks. Stripped here, and the scan state (high-water marks) lost with them.
    const councillor = new ImapFlow({
      ...dovecot.imapFor(RELEASED_OFFLINE),
      auth: { user: RELEASED_OFFLINE, pass: dovecot.imapFor(RELEASED_OFFLINE).password },
      logger: false,
    });
    await councillor.connect();
    const lock = await councillor.getMailboxLock('INBOX');
    try {
      await councillor.messageFlagsRemove('1:*', ['$WardguardReleased', '$WardguardScanned', '$WardguardQuarantined']);
    } finally {
      lock.release();
      await councillor.logout();
    }
    for (const f of readdirSync(join(spoolDir, 'state'))) if (f.endsWith('.high-water.json')) rmSync(join(spoolDir, 'state', f));
    await stack.stopWorker();
    const second = startFilter(filterConfig(stack, dovecot, RELEASED_OFFLINE), spoolDir);
    try {
      await waitFor(
        'the pass over the inbox to reach it',
        async () => /"msg":"left in the inbox: an officer released it earlier"/.test(second.logs.join('')),
        30_000,
      );
      expect((await dovecot.list(RELEASED_OFFLINE, 'INBOX')).map((m) => m.messageId)).toEqual([msg.messageId]);
      expect(await dovecot.list(RELEASED_OFFLINE, 'Quarantine')).toEqual([]);
      const outbox = join(spoolDir, 'outbox');
      expect(existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith('.json')) : []).toEqual([]);
    } finally {
      await stack.startWorker();
      await second.kill();
    }
  }, 180_000);

  it('puts a message marked not-abuse back in the inbox, acknowledged, and leaves it there', async () => {
    const msg = textMessage(`${ABUSE} (a quote from the planning objection)`, { subject: 'quoting the objection' });
    dovecot.deliver(NOT_ABUSE, msg.raw);
    const filter = startFilter(filterConfig(stack, dovecot, NOT_ABUSE));
    try {
      await waitFor('quarantined', async () => (await dovecot.list(NOT_ABUSE, 'Quarantine')).length === 1, 60_000);
      const [record] = await stack.records(NOT_ABUSE);
      expect((await stack.officer(`/mail/records/${record!.id}/decision`, { method: 'POST', json: { decision: 'not_abuse' } })).status).toBe(200);
      await waitFor('back in the inbox', async () => (await dovecot.list(NOT_ABUSE, 'INBOX')).length === 1, 30_000);
      const custody = async () =>
        ((await (await stack.officer(`/custody?itemId=${record!.itemId}`)).json()) as { events: Array<{ action: string; details: Record<string, unknown> }> })
          .events;
      const event = await waitFor('the decision acknowledged', async () => (await custody()).find((e) => e.action.startsWith('mail_action_')), 15_000);
      expect(event).toMatchObject({ action: 'mail_action_applied', details: { decision: 'not_abuse', outcome: 'applied' } });
      await new Promise((r) => setTimeout(r, 3000));
      const [back] = await dovecot.list(NOT_ABUSE, 'INBOX');
      expect(back!.messageId).toBe(msg.messageId);
      expect(back!.flags.has('$WardguardReleased')).toBe(true);
      expect(await dovecot.list(NOT_ABUSE, 'Quarantine')).toEqual([]);
      expect((await stack.records(NOT_ABUSE)).map((r) => r.state)).toEqual(['not_abuse']);
    } finally {
      await filter.kill();
    }
  }, 120_000);
});
