import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { sha256Hex } from '@wardguard/shared';
import type { FileMailResult, MailAction, MailAlert, MailRecordView } from '@wardguard/shared/api/mail';
import { api, errorCode, seedCouncil } from '../../test/helpers.ts';
import { fileForm, fileMessage, filingFor, rawEmail } from '../../test/mail-helpers.ts';

const THREAT_TO_LIFE = 'I am going to kill you, you will be dead by Friday';
const ABUSE = 'You are a useless fucking idiot';

describe('filing quarantined mail', () => {
  it('files the original .eml as an email exhibit with custody, and a repeat filing returns the same record', async () => {
    const s = await seedCouncil();
    const { res, record, eml } = await fileMessage(s.service.token, s.alice.id, { subject: 'You', body: ABUSE });
    expect(res.status).toBe(201);
    const first = (await res.json()) as FileMailResult;
    expect(first).toMatchObject({ state: 'quarantined', created: true, alertId: null });
    expect(first.exhibitRef).toMatch(/^AB\/\d+$/);

    const again = await api(s.service.token, '/mail/service/messages', { method: 'POST', body: fileForm(record, eml) });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ recordId: first.recordId, exhibitRef: first.exhibitRef, created: false });

    const rows = await env.DB.prepare('SELECT COUNT(*) AS n FROM mail_records WHERE message_id = ?').bind(record.messageId).first<{ n: number }>();
    expect(rows?.n).toBe(1);
    const view = (await (await api(s.officer.token, `/mail/records/${first.recordId}`)).json()) as MailRecordView;
    const stored = await env.EVIDENCE.get(
      (await env.DB.prepare('SELECT r2_key FROM artifacts WHERE item_id = ?').bind(view.itemId).first<{ r2_key: string }>())!.r2_key,
    );
    const bytes = new Uint8Array(await stored!.arrayBuffer());
    expect(await sha256Hex(bytes)).toBe(record.sourceSha256);
    const custody = await env.DB.prepare('SELECT action FROM custody_events WHERE item_id = ? ORDER BY seq').bind(view.itemId).all<{ action: string }>();
    expect(custody.results.map((r) => r.action)).toEqual(['captured', 'uploaded', 'mail_quarantined', 'viewed']);
  });

  it('refuses a message whose bytes do not match the declared SHA-256 and keeps nothing', async () => {
    const s = await seedCouncil();
    const messageId = '<tampered@example.net>';
    const eml = rawEmail({ messageId, subject: 'x', body: ABUSE });
    const record = await filingFor(s.alice.id, eml, { messageId, subject: 'x', body: ABUSE });
    const tampered = eml.slice();
    tampered[tampered.length - 3] = 0x21;
    const res = await api(s.service.token, '/mail/service/messages', { method: 'POST', body: fileForm(record, tampered) });
    expect(res.status).toBe(422);
    expect(await errorCode(res)).toBe('HASH_MISMATCH');
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM mail_records WHERE message_id = ?').bind(messageId).first<{ n: number }>())?.n).toBe(0);
  });

  it('refuses filing by anyone but the mail filter, and for a councillor of another council', async () => {
    const s = await seedCouncil();
    const asOfficer = await fileMessage(s.officer.token, s.alice.id, { subject: 'x', body: ABUSE });
    expect(asOfficer.res.status).toBe(403);
    const otherCouncil = await fileMessage(s.service.token, s.otherCouncillor.id, { subject: 'x', body: ABUSE });
    expect(otherCouncil.res.status).toBe(404);
  });
});

