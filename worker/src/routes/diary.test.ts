import { describe, expect, it } from 'vitest';
import type { DiaryView, Receipt } from '@wardguard/shared';
import { api, errorCode, manifestFor, pngBytes, seedCouncil, storedCounts, upload } from '../../test/helpers.ts';

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
    const edited = await api(s.alice.token, `/diary/${d.itemId}`, {
      method: 'PUT',
      json: { ...entry, impact: 'I no longer hold surgeries alone, and I sleep badly.' },
    });
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
    expect(
      all.history
        .slice(1)
        .map((v) => v.whatHappened)
        .sort(),
    ).toEqual(['first', 'second']);
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

  it("lets an officer write and correct a councillor's diary for them, on the record as the officer", async () => {
    const s = await seedCouncil();
    const created = await api(s.officer.token, '/diary', { method: 'POST', json: { ...entry, councillorId: s.alice.id } });
    expect(created.status).toBe(201);
    const d = (await created.json()) as DiaryView;
    expect(d.councillorId).toBe(s.alice.id);
    const edited = await api(s.officer.token, `/diary/${d.itemId}`, { method: 'PUT', json: { ...entry, impact: 'Told the officer by phone.' } });
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as DiaryView).current).toMatchObject({ version: 2, impact: 'Told the officer by phone.' });
    expect((await api(s.alice.token, `/diary/${d.itemId}`)).status).toBe(200);
    const noTarget = await api(s.officer.token, '/diary', { method: 'POST', json: entry });
    expect({ status: noTarget.status, code: await errorCode(noTarget) }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const otherCouncil = await api(s.officer.token, '/diary', { method: 'POST', json: { ...entry, councillorId: s.otherCouncillor.id } });
    expect(otherCouncil.status).toBe(404);
  });

  it('edits only diary entries: an upload is not a diary entry to rewrite', async () => {
    const s = await seedCouncil();
    const f = [{ name: 'shot.png', mediaType: 'image/png', bytes: pngBytes(256) }];
    const receipt = (await (await upload(s.alice.token, await manifestFor(f), f)).json()) as Receipt;
    const before = await storedCounts();
    for (const who of [s.alice, s.officer]) {
      const res = await api(who.token, `/diary/${receipt.itemId}`, { method: 'PUT', json: entry });
      expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 404, code: 'NOT_FOUND' });
      expect((await api(who.token, `/diary/${receipt.itemId}`)).status).toBe(404);
    }
    expect(await storedCounts()).toEqual(before);
  });

  it('is closed to the mail filter', async () => {
    const s = await seedCouncil();
    const d = (await (await api(s.alice.token, '/diary', { method: 'POST', json: entry })).json()) as DiaryView;
    for (const res of [
      await api(s.service.token, `/diary/${d.itemId}`),
      await api(s.service.token, '/diary', { method: 'POST', json: { ...entry, councillorId: s.alice.id } }),
      await api(s.service.token, `/diary/${d.itemId}`, { method: 'PUT', json: entry }),
    ]) {
      expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 403, code: 'FORBIDDEN' });
    }
  });
});
