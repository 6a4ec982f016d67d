import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import type { PerpetratorView } from '@wardguard/shared';
import { api, seedCouncil } from '../../test/helpers.ts';
import { fileFrom } from '../../test/reply-helpers.ts';

const troll = {
  displayName: 'Gary Troll',
  aliases: ['G. T.', 'concerned_resident_99'],
  handles: [{ platform: 'x', handle: '@garyt', accountId: '1489201', profileUrl: 'https://x.com/garyt' }],
  emails: ['gary@example.net'],
};

describe('perpetrators', () => {
  it('records aliases, platform handles with stable ids, and email addresses', async () => {
    const s = await seedCouncil();
    const res = await api(s.officer.token, '/perpetrators', { method: 'POST', json: troll });
    expect(res.status).toBe(201);
    const p = (await res.json()) as { id: string };
    expect(await (await api(s.officer.token, `/perpetrators/${p.id}`)).json()).toMatchObject(troll);
  });

  it('shows a councillor only perpetrators they recorded or that appear in their evidence', async () => {
    const s = await seedCouncil();
    const mine = (await (await api(s.alice.token, '/perpetrators', { method: 'POST', json: troll })).json()) as { id: string };
    const officers = (await (await api(s.officer.token, '/perpetrators', { method: 'POST', json: { displayName: 'Other' } })).json()) as { id: string };
    const list = (await (await api(s.alice.token, '/perpetrators')).json()) as { perpetrators: { id: string }[] };
    expect(list.perpetrators.map((x) => x.id)).toEqual([mine.id]);
    expect((await api(s.alice.token, `/perpetrators/${officers.id}`)).status).toBe(404);
    expect((await api(s.bob.token, `/perpetrators/${mine.id}`)).status).toBe(404);
    expect((await api(s.otherOfficer.token, `/perpetrators/${mine.id}`)).status).toBe(404);
  });

  it('lets staff correct any record but a councillor only their own', async () => {
    const s = await seedCouncil();
    const p = (await (await api(s.alice.token, '/perpetrators', { method: 'POST', json: troll })).json()) as { id: string };
    const upd = await api(s.alice.token, `/perpetrators/${p.id}`, { method: 'PATCH', json: { aliases: ['garyt2'] } });
    expect(await upd.json()).toMatchObject({ aliases: ['garyt2'], displayName: 'Gary Troll' });
    expect((await api(s.officer.token, `/perpetrators/${p.id}`, { method: 'PATCH', json: { notes: 'Known to police' } })).status).toBe(200);
  });

  it('keeps every field a correction does not mention', async () => {
    const s = await seedCouncil();
    const p = (await (await api(s.officer.token, '/perpetrators', { method: 'POST', json: { ...troll, notes: 'first seen at surgery' } })).json()) as {
      id: string;
    };
    await api(s.officer.token, `/perpetrators/${p.id}`, { method: 'PATCH', json: { displayName: 'Gary T. Troll' } });
    expect(await (await api(s.officer.token, `/perpetrators/${p.id}`)).json()).toMatchObject({
      ...troll,
      displayName: 'Gary T. Troll',
      notes: 'first seen at surgery',
    });
  });

  it('refuses bad email addresses and URLs', async () => {
    const s = await seedCouncil();
    const res = await api(s.officer.token, '/perpetrators', { method: 'POST', json: { displayName: 'x', emails: ['not-an-email'] } });
    expect(res.status).toBe(400);
    const url = await api(s.officer.token, '/perpetrators', {
      method: 'POST',
      json: { displayName: 'x', handles: [{ platform: 'x', profileUrl: 'javascript:alert(1)' }] },
    });
    expect(url.status).toBe(400);
  });

  it('counts every incident from a person across cases, not diary entries, and flags a course of conduct at two', async () => {
    const s = await seedCouncil();
    const perp = (await (await api(s.officer.token, '/perpetrators', { method: 'POST', json: troll })).json()) as PerpetratorView;
    expect(perp).toMatchObject({ incidentCount: 0, courseOfConduct: false });
    const caseA = (await (await api(s.officer.token, '/cases', { method: 'POST', json: { title: 'A', councillorId: s.alice.id } })).json()) as { id: string };
    const caseB = (await (await api(s.officer.token, '/cases', { method: 'POST', json: { title: 'B', councillorId: s.alice.id } })).json()) as { id: string };
    const link = async (recordId: string, caseId: string) => {
      const { itemId } = (await (await api(s.officer.token, `/mail/records/${recordId}`)).json()) as { itemId: string };
      expect((await api(s.officer.token, `/evidence/${itemId}`, { method: 'PATCH', json: { caseId, perpetratorId: perp.id } })).status).toBe(200);
    };
    // A diary entry about him is the councillor's account, not another incident.
    const diary = (await (
      await api(s.alice.token, '/diary', { method: 'POST', json: { occurredAt: '2026-11-20T18:30:00Z', whatHappened: 'He followed me', caseId: caseA.id } })
    ).json()) as { itemId: string };
    await env.DB.prepare('UPDATE evidence_items SET perpetrator_id = ? WHERE id = ?').bind(perp.id, diary.itemId).run();
    await link(await fileFrom(s, 'abuse', 'You useless fucking idiot'), caseA.id);
    const one = (await (await api(s.officer.token, `/perpetrators/${perp.id}`)).json()) as PerpetratorView;
    expect(one).toMatchObject({ incidentCount: 1, courseOfConduct: false });

    // The second incident is in another case: still the same person's course of conduct.
    await link(await fileFrom(s, 'abuse', 'You are a disgrace, you thick idiot'), caseB.id);
    const byId = (await (await api(s.officer.token, `/perpetrators/${perp.id}`)).json()) as PerpetratorView;
    const listed = ((await (await api(s.officer.token, '/perpetrators')).json()) as { perpetrators: PerpetratorView[] }).perpetrators.find(
      (x) => x.id === perp.id,
    );
    expect(byId).toMatchObject({ incidentCount: 2, courseOfConduct: true });
    expect(listed).toMatchObject({ incidentCount: 2, courseOfConduct: true });
    const patched = (await (
      await api(s.officer.token, `/perpetrators/${perp.id}`, { method: 'PATCH', json: { notes: 'seen twice' } })
    ).json()) as PerpetratorView;
    expect(patched).toMatchObject({ incidentCount: 2, courseOfConduct: true });
    // Bob sees none of Alice's evidence, so none of it counts for him.
    await api(s.bob.token, '/perpetrators', { method: 'POST', json: { displayName: 'Unrelated' } });
    expect((await api(s.bob.token, `/perpetrators/${perp.id}`)).status).toBe(404);
  });
});
