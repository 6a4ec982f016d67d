import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { REPLY_STUCK_AFTER_MS, type CaseRepliesView, type ReplyView } from '@wardguard/shared';
import { api, errorCode, seedCouncil } from './helpers.ts';
import { fileAbuseFrom } from './mail-helpers.ts';

type Seed = Awaited<ReturnType<typeof seedCouncil>>;
const values = { contact_name: 'Sam Patel', contact_email: 'sam.patel@council.example' };

/** Files a message to Alice from `from`, received at `receivedAt`; returns the record and its evidence item. */
const file = (s: Seed, from: string, receivedAt: string) =>
  fileAbuseFrom({ serviceToken: s.service.token, officerToken: s.officer.token }, s.alice.id, from, receivedAt);

async function caseWith(s: Seed, itemIds: string[]): Promise<string> {
  const kase = (await (
    await api(s.officer.token, '/cases', { method: 'POST', json: { title: 'Emails about the bins', councillorId: s.alice.id } })
  ).json()) as { id: string };
  for (const id of itemIds) expect((await api(s.officer.token, `/evidence/${id}`, { method: 'PATCH', json: { caseId: kase.id } })).status).toBe(200);
  return kase.id;
}

const approve = async (s: Seed, recordId: string, templateKey: string) =>
  api(s.officer.token, '/replies', { method: 'POST', json: { recordId, templateKey, values } });

describe('replies on a case', () => {
  it("lists the case's emails newest first and every reply to them, with the template version, who approved it and its state", async () => {
    const s = await seedCouncil();
    const older = await file(s, 'Gary Troll <gary.troll@example.net>', '2026-11-20T09:00:00.000Z');
    const newer = await file(s, 'Pat Critic <pat.critic@example.com>', '2026-11-22T09:00:00.000Z');
    const elsewhere = await file(s, 'Jo Other <jo.other@example.org>', '2026-11-23T09:00:00.000Z');
    const caseId = await caseWith(s, [older.itemId, newer.itemId]);
    expect((await approve(s, older.recordId, 'warning')).status).toBe(201);
    expect((await approve(s, elsewhere.recordId, 'warning')).status).toBe(201);

    const res = await api(s.officer.token, `/replies?caseId=${caseId}`);
    expect(res.status).toBe(200);
    const view = (await res.json()) as CaseRepliesView;
    expect(view.records.map((r) => r.id)).toEqual([newer.recordId, older.recordId]);
    expect(view.replies).toHaveLength(1);
    expect(view.replies[0]).toMatchObject({
      stuckFrom: null,
      recordId: older.recordId,
      to: 'gary.troll@example.net',
      templateKey: 'warning',
      templateName: 'Warning about abusive messages',
      templateVersion: 1,
      state: 'approved',
      approvedByName: 'Olive Officer',
      overrideReason: null,
      stuck: false,
    });
  });

  it("answers only the council's staff about their own council's cases", async () => {
    const s = await seedCouncil();
    const { itemId } = await file(s, 'Gary Troll <gary.troll@example.net>', '2026-11-20T09:00:00.000Z');
    const caseId = await caseWith(s, [itemId]);
    expect((await api(s.alice.token, `/replies?caseId=${caseId}`)).status).toBe(403);
    const outsider = await api(s.otherOfficer.token, `/replies?caseId=${caseId}`);
    expect(outsider.status).toBe(404);
    expect(await errorCode(outsider)).toBe('NOT_FOUND');
    expect((await api(s.officer.token, '/replies?caseId=no-such-case')).status).toBe(404);
  });

  it('lets an officer mark a reply stuck sending as not sent once the filter cannot still be sending it, so a new one can be approved', async () => {
    const s = await seedCouncil();
    const { recordId } = await file(s, 'Gary Troll <gary.troll@example.net>', '2026-11-20T09:00:00.000Z');
    const stuck = (await (await approve(s, recordId, 'cessation')).json()) as ReplyView;
    expect((await api(s.service.token, `/replies/service/${stuck.id}/claim`, { method: 'POST' })).status).toBe(200);
    const note = { note: "Not in Alice's Sent folder; she has not had it." };

    // Just claimed: the filter may be mid-transaction, so nobody may call it failed yet.
    const early = await api(s.officer.token, `/replies/${stuck.id}/mark-failed`, { method: 'POST', json: note });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { message: string } }).error.message).toMatch(/may still be sending/);
    expect((await approve(s, recordId, 'cessation')).status).toBe(409);

    const claimedAt = new Date(Date.now() - REPLY_STUCK_AFTER_MS - 60_000).toISOString();
    await env.DB.prepare('UPDATE replies SET claimed_at = ? WHERE id = ?').bind(claimedAt, stuck.id).run();
    const listed = (await (await api(s.officer.token, `/replies?recordId=${recordId}`)).json()) as { replies: ReplyView[] };
    expect(listed.replies[0]).toMatchObject({
      state: 'sending',
      claimedAt,
      stuck: true,
      stuckFrom: new Date(Date.parse(claimedAt) + REPLY_STUCK_AFTER_MS).toISOString(),
    });

    expect((await api(s.alice.token, `/replies/${stuck.id}/mark-failed`, { method: 'POST', json: note })).status).toBe(403);
    expect((await api(s.otherOfficer.token, `/replies/${stuck.id}/mark-failed`, { method: 'POST', json: note })).status).toBe(404);
    expect((await api(s.officer.token, `/replies/${stuck.id}/mark-failed`, { method: 'POST', json: { note: '' } })).status).toBe(400);
    const marked = await api(s.officer.token, `/replies/${stuck.id}/mark-failed`, { method: 'POST', json: note });
    expect(marked.status).toBe(200);
    const failed = (await marked.json()) as ReplyView;
    expect(failed.state).toBe('failed');
    expect(failed.detail).toContain('Marked not sent by Olive Officer');
    expect((await api(s.officer.token, `/replies/${stuck.id}/mark-failed`, { method: 'POST', json: note })).status).toBe(409);

    const custody = (await (await api(s.officer.token, '/custody')).json()) as { events: { action: string; actorId: string; details: { note?: string } }[] };
    expect(custody.events.find((e) => e.action === 'reply_marked_failed')).toMatchObject({ actorId: s.officer.id, details: { note: note.note } });
    expect((await approve(s, recordId, 'cessation')).status).toBe(201);
  });

  it('records a delivery the filter reports after an officer marked it not sent: what happened beats a guess', async () => {
    const s = await seedCouncil();
    const { recordId } = await file(s, 'Gary Troll <gary.troll@example.net>', '2026-11-20T09:00:00.000Z');
    const reply = (await (await approve(s, recordId, 'warning')).json()) as ReplyView;
    await api(s.service.token, `/replies/service/${reply.id}/claim`, { method: 'POST' });
    await env.DB.prepare('UPDATE replies SET claimed_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - REPLY_STUCK_AFTER_MS - 1000).toISOString(), reply.id)
      .run();
    expect((await api(s.officer.token, `/replies/${reply.id}/mark-failed`, { method: 'POST', json: { note: 'Not in the Sent folder' } })).status).toBe(200);
    const late = await api(s.service.token, `/replies/service/${reply.id}/result`, {
      method: 'POST',
      json: { outcome: 'sent', smtpMessageId: '<late@council.example>' },
    });
    expect(late.status).toBe(200);
    expect((await late.json()) as ReplyView).toMatchObject({ state: 'sent', smtpMessageId: '<late@council.example>' });
  });
});
