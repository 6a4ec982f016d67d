import { describe, expect, it } from 'vitest';
import { api, seedCouncil } from '../../test/helpers.ts';

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
    const p = (await (await api(s.officer.token, '/perpetrators', { method: 'POST', json: { ...troll, notes: 'first seen at surgery' } })).json()) as { id: string };
    await api(s.officer.token, `/perpetrators/${p.id}`, { method: 'PATCH', json: { displayName: 'Gary T. Troll' } });
    expect(await (await api(s.officer.token, `/perpetrators/${p.id}`)).json()).toMatchObject({ ...troll, displayName: 'Gary T. Troll', notes: 'first seen at surgery' });
  });

  it('refuses bad email addresses and URLs', async () => {
    const s = await seedCouncil();
    const res = await api(s.officer.token, '/perpetrators', { method: 'POST', json: { displayName: 'x', emails: ['not-an-email'] } });
    expect(res.status).toBe(400);
    const url = await api(s.officer.token, '/perpetrators', { method: 'POST', json: { displayName: 'x', handles: [{ platform: 'x', profileUrl: 'javascript:alert(1)' }] } });
    expect(url.status).toBe(400);
  });
});