describe("the mail filter's start-up check", () => {
  it("answers for a councillor of the token's council only, and only to the mail filter", async () => {
    const s = await seedCouncil();
    const ok = await api(s.service.token, `/mail/service/councillors/${s.alice.id}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ id: s.alice.id, name: 'Alice Brown' });
    for (const id of [s.otherCouncillor.id, s.officer.id, crypto.randomUUID()]) {
      const res = await api(s.service.token, `/mail/service/councillors/${id}`);
      expect(await errorCode(res)).toBe('NOT_FOUND');
    }
    expect((await api(s.officer.token, `/mail/service/councillors/${s.alice.id}`)).status).toBe(403);
  });
});

describe('review queue', () => {
  it('lists threats to life first, then by severity and age, to officers only', async () => {
    const s = await seedCouncil();
    await fileMessage(s.service.token, s.alice.id, { subject: 'old abuse', body: ABUSE, receivedAt: '2026-11-20T09:00:00.000Z' });
    await fileMessage(s.service.token, s.alice.id, { subject: 'newer abuse', body: ABUSE, receivedAt: '2026-11-22T09:00:00.000Z' });
    await fileMessage(s.service.token, s.bob.id, { subject: 'threat', body: THREAT_TO_LIFE, receivedAt: '2026-11-23T09:00:00.000Z' });
    const res = await api(s.officer.token, '/mail/queue');
    expect(res.status).toBe(200);
    const { records } = (await res.json()) as { records: MailRecordView[] };
    expect(records.map((r) => r.subject)).toEqual(['threat', 'old abuse', 'newer abuse']);

    expect((await api(s.alice.token, '/mail/queue')).status).toBe(403);
    expect((await api(s.alice.token, `/mail/records/${records[0]!.id}`)).status).toBe(403);
    expect((await api(s.service.token, '/mail/queue')).status).toBe(403);
    const other = (await (await api(s.otherOfficer.token, '/mail/queue')).json()) as { records: MailRecordView[] };
    expect(other.records).toEqual([]);
    expect((await api(s.otherOfficer.token, `/mail/records/${records[0]!.id}`)).status).toBe(404);
  });

  it('turns an officer decision into one action the filter polls and acknowledges once', async () => {
    const s = await seedCouncil();
    const { res, record } = await fileMessage(s.service.token, s.alice.id, { subject: 'rude', body: ABUSE });
    const { recordId } = (await res.json()) as FileMailResult;
    const decided = await api(s.officer.token, `/mail/records/${recordId}/decision`, {
      method: 'POST',
      json: { decision: 'release', note: 'robust criticism' },
    });
    expect(decided.status).toBe(200);
    expect(await decided.json()).toMatchObject({ state: 'released' });
    const twice = await api(s.officer.token, `/mail/records/${recordId}/decision`, { method: 'POST', json: { decision: 'keep' } });
    expect(await errorCode(twice)).toBe('CONFLICT');

    const polled = (await (await api(s.service.token, `/mail/service/actions?mailbox=${encodeURIComponent(record.mailbox)}`)).json()) as {
      actions: MailAction[];
    };
    expect(polled.actions).toHaveLength(1);
    const action = polled.actions[0]!;
    expect(action).toMatchObject({
      recordId,
      decision: 'release',
      messageId: record.messageId,
      sourceSha256: record.sourceSha256,
      sourceSize: record.sourceSize,
    });
    const ack = await api(s.service.token, `/mail/service/actions/${action.id}/ack`, { method: 'POST', json: { outcome: 'applied' } });
    expect(await ack.json()).toMatchObject({ repeated: false, outcome: 'applied' });
    const ackAgain = await api(s.service.token, `/mail/service/actions/${action.id}/ack`, { method: 'POST', json: { outcome: 'applied' } });
    expect(await ackAgain.json()).toMatchObject({ repeated: true });
    const after = (await (await api(s.service.token, '/mail/service/actions')).json()) as { actions: MailAction[] };
    expect(after.actions).toEqual([]);
    const refiled = await fileMessage(s.service.token, s.alice.id, { subject: 'rude', body: ABUSE, messageId: record.messageId });
    expect(((await refiled.res.json()) as FileMailResult).state).toBe('released');
  });

  it('refuses a decision that is not release, keep or not_abuse', async () => {
    const s = await seedCouncil();
    const { res } = await fileMessage(s.service.token, s.alice.id, { subject: 'rude', body: ABUSE });
    const { recordId } = (await res.json()) as FileMailResult;
    const bad = await api(s.officer.token, `/mail/records/${recordId}/decision`, { method: 'POST', json: { decision: 'delete' } });
    expect(await errorCode(bad)).toBe('VALIDATION_FAILED');
  });
});

describe('threat-to-life alerts', () => {
  it('raises an alert that stays due for the filter until an officer acknowledges it', async () => {
    const s = await seedCouncil();
    const { res } = await fileMessage(s.service.token, s.alice.id, { subject: 'you will die', body: THREAT_TO_LIFE });
    const filed = (await res.json()) as FileMailResult;
    expect(filed.alertId).not.toBeNull();

    const due = (await (await api(s.service.token, '/mail/service/alerts/due')).json()) as { alerts: MailAlert[] };
    const mine = due.alerts.find((a) => a.id === filed.alertId);
    expect(mine).toMatchObject({ councillorName: 'Alice Brown', severity: 'threat_to_life', notifyCount: 0 });
    const notified = await api(s.service.token, `/mail/service/alerts/${filed.alertId}/notified`, { method: 'POST' });
    expect(await notified.json()).toMatchObject({ notifyCount: 1 });
    // Just notified: not due again until ALERT_REPEAT_SECONDS pass, but still open for officers.
    const dueNow = (await (await api(s.service.token, '/mail/service/alerts/due')).json()) as { alerts: MailAlert[] };
    expect(dueNow.alerts.some((a) => a.id === filed.alertId)).toBe(false);
    const open = (await (await api(s.officer.token, '/mail/alerts')).json()) as { alerts: MailAlert[] };
    expect(open.alerts.map((a) => a.id)).toContain(filed.alertId);

    expect((await api(s.alice.token, `/mail/alerts/${filed.alertId}/ack`, { method: 'POST' })).status).toBe(403);
    const ack = await api(s.officer.token, `/mail/alerts/${filed.alertId}/ack`, { method: 'POST' });
    expect(await ack.json()).toMatchObject({ acknowledgedBy: s.officer.id });
    const openAfter = (await (await api(s.officer.token, '/mail/alerts')).json()) as { alerts: MailAlert[] };
    expect(openAfter.alerts.map((a) => a.id)).not.toContain(filed.alertId);
  });

  it('raises no alert for abuse that is not a threat to life', async () => {
    const s = await seedCouncil();
    const { res } = await fileMessage(s.service.token, s.alice.id, { subject: 'rude', body: ABUSE });
    expect(((await res.json()) as FileMailResult).alertId).toBeNull();
  });
});
