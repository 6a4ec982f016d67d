import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import type { MailRecordStatus, MailRecordView } from '@wardguard/shared/api/mail';
import { api, seedCouncil } from '../../test/helpers.ts';
import { fileFrom } from '../../test/reply-helpers.ts';

describe("an officer's decision on a quarantined message", () => {
  it('shows as applied only once the mail filter acknowledges carrying it out', async () => {
    const s = await seedCouncil();
    const recordId = await fileFrom(s, 'profanity', 'The pothole is shit, fix it');
    const decided = (await (
      await api(s.officer.token, `/mail/records/${recordId}/decision`, { method: 'POST', json: { decision: 'release' } })
    ).json()) as MailRecordView;
    expect(decided).toMatchObject({ state: 'released', actionAppliedAt: null });
    const { actions } = (await (await api(s.service.token, '/mail/service/actions')).json()) as { actions: { id: string; recordId: string }[] };
    const action = actions.find((a) => a.recordId === recordId)!;
    expect((await (await api(s.officer.token, `/mail/records/${recordId}`)).json()) as MailRecordView).toMatchObject({ actionAppliedAt: null });
    await api(s.service.token, `/mail/service/actions/${action.id}/ack`, { method: 'POST', json: { outcome: 'applied' } });
    const after = (await (await api(s.officer.token, `/mail/records/${recordId}`)).json()) as MailRecordView;
    expect(Date.parse(after.actionAppliedAt ?? '')).not.toBeNaN();
  });

  it('does not call a decision applied when the filter could not find the message, and reports a keep too', async () => {
    const s = await seedCouncil();
    const results: Record<string, MailRecordView> = {};
    for (const [decision, outcome] of [
      ['release', 'not_found'],
      ['keep', 'applied'],
    ] as const) {
      const recordId = await fileFrom(s, 'profanity', `The pothole is shit, fix it (${decision})`);
      await api(s.officer.token, `/mail/records/${recordId}/decision`, { method: 'POST', json: { decision } });
      const { actions } = (await (await api(s.service.token, '/mail/service/actions')).json()) as { actions: { id: string; recordId: string }[] };
      const pending = (await (await api(s.officer.token, `/mail/records/${recordId}`)).json()) as MailRecordView;
      expect(pending).toMatchObject({ actionOutcome: null, actionAckedAt: null, actionAppliedAt: null });
      await api(s.service.token, `/mail/service/actions/${actions.find((a) => a.recordId === recordId)!.id}/ack`, { method: 'POST', json: { outcome } });
      results[decision] = (await (await api(s.officer.token, `/mail/records/${recordId}`)).json()) as MailRecordView;
    }
    expect(results.release).toMatchObject({ state: 'released', actionOutcome: 'not_found', actionAppliedAt: null });
    expect(Date.parse(results.release!.actionAckedAt ?? '')).not.toBeNaN();
    expect(results.keep).toMatchObject({ state: 'kept', actionOutcome: 'applied' });
    expect(results.keep!.actionAppliedAt).toBe(results.keep!.actionAckedAt);
  });

  it('lets the dashboard poll where a decision has got to without adding a custody event per poll', async () => {
    const s = await seedCouncil();
    const recordId = await fileFrom(s, 'profanity', 'The pothole is shit, fix it (status)');
    await api(s.officer.token, `/mail/records/${recordId}/decision`, { method: 'POST', json: { decision: 'release' } });
    const custodyCount = async () =>
      (await env.DB.prepare('SELECT COUNT(*) AS n FROM custody_events WHERE council_id = ?').bind(s.council.id).first<{ n: number }>())!.n;
    const before = await custodyCount();
    for (let i = 0; i < 5; i++) {
      const res = await api(s.officer.token, `/mail/records/${recordId}/status`);
      expect(await res.json()).toMatchObject({ id: recordId, state: 'released', actionOutcome: null, actionAppliedAt: null });
    }
    const { actions } = (await (await api(s.service.token, '/mail/service/actions')).json()) as { actions: { id: string; recordId: string }[] };
    await api(s.service.token, `/mail/service/actions/${actions.find((a) => a.recordId === recordId)!.id}/ack`, {
      method: 'POST',
      json: { outcome: 'applied' },
    });
    const afterAck = await custodyCount();
    const status = (await (await api(s.officer.token, `/mail/records/${recordId}/status`)).json()) as MailRecordStatus;
    expect(status).toMatchObject({ state: 'released', actionOutcome: 'applied', decidedBy: s.officer.id });
    expect(status.actionAppliedAt).toBe(status.actionAckedAt);
    expect(status).not.toHaveProperty('subject');
    // Only the filter's acknowledgement may have added to the log; the six polls added nothing.
    expect(await custodyCount()).toBe(afterAck);
    expect(afterAck - before).toBeLessThanOrEqual(1);
    expect((await api(s.alice.token, `/mail/records/${recordId}/status`)).status).toBe(403);
    expect((await api(s.otherOfficer.token, `/mail/records/${recordId}/status`)).status).toBe(404);
  });

  it('logs a decision the filter could not carry out as not applied in custody, never as applied', async () => {
    const s = await seedCouncil();
    const applied = await fileFrom(s, 'profanity', 'The pothole is shit, fix it');
    const missing = await fileFrom(s, 'abuse', 'You useless fucking idiot');
    for (const recordId of [applied, missing]) {
      expect((await api(s.officer.token, `/mail/records/${recordId}/decision`, { method: 'POST', json: { decision: 'keep' } })).status).toBe(200);
    }
    const { actions } = (await (await api(s.service.token, '/mail/service/actions')).json()) as { actions: { id: string; recordId: string }[] };
    const ack = (recordId: string, outcome: string) =>
      api(s.service.token, `/mail/service/actions/${actions.find((a) => a.recordId === recordId)!.id}/ack`, {
        method: 'POST',
        json: { outcome, detail: 'test' },
      });
    expect((await ack(applied, 'applied')).status).toBe(200);
    expect((await ack(missing, 'not_found')).status).toBe(200);
    const custodyOf = async (recordId: string) => {
      const { item_id } = (await env.DB.prepare('SELECT item_id FROM mail_records WHERE id = ?').bind(recordId).first<{ item_id: string }>())!;
      const { results } = await env.DB.prepare("SELECT action, details FROM custody_events WHERE item_id = ? AND action LIKE 'mail_action_%'")
        .bind(item_id)
        .all<{ action: string; details: string }>();
      return results.map((r) => ({ action: r.action, outcome: (JSON.parse(r.details) as { outcome: string }).outcome }));
    };
    expect(await custodyOf(applied)).toEqual([{ action: 'mail_action_applied', outcome: 'applied' }]);
    expect(await custodyOf(missing)).toEqual([{ action: 'mail_action_not_applied', outcome: 'not_found' }]);
  });
});
