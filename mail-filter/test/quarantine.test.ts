import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot, type MessageInFolder } from './dovecot.ts';
import { filterConfig, stack as sharedStack, startFilter, waitFor, type Stack } from './stack.ts';
import { ABUSE, CLEAN, quotedAbuseReply, textMessage, THREAT, THREAT_TO_LIFE } from './messages.ts';

const USER = 'alice@council.example';
let dovecot: Dovecot;
let stack: Stack;

beforeAll(async () => {
  stack = sharedStack();
  dovecot = await startDovecot([USER]);
}, 120_000);
afterAll(async () => {
  await dovecot?.cleanup();
});

const ids = (ms: MessageInFolder[]) => ms.map((m) => m.messageId).sort();
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('inbox filter against Dovecot and the Worker', () => {
  it('quarantines abusive backlog and live mail with one Worker record each, leaves clean mail, flags and alerts threats', async () => {
    const clean = textMessage(CLEAN);
    const quoted = quotedAbuseReply();
    const abuse = textMessage(ABUSE, { subject: 'Your vote' });
    const threat = textMessage(THREAT, { subject: 'Watch out' });
    const ttl = textMessage(THREAT_TO_LIFE, { subject: 'Last warning' });
    for (const m of [clean, quoted, abuse, threat, ttl]) dovecot.deliver(USER, m.raw);

    const config = filterConfig(stack, dovecot, USER);
    // Threats first: the duty email must not wait for the alerts poll.
    const filter = startFilter({ ...config, alerts: { ...config.alerts, pollSeconds: 600 } });
    try {
      await waitFor('backlog quarantined', async () => (await dovecot.list(USER, 'Quarantine')).length === 3, 60_000);

      // Live mail, arriving while the filter idles.
      const liveAbuse = textMessage(ABUSE, { subject: 'Again' });
      const liveClean = textMessage(CLEAN, { subject: 'Bins' });
      const liveTtl = textMessage(THREAT_TO_LIFE, { subject: 'Tonight' });
      for (const m of [liveClean, liveAbuse, liveTtl]) await dovecot.append(USER, m.raw);
      await waitFor('live mail quarantined', async () => (await dovecot.list(USER, 'Quarantine')).length === 5, 30_000);
      await waitFor('live clean mail scanned', async () => (await dovecot.list(USER, 'INBOX')).every((m) => m.flags.has('$WardguardScanned')), 15_000);

      const inbox = await dovecot.list(USER, 'INBOX');
      const quarantine = await dovecot.list(USER, 'Quarantine');
      expect(ids(inbox)).toEqual([clean, quoted, liveClean].map((m) => m.messageId).sort());
      expect(ids(quarantine)).toEqual([abuse, threat, ttl, liveAbuse, liveTtl].map((m) => m.messageId).sort());
      for (const m of quarantine) {
        const isThreat = [threat, ttl, liveTtl].some((t) => t.messageId === m.messageId);
        expect(m.flags.has('\\Flagged')).toBe(isThreat);
        expect(m.flags.has('$Threat')).toBe(isThreat);
      }

      // Exactly one record per quarantined message, with the bytes' own SHA-256.
      const rows = (await stack.records(USER)).map((r) => ({ message_id: r.messageId, source_sha256: r.sourceSha256 }));
      expect(rows.map((r) => r.message_id).sort()).toEqual(ids(quarantine));
      expect(rows.map((r) => r.source_sha256).sort()).toEqual(quarantine.map((m) => sha(m.source)).sort());
      const queue = (await stack.records(USER)).filter((r) => r.state === 'quarantined');
      expect(queue.slice(0, 2).map((r) => r.severity)).toEqual(['threat_to_life', 'threat_to_life']);
      expect(queue.find((r) => r.messageId === abuse.messageId)?.receivedChain[0]).toContain('mx.sender.example');

      // Threats to life: the webhook and an email to the duty officers for each of THIS test's
      // alerts (the SMTP server and webhook receiver are shared with other test files).
      const alerts = ((await (await stack.officer('/mail/alerts')).json()) as { alerts: Array<{ id: string; recordId: string }> }).alerts;
      const ttlRecords = queue.filter((r) => r.severity === 'threat_to_life').map((r) => r.id);
      const alertIds = alerts
        .filter((a) => ttlRecords.includes(a.recordId))
        .map((a) => a.id)
        .sort();
      expect(alertIds).toHaveLength(2);
      const header = (raw: string) => /^X-Wardguard-Alert:\s*(\S+)/im.exec(raw)?.[1] ?? null;
      // alerts.pollSeconds is 600 here: each email went out because filing raised the alert, not on a poll.
      const got = await waitFor(
        "an alert email and a webhook call for each of this test's alerts",
        async () => {
          const r = await stack.received();
          const emails = r.emails.filter((e) => alertIds.includes(header(e.raw) ?? ''));
          const hooks = r.webhookCalls.filter((c) => alertIds.includes(String(c.alertId)));
          const all = (xs: string[]) => alertIds.every((id) => xs.includes(id));
          return all(emails.map((e) => header(e.raw)!)) && all(hooks.map((c) => String(c.alertId))) && { emails, hooks };
        },
        20_000,
      );
      // A reminder may follow (ALERT_REPEAT_SECONDS is 3 in the test Worker) when the live threat wakes the loop.
      expect([...new Set(got.emails.map((e) => header(e.raw)))].sort()).toEqual(alertIds);
      for (const id of alertIds) expect(got.emails.find((e) => header(e.raw) === id)!.raw).not.toMatch(/reminder/);
      expect(got.hooks.map((c) => c.alertId).sort()).toEqual(alertIds);
      expect(got.emails.every((e) => e.to.includes('duty@council.example') && /THREAT TO LIFE/.test(e.raw))).toBe(true);
      expect(got.emails.some((e) => e.raw.includes(THREAT_TO_LIFE))).toBe(false);
      expect(got.hooks.every((c) => c.type === 'wardguard.threat_to_life' && c.repeat === 0)).toBe(true);
    } finally {
      await filter.kill();
    }
  }, 150_000);
});
