import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ReplyView } from '@wardguard/shared';
import { api, errorCode, seedCouncil } from './helpers.ts';
import { fileAbuseFrom } from './mail-helpers.ts';

type Seed = Awaited<ReturnType<typeof seedCouncil>>;
const values = { contact_name: 'Sam Patel', contact_email: 'sam.patel@council.example' };
const reason = { reason: 'Police advise no contact with this sender.' };

const file = (s: Seed) =>
  fileAbuseFrom(
    { serviceToken: s.service.token, officerToken: s.officer.token },
    s.alice.id,
    'Gary Troll <gary.troll@example.net>',
    '2026-11-20T09:00:00.000Z',
  );

const approve = async (s: Seed, recordId: string) => api(s.officer.token, '/replies', { method: 'POST', json: { recordId, templateKey: 'warning', values } });
const withdraw = (token: string, id: string, body: unknown = reason) => api(token, `/replies/${id}/withdraw`, { method: 'POST', json: body });
const pending = async (s: Seed) => ((await (await api(s.service.token, '/replies/service/pending')).json()) as { replies: ReplyView[] }).replies;

describe('withdrawing an approved reply', () => {
  it('takes it back before the filter claims it: never handed out for sending, logged with the reason, and the sender may get a reply again', async () => {
    const s = await seedCouncil();
    const { recordId, itemId } = await file(s);
    const reply = (await (await approve(s, recordId)).json()) as ReplyView;
    expect((await pending(s)).map((r) => r.id)).toContain(reply.id);

    expect((await withdraw(s.alice.token, reply.id)).status).toBe(403);
    expect((await withdraw(s.otherOfficer.token, reply.id)).status).toBe(404);
    expect((await withdraw(s.officer.token, reply.id, { reason: '' })).status).toBe(400);

    const res = await withdraw(s.officer.token, reply.id);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: reply.id, state: 'withdrawn', detail: `Withdrawn by Olive Officer: ${reason.reason}` });
    expect((await pending(s)).map((r) => r.id)).not.toContain(reply.id);
    const claim = await api(s.service.token, `/replies/service/${reply.id}/claim`, { method: 'POST' });
    expect(claim.status).toBe(409);
    expect(await errorCode(claim)).toBe('REPLY_ALREADY_CLAIMED');

    const events = (
      (await (await api(s.officer.token, `/custody?itemId=${itemId}`)).json()) as { events: { action: string; details: Record<string, unknown> }[] }
    ).events;
    expect(events.filter((e) => e.action === 'reply_withdrawn')).toEqual([expect.objectContaining({ details: { replyId: reply.id, reason: reason.reason } })]);

    // A withdrawn reply does not use up the one-per-period allowance.
    expect((await approve(s, recordId)).status).toBe(201);
  });

  it('refuses once the filter has claimed it (it may be on its way), and a second withdrawal, recording nothing for either', async () => {
    const s = await seedCouncil();
    const { recordId, itemId } = await file(s);
    const claimed = (await (await approve(s, recordId)).json()) as ReplyView;
    expect((await api(s.service.token, `/replies/service/${claimed.id}/claim`, { method: 'POST' })).status).toBe(200);
    const late = await withdraw(s.officer.token, claimed.id);
    expect(late.status).toBe(409);
    expect(await errorCode(late)).toBe('CONFLICT');

    const s2 = await seedCouncil();
    const other = await file(s2);
    const reply = (await (await approve(s2, other.recordId)).json()) as ReplyView;
    expect((await withdraw(s2.officer.token, reply.id)).status).toBe(200);
    expect((await withdraw(s2.officer.token, reply.id)).status).toBe(409);

    const actions = async (seed: Seed, id: string) =>
      ((await (await api(seed.officer.token, `/custody?itemId=${id}`)).json()) as { events: { action: string }[] }).events
        .map((e) => e.action)
        .filter((a) => a === 'reply_withdrawn');
    expect(await actions(s, itemId)).toEqual([]);
    expect(await actions(s2, other.itemId)).toEqual(['reply_withdrawn']);
  });

  it('keeps every existing reply, as it was, when migration 0011 rebuilds the table', async () => {
    const s = await seedCouncil();
    const { recordId } = await file(s);
    const sent = (await (await approve(s, recordId)).json()) as ReplyView;
    expect((await api(s.service.token, `/replies/service/${sent.id}/claim`, { method: 'POST' })).status).toBe(200);
    const result = { outcome: 'sent', smtpMessageId: '<r1@council.example>', detail: '250 OK' };
    expect((await api(s.service.token, `/replies/service/${sent.id}/result`, { method: 'POST', json: result })).status).toBe(200);
    const before = await env.DB.prepare('SELECT * FROM replies ORDER BY id').all();
    expect(before.results.length).toBeGreaterThan(0);

    // The migration's own statements, run again over a table that has rows.
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0011_'))!;
    await env.DB.batch(migration.queries.map((q) => env.DB.prepare(q)));
    expect((await env.DB.prepare('SELECT * FROM replies ORDER BY id').all()).results).toEqual(before.results);
    expect(await (await api(s.officer.token, `/replies?recordId=${recordId}`)).json()).toMatchObject({
      replies: [{ id: sent.id, state: 'sent', smtpMessageId: '<r1@council.example>' }],
    });
  });
});
