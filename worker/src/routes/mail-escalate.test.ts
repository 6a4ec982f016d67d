import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import type { MailRecordView } from '@wardguard/shared/api/mail';
import { api, errorCode, seedCouncil } from '../../test/helpers.ts';
import { fileFrom } from '../../test/reply-helpers.ts';

async function rows<T>(sql: string, ...args: unknown[]): Promise<T[]> {
  return (
    await env.DB.prepare(sql)
      .bind(...args)
      .all<T>()
  ).results;
}

async function threatWithCaseAndPerp() {
  const s = await seedCouncil();
  const recordId = await fileFrom(s, 'threat_to_life', 'I know where you live and I will kill you');
  const kase = (await (await api(s.officer.token, '/cases', { method: 'POST', json: { title: 'Threats by G', councillorId: s.alice.id } })).json()) as {
    id: string;
  };
  const perp = (await (await api(s.officer.token, '/perpetrators', { method: 'POST', json: { displayName: 'Gary Troll' } })).json()) as { id: string };
  return { s, recordId, caseId: kase.id, perpId: perp.id };
}

describe('escalating a message as a threat', () => {
  it('keeps it in quarantine, records the police referral, links case and perpetrator, in one custody event', async () => {
    const { s, recordId, caseId, perpId } = await threatWithCaseAndPerp();
    const res = await api(s.officer.token, `/mail/records/${recordId}/escalate`, {
      method: 'POST',
      json: { policeReference: 'CAD 4411 24/11', caseId, perpetratorId: perpId, note: 'Rang 101' },
    });
    expect(res.status).toBe(200);
    const view = (await res.json()) as MailRecordView;
    expect(view).toMatchObject({
      state: 'kept',
      decidedBy: s.officer.id,
      escalation: { policeReference: 'CAD 4411 24/11', caseId, perpetratorId: perpId, escalatedBy: s.officer.id },
    });

    // The filter is told to keep it where it is (never released by an escalation).
    const { actions } = (await (await api(s.service.token, '/mail/service/actions')).json()) as { actions: { recordId: string; decision: string }[] };
    expect(actions.filter((a) => a.recordId === recordId).map((a) => a.decision)).toEqual(['keep']);
    const item = (await rows<{ case_id: string; perpetrator_id: string }>('SELECT case_id, perpetrator_id FROM evidence_items WHERE id = ?', view.itemId))[0];
    expect(item).toEqual({ case_id: caseId, perpetrator_id: perpId });
    expect(await (await api(s.officer.token, `/cases/${caseId}`)).json()).toMatchObject({ status: 'referred', policeReference: 'CAD 4411 24/11' });

    const events = await rows<{ action: string; case_id: string; details: string }>(
      "SELECT action, case_id, details FROM custody_events WHERE item_id = ? AND action IN ('mail_escalated', 'mail_decided', 'linked')",
      view.itemId,
    );
    expect(events.map((e) => e.action)).toEqual(['mail_escalated']);
    expect(events[0]!.case_id).toBe(caseId);
    expect(JSON.parse(events[0]!.details)).toMatchObject({
      recordId,
      policeReference: 'CAD 4411 24/11',
      caseId,
      perpetratorId: perpId,
      note: 'Rang 101',
      previous: { state: 'quarantined', caseId: null, perpetratorId: null },
    });

    // Once is enough: a second escalation is refused and leaves nothing behind.
    const again = await api(s.admin.token, `/mail/records/${recordId}/escalate`, { method: 'POST', json: { policeReference: 'other' } });
    expect(again.status).toBe(409);
    expect(await errorCode(again)).toBe('CONFLICT');
    expect(await rows("SELECT 1 FROM custody_events WHERE item_id = ? AND action = 'mail_escalated'", view.itemId)).toHaveLength(1);
  });

  it('lets only one of two officers escalating at once leave a referral, an action and a custody event', async () => {
    const { s, recordId } = await threatWithCaseAndPerp();
    const results = await Promise.all([
      api(s.officer.token, `/mail/records/${recordId}/escalate`, { method: 'POST', json: { policeReference: 'A1' } }),
      api(s.admin.token, `/mail/records/${recordId}/escalate`, { method: 'POST', json: { policeReference: 'B2' } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await rows("SELECT 1 FROM custody_events WHERE council_id = ? AND action = 'mail_escalated'", s.council.id)).toHaveLength(1);
    expect(await rows('SELECT 1 FROM mail_actions WHERE record_id = ?', recordId)).toHaveLength(1);
    expect(await rows('SELECT 1 FROM mail_escalations WHERE record_id = ?', recordId)).toHaveLength(1);
  });

  it('refuses a case of another councillor and a message already released, changing nothing', async () => {
    const { s, recordId } = await threatWithCaseAndPerp();
    const bobs = (await (await api(s.officer.token, '/cases', { method: 'POST', json: { title: "Bob's", councillorId: s.bob.id } })).json()) as { id: string };
    expect((await api(s.officer.token, `/mail/records/${recordId}/escalate`, { method: 'POST', json: { caseId: bobs.id } })).status).toBe(404);
    // Releasing a threat to life takes an acknowledged alert and a written reason.
    const { threatAlert } = (await (await api(s.officer.token, `/mail/records/${recordId}`)).json()) as MailRecordView;
    await api(s.officer.token, `/mail/alerts/${threatAlert!.id}/ack`, { method: 'POST' });
    const released = await api(s.officer.token, `/mail/records/${recordId}/decision`, {
      method: 'POST',
      json: { decision: 'release', reason: 'Police advised it is safe to release' },
    });
    expect(released.status).toBe(200);
    const late = await api(s.officer.token, `/mail/records/${recordId}/escalate`, { method: 'POST', json: {} });
    expect(late.status).toBe(409);
    expect(await rows('SELECT 1 FROM mail_escalations WHERE record_id = ?', recordId)).toHaveLength(0);
    expect((await api(s.alice.token, `/mail/records/${recordId}/escalate`, { method: 'POST', json: {} })).status).toBe(403);
  });
});
