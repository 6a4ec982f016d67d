import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ReplyView } from '../db/replies.ts';
import { getRecord } from '../db/mail-records.ts';
import type { ComposedReply } from '../replies/compose.ts';
import { recordApproval } from '../replies/approve.ts';
import { api, errorCode, seedCouncil } from '../../test/helpers.ts';
import { fileFrom } from '../../test/reply-helpers.ts';

const values = { contact_name: 'Sam Patel', contact_email: 'sam.patel@council.example' };

describe('Rules-of-Engagement replies', () => {
  it('preview the exact email: addressed to the sender, threaded, with the record filling the details', async () => {
    const s = await seedCouncil();
    const recordId = await fileFrom(s, 'abuse', 'You useless idiot, sort the bins');
    const res = await api(s.officer.token, '/replies/preview', { method: 'POST', json: { recordId, templateKey: 'rules_of_engagement', values } });
    expect(res.status).toBe(200);
    const r = (await res.json()) as { to: string; subject: string; text: string; html: string; inReplyTo: string; templateVersion: number };
    expect(r.to).toBe('gary.troll@example.net');
    expect(r.inReplyTo).toMatch(/^<.+@example\.net>$/);
    expect(r.text).toContain('Dear Gary Troll,');
    expect(r.text).toContain('Alice Brown');
    expect(r.text).toContain('Test Borough Council');
    expect(r.subject).toMatch(/\(AB\/\d+\)$/);
    expect(r.templateVersion).toBe(1);
  });

  it('refuse to render with a missing value rather than send a blank', async () => {
    const s = await seedCouncil();
    const recordId = await fileFrom(s, 'abuse', 'idiot');
    const res = await api(s.officer.token, '/replies/preview', { method: 'POST', json: { recordId, templateKey: 'redirect', values: {} } });
    expect(res.status).toBe(422);
    expect(await errorCode(res)).toBe('MISSING_TEMPLATE_VALUE');
  });

  it('escape a hostile sender name in the HTML part', async () => {
    const s = await seedCouncil();
    const recordId = await fileFrom(s, 'abuse', 'idiot', '"<img src=x onerror=alert(1)>" <evil@example.net>');
    const r = (await (
      await api(s.officer.token, '/replies/preview', { method: 'POST', json: { recordId, templateKey: 'rules_of_engagement', values } })
    ).json()) as { html: string };
    expect(r.html).not.toContain('<img');
    expect(r.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('refuse to reply to a possible threat to life without a written override, and record the reason when given', async () => {
    const s = await seedCouncil();
    const recordId = await fileFrom(s, 'threat_to_life', "I know where you live and I'm going to kill you");
    const refused = await api(s.officer.token, '/replies', { method: 'POST', json: { recordId, templateKey: 'cessation', values } });
    expect(refused.status).toBe(409);
    expect(await errorCode(refused)).toBe('THREAT_REPLY_REFUSED');
    const ok = await api(s.officer.token, '/replies', {
      method: 'POST',
      json: { recordId, templateKey: 'cessation', values, overrideReason: 'Police (ref CAD 123) asked us to send the cessation letter.' },
    });
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as ReplyView).overrideReason).toContain('CAD 123');
  });

  it('never repeat the abusive text back to the sender', async () => {
    const s = await seedCouncil();
    const recordId = await fileFrom(s, 'abuse', 'You useless idiot');
    const record = (await (await api(s.officer.token, `/mail/records/${recordId}`)).json()) as { verdict: { evidence: { phrase: string }[] } };
    const phrase = record.verdict.evidence[0]?.phrase ?? 'useless idiot';
    const res = await api(s.officer.token, '/replies/preview', {
      method: 'POST',
      json: { recordId, templateKey: 'rules_of_engagement', values: { ...values, contact_name: `Sam (you said "${phrase}")` } },
    });
    expect(res.status).toBe(422);
    expect(await errorCode(res)).toBe('REPLY_QUOTES_ABUSE');
  });

  it('send one reply per sender per template per period', async () => {
    const s = await seedCouncil();
    const first = await fileFrom(s, 'abuse', 'idiot one');
    const second = await fileFrom(s, 'abuse', 'idiot two');
    expect((await api(s.officer.token, '/replies', { method: 'POST', json: { recordId: first, templateKey: 'warning', values } })).status).toBe(201);
    const again = await api(s.officer.token, '/replies', { method: 'POST', json: { recordId: second, templateKey: 'warning', values } });
    expect(again.status).toBe(409);
    expect(await errorCode(again)).toBe('REPLY_TOO_SOON');
    expect((await api(s.officer.token, '/replies', { method: 'POST', json: { recordId: second, templateKey: 'cessation', values } })).status).toBe(201);
  });

  it('send one reply when two officers approve the same one at the same moment', async () => {
    const s = await seedCouncil();
    const recordId = await fileFrom(s, 'abuse', 'idiot');
    const reply = (await (
      await api(s.officer.token, '/replies/preview', { method: 'POST', json: { recordId, templateKey: 'warning', values } })
    ).json()) as ComposedReply;
    const record = (await getRecord(env.DB, s.council.id, recordId))!;
    const officer = { userId: s.officer.id, councilId: s.council.id, role: 'officer' as const, name: 'Olive Officer', tokenId: s.officer.tokenId };
    // Both approvals read "no recent reply" before either writes: the check alone would let both through.
    const outcomes = await Promise.allSettled([recordApproval(env, officer, record, reply, null), recordApproval(env, officer, record, reply, null)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'REPLY_TOO_SOON' } });
    const replies = await env.DB.prepare("SELECT COUNT(*) AS n FROM replies WHERE record_id = ? AND state = 'approved'").bind(recordId).first<{ n: number }>();
    expect(replies!.n).toBe(1);
    const approvals = await env.DB.prepare("SELECT COUNT(*) AS n FROM custody_events WHERE action = 'reply_approved' AND council_id = ?")
      .bind(s.council.id)
      .first<{ n: number }>();
    expect(approvals!.n).toBe(1);
  });

  it('are handed to the mail filter once: a second claim after a restart is refused, and the result is on the record', async () => {
    const s = await seedCouncil();
    const recordId = await fileFrom(s, 'abuse', 'idiot');
    const approved = (await (
      await api(s.officer.token, '/replies', { method: 'POST', json: { recordId, templateKey: 'warning', values } })
    ).json()) as ReplyView;
    const pending = (await (await api(s.service.token, '/replies/service/pending')).json()) as { replies: ReplyView[] };
    expect(pending.replies.map((r) => r.id)).toContain(approved.id);
    expect((await api(s.service.token, `/replies/service/${approved.id}/claim`, { method: 'POST' })).status).toBe(200);
    const twice = await api(s.service.token, `/replies/service/${approved.id}/claim`, { method: 'POST' });
    expect(twice.status).toBe(409);
    expect(await errorCode(twice)).toBe('REPLY_ALREADY_CLAIMED');
    const done = await api(s.service.token, `/replies/service/${approved.id}/result`, {
      method: 'POST',
      json: { outcome: 'sent', smtpMessageId: '<reply-1@council.example>' },
    });
    expect(((await done.json()) as ReplyView).state).toBe('sent');
    const custody = (await (await api(s.officer.token, '/custody')).json()) as { events: { action: string }[] };
    expect(custody.events.map((e) => e.action)).toEqual(expect.arrayContaining(['reply_approved', 'reply_sent']));
    expect((await api(s.alice.token, '/replies')).status).toBe(403);
    expect((await api(s.officer.token, '/replies/service/pending')).status).toBe(403);
  });
});
