import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import type { CaseView, PerpetratorView } from '@wardguard/shared';
import { api, countRows as count, errorCode, seedCouncil } from '../../test/helpers.ts';
import { appendCustody } from './custody.ts';
import { getCase, updateCaseStatement } from './cases.ts';
import { getPerpetrator, updatePerpetratorStatement } from './perpetrators.ts';
import { isLostRace, requireChange } from './write-guard.ts';

// Each "PATCH" here is what the route does after reading the row: one batch of the update, the
// write guard and the custody event. Building two of them from one read is two PATCHes whose
// reads both happened before either wrote, every time.
describe('two corrections to a case or perpetrator from the same read', () => {
  it('keeps both when they change different fields of a case, and refuses the stale one that changes the same field', async () => {
    const s = await seedCouncil();
    const { id } = (await (await api(s.officer.token, '/cases', { method: 'POST', json: { title: 'Original', councillorId: s.alice.id } })).json()) as {
      id: string;
    };
    const read = (await getCase(env.DB, s.council.id, id))!;
    const patch = (p: Parameters<typeof updateCaseStatement>[3]) => {
      const { stmt } = updateCaseStatement(env.DB, id, read, p);
      return appendCustody(
        env.DB,
        [{ councilId: s.council.id, actorId: s.officer.id, action: 'case_updated', caseId: id, details: { ...p, previous: {} } }],
        [stmt, requireChange(env.DB)],
      );
    };
    const events = () => count("SELECT COUNT(*) AS n FROM custody_events WHERE case_id = ? AND action = 'case_updated'", id);

    await patch({ title: 'Renamed by Olive' });
    await patch({ status: 'referred', policeReference: 'CAD 1' });
    expect(await getCase(env.DB, s.council.id, id)).toMatchObject({
      title: 'Renamed by Olive',
      status: 'referred',
      policeReference: 'CAD 1',
    } satisfies Partial<CaseView>);
    expect(await events()).toBe(2);

    // A third change to the title, from the read before Olive renamed it: refused, not applied, not logged.
    const lost = await patch({ title: 'Renamed by Adam' }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(isLostRace(lost)).toBe(true);
    expect((await getCase(env.DB, s.council.id, id))?.title).toBe('Renamed by Olive');
    expect(await events()).toBe(2);
  });

  it('keeps both when they change different fields of a perpetrator, and refuses the stale one that changes the same field', async () => {
    const s = await seedCouncil();
    const { id } = (await (await api(s.officer.token, '/perpetrators', { method: 'POST', json: { displayName: 'Gary Troll', aliases: ['gt'] } })).json()) as {
      id: string;
    };
    const read = (await getPerpetrator(env.DB, s.council.id, id))!;
    const patch = (p: Parameters<typeof updatePerpetratorStatement>[2]) => {
      const { stmt } = updatePerpetratorStatement(env.DB, read, p, s.officer.id);
      return appendCustody(
        env.DB,
        [{ councilId: s.council.id, actorId: s.officer.id, action: 'perpetrator_updated', details: { perpetratorId: id, changed: Object.keys(p) } }],
        [stmt, requireChange(env.DB)],
      );
    };
    const events = () => count("SELECT COUNT(*) AS n FROM custody_events WHERE council_id = ? AND action = 'perpetrator_updated'", s.council.id);

    await patch({ aliases: ['gt', 'concerned_resident_99'] });
    await patch({ notes: 'Known to police', disengaged: true });
    expect(await getPerpetrator(env.DB, s.council.id, id)).toMatchObject({
      displayName: 'Gary Troll',
      aliases: ['gt', 'concerned_resident_99'],
      notes: 'Known to police',
    } satisfies Partial<PerpetratorView>);
    expect((await getPerpetrator(env.DB, s.council.id, id))?.disengagedAt).not.toBeNull();
    expect(await events()).toBe(2);

    const lost = await patch({ aliases: ['gt'] }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(isLostRace(lost)).toBe(true);
    expect((await getPerpetrator(env.DB, s.council.id, id))?.aliases).toEqual(['gt', 'concerned_resident_99']);
    expect(await events()).toBe(2);
  });

  it('answers two PATCHes at once over HTTP with both changes kept, or CONFLICT and nothing logged', async () => {
    const s = await seedCouncil();
    const { id } = (await (await api(s.officer.token, '/cases', { method: 'POST', json: { title: 'Original', councillorId: s.alice.id } })).json()) as {
      id: string;
    };
    const [a, b] = await Promise.all([
      api(s.officer.token, `/cases/${id}`, { method: 'PATCH', json: { title: 'New title' } }),
      api(s.admin.token, `/cases/${id}`, { method: 'PATCH', json: { status: 'closed' } }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await (await api(s.officer.token, `/cases/${id}`)).json()).toMatchObject({ title: 'New title', status: 'closed' });
    const [c, d] = await Promise.all([
      api(s.officer.token, `/cases/${id}`, { method: 'PATCH', json: { title: 'Mine' } }),
      api(s.admin.token, `/cases/${id}`, { method: 'PATCH', json: { title: 'Theirs' } }),
    ]);
    const statuses = [c.status, d.status];
    const logged = await count("SELECT COUNT(*) AS n FROM custody_events WHERE case_id = ? AND action = 'case_updated'", id);
    // Either both ran one after the other (both logged) or one lost (CONFLICT, not logged).
    if (statuses.includes(409)) {
      expect([...statuses].sort()).toEqual([200, 409]);
      expect(await errorCode(c.status === 409 ? c : d)).toBe('CONFLICT');
      expect(logged).toBe(3);
    } else {
      expect(logged).toBe(4);
    }
  });
});
