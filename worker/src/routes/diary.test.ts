import { describe, expect, it } from 'vitest';
import type { DiaryView } from '@wardguard/shared';
import { api, seedCouncil } from '../../test/helpers.ts';

const entry = {
  occurredAt: '2026-11-20T18:30:00Z',
  whatHappened: 'A man shouted at me outside the surgery and followed me to my car.',
  impact: 'I no longer hold surgeries alone.',
};

describe('diary entries', () => {
  it('keeps every edit as a new version and never overwrites the original', async () => {
    const s = await seedCouncil();
    const created = await api(s.alice.token, '/diary', { method: 'POST', json: entry });
    expect(created.status).toBe(201);
    const d = (await created.json()) as DiaryView;
    expect(d.exhibitRef).toBe('AB/1');
    const edited = await api(s.alice.token, `/diary/${d.itemId}`, { method: 'PUT', json: { ...entry, impact: 'I no longer hold surgeries alone, and I sleep badly.' } });
    const e = (await edited.json()) as DiaryView;
    expect(e.current.version).toBe(2);
    expect(e.history.map((v) => [v.version, v.impact])).toEqual([
      [1, entry.impact],
      [2, 'I no longer hold surgeries alone, and I sleep badly.'],
    ]);
    const log = (await (await api(s.alice.token, `/custody?itemId=${d.itemId}`)).json()) as { events: { action: string }[] };
    expect(log.events.map((x) => x.action)).toEqual(['diary_created', 'diary_edited']);
  });

  it('numbers two simultaneous edits 2 and 3, losing neither', async () => {
    const s = await seedCouncil();
    const d = (await (await api(s.alice.token, '/diary', { method: 'POST', json: entry })).json()) as DiaryView;
    await Promise.all(['first', 'second'].map((w) => api(s.alice.token, `/diary/${d.itemId}`, { method: 'PUT', json: { ...entry, whatHappened: w } })));
    const all = (await (await api(s.alice.token, `/diary/${d.itemId}`)).json()) as DiaryView;
    expect(all.history.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(all.history.slice(1).map((v) => v.whatHappened).sort()).toEqual(['first', 'second']);
  });

  it("is private to the councillor and their council's officers", async () => {
    const s = await seedCouncil();
    const d = (await (await api(s.alice.token, '/diary', { method: 'POST', json: entry })).json()) as DiaryView;
    expect((await api(s.officer.token, `/diary/${d.itemId}`)).status).toBe(200);
    expect((await api(s.bob.token, `/diary/${d.itemId}`)).status).toBe(404);
    expect((await api(s.bob.token, `/diary/${d.itemId}`, { method: 'PUT', json: entry })).status).toBe(404);
    expect((await api(s.otherOfficer.token, `/diary/${d.itemId}`)).status).toBe(404);
  });

  it('refuses an entry without a time or a description', async () => {
    const s = await seedCouncil();
    expect((await api(s.alice.token, '/diary', { method: 'POST', json: { whatHappened: 'x' } })).status).toBe(400);
    expect((await api(s.alice.token, '/diary', { method: 'POST', json: { occurredAt: 'yesterday', whatHappened: 'x' } })).status).toBe(400);
  });
});
