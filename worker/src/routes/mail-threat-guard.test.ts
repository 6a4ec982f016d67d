import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import type { MailRecordView } from '@wardguard/shared/api/mail';
import type { Severity } from '@wardguard/shared/classify/index';
import { api, errorCode, seedCouncil } from '../../test/helpers.ts';
import { fileFrom } from '../../test/reply-helpers.ts';

const REASON = 'Police (CAD 4411) advised the councillor may read it';

async function filed(severity: Severity) {
  const s = await seedCouncil();
  const recordId = await fileFrom(s, severity, 'I know where you live and I will kill you');
  const record = (await (await api(s.officer.token, `/mail/records/${recordId}`)).json()) as MailRecordView;
  return { s, recordId, record };
}

const decide = (token: string, recordId: string, json: Record<string, unknown>) => api(token, `/mail/records/${recordId}/decision`, { method: 'POST', json });

async function decisionsOf(itemId: string) {
  const { results } = await env.DB.prepare("SELECT details FROM custody_events WHERE item_id = ? AND action = 'mail_decided' ORDER BY seq")
    .bind(itemId)
    .all<{ details: string }>();
  return results.map((r) => JSON.parse(r.details) as Record<string, unknown>);
}

async function actionsFor(recordId: string) {
  return (await env.DB.prepare('SELECT decision FROM mail_actions WHERE record_id = ?').bind(recordId).all<{ decision: string }>()).results;
}

async function stateOf(token: string, recordId: string) {
  return ((await (await api(token, `/mail/records/${recordId}/status`)).json()) as { state: string }).state;
}

describe('guard rails on deciding a message at threat level', () => {
  it('refuses to release a threat to life without a written reason, and leaves no trace', async () => {
    const { s, recordId, record } = await filed('threat_to_life');
    await api(s.officer.token, `/mail/alerts/${record.threatAlert!.id}/ack`, { method: 'POST' });
    for (const body of [
      { decision: 'release' },
      { decision: 'release', reason: '   ' },
      { decision: 'release', reason: 'ok' },
      { decision: 'release', note: 'a note is not a reason' },
    ]) {
      const res = await decide(s.officer.token, recordId, body);
      expect(res.status).toBe(422);
      expect(await errorCode(res)).toBe('THREAT_REASON_REQUIRED');
    }
    expect(await stateOf(s.officer.token, recordId)).toBe('quarantined');
    expect(await decisionsOf(record.itemId)).toEqual([]);
    expect(await actionsFor(recordId)).toEqual([]);
  });

  it('refuses every decision on a threat to life while its alert is unacknowledged, even with a reason', async () => {
    const { s, recordId, record } = await filed('threat_to_life');
    expect(record.threatAlert).toMatchObject({ acknowledgedAt: null });
    for (const decision of ['release', 'keep', 'not_abuse']) {
      const res = await decide(s.officer.token, recordId, { decision, reason: REASON });
      expect(res.status).toBe(409);
      expect(await errorCode(res)).toBe('THREAT_ALERT_UNACKNOWLEDGED');
    }
    expect(await stateOf(s.officer.token, recordId)).toBe('quarantined');
    expect(await decisionsOf(record.itemId)).toEqual([]);
    expect(await actionsFor(recordId)).toEqual([]);
    // The alert is still open: refusing the decision did not quietly end the duty officers' alarm.
    const { alerts } = (await (await api(s.officer.token, '/mail/alerts')).json()) as { alerts: { id: string }[] };
    expect(alerts.map((a) => a.id)).toContain(record.threatAlert!.id);
  });

  it('releases a threat to life once the alert is acknowledged and a reason given, as one custody event carrying the reason', async () => {
    const { s, recordId, record } = await filed('threat_to_life');
    expect((await api(s.officer.token, `/mail/alerts/${record.threatAlert!.id}/ack`, { method: 'POST' })).status).toBe(200);
    const res = await decide(s.officer.token, recordId, { decision: 'release', reason: `  ${REASON} ` });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ state: 'released', decidedBy: s.officer.id });
    const events = await decisionsOf(record.itemId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ recordId, decision: 'release', severity: 'threat_to_life', reason: REASON });
    expect(await actionsFor(recordId)).toEqual([{ decision: 'release' }]);
  });

  it('needs a reason for any decision on a threat, including Keep, though a threat raises no alert to acknowledge', async () => {
    const { s, recordId, record } = await filed('threat');
    expect(record.threatAlert).toBeNull();
    const bare = await decide(s.officer.token, recordId, { decision: 'keep' });
    expect(bare.status).toBe(422);
    expect(await errorCode(bare)).toBe('THREAT_REASON_REQUIRED');
    expect(await decisionsOf(record.itemId)).toEqual([]);

    expect((await decide(s.officer.token, recordId, { decision: 'keep', reason: 'Abusive, not a credible threat' })).status).toBe(200);
    // Kept is not the end: releasing it later needs its own reason.
    expect(await errorCode(await decide(s.officer.token, recordId, { decision: 'release' }))).toBe('THREAT_REASON_REQUIRED');
    expect((await decide(s.officer.token, recordId, { decision: 'release', reason: REASON })).status).toBe(200);
    expect((await decisionsOf(record.itemId)).map((e) => [e.decision, e.reason])).toEqual([
      ['keep', 'Abusive, not a credible threat'],
      ['release', REASON],
    ]);
  });

  it('asks no reason below threat level, and records one when given', async () => {
    const { s, recordId, record } = await filed('abuse');
    expect((await decide(s.officer.token, recordId, { decision: 'keep' })).status).toBe(200);
    expect(await decisionsOf(record.itemId)).toEqual([expect.objectContaining({ decision: 'keep', severity: 'abuse', reason: null })]);
    const other = await fileFrom(s, 'profanity', 'The pothole is shit');
    expect((await decide(s.officer.token, other, { decision: 'release', reason: 'Criticism of a pothole' })).status).toBe(200);
  });
});
