import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { CaseView, IssuedToken, ReferralView, UserView } from '@wardguard/shared';
import { actor, api, errorCode, seedCouncil } from '../../test/helpers.ts';

const json = async <T>(res: Response): Promise<T> => {
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

async function seedWithCase() {
  const s = await seedCouncil();
  const kase = await json<CaseView>(await api(s.officer.token, '/cases', { method: 'POST', json: { title: 'Threats at surgery', councillorId: s.alice.id } }));
  return { s, kase };
}

describe('referring a case to the police liaison', () => {
  it('lets an admin add a liaison with a token that signs in to the dashboard, confined to the liaison pages', async () => {
    const { s } = await seedWithCase();
    const user = await json<UserView>(await api(s.admin.token, '/users', { method: 'POST', json: { name: 'PC Lee Liaison', role: 'liaison' } }));
    expect(user).toMatchObject({ role: 'liaison', councilId: s.council.id });
    const issued = await json<IssuedToken>(await api(s.admin.token, `/users/${user.id}/tokens`, { method: 'POST', json: { label: 'police laptop' } }));
    expect(issued.kind).toBe('personal');

    const signIn = await api(null, '/session', { method: 'POST', json: { token: issued.token } });
    expect(signIn.status).toBe(201);
    const cookie = /wg_session=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')?.[0] ?? '';
    const withCookie = (path: string) => exports.default.fetch(new Request(`http://wardguard.test/api/v1${path}`, { headers: { cookie } }));
    expect(await json(await withCookie('/session'))).toMatchObject({ userId: user.id, role: 'liaison' });
    expect(await json(await withCookie('/liaison/cases'))).toEqual({ cases: [] });
    expect((await withCookie('/mail/queue')).status).toBe(403);

    expect(await json(await api(s.officer.token, '/referrals/liaisons'))).toEqual({ liaisons: [{ id: user.id, name: 'PC Lee Liaison' }] });
  });

  it('marks the case referred and keeps the police reference it already had', async () => {
    const { s, kase } = await seedWithCase();
    const liaison = await actor(s.council.id, 'PC Lee Liaison', 'liaison');
    await json(await api(s.officer.token, `/cases/${kase.id}`, { method: 'PATCH', json: { policeReference: 'CAD 1234' } }));
    const referral = await json<ReferralView>(
      await api(s.officer.token, '/referrals', { method: 'POST', json: { caseId: kase.id, liaisonId: liaison.id, policeReference: 'TVP-1' } }),
    );
    expect(referral).toMatchObject({ caseId: kase.id, liaisonId: liaison.id, liaisonName: 'PC Lee Liaison', referredBy: s.officer.id, withdrawnAt: null });
    expect(await json(await api(s.officer.token, `/cases/${kase.id}`))).toMatchObject({ status: 'referred', policeReference: 'CAD 1234' });
    // The custody log names the number the case holds, and the one offered that was not applied.
    const event = await env.DB.prepare("SELECT details FROM custody_events WHERE action = 'case_referred' AND case_id = ?")
      .bind(kase.id)
      .first<{ details: string }>();
    expect(JSON.parse(event!.details)).toMatchObject({ policeReference: 'CAD 1234', policeReferenceNotApplied: 'TVP-1' });
  });

  it('refers only to an active liaison of the same council, once at a time', async () => {
    const { s, kase } = await seedWithCase();
    const liaison = await actor(s.council.id, 'PC Lee Liaison', 'liaison');
    const elsewhere = await actor(s.otherOfficer.councilId, 'PC Far Away', 'liaison');
    for (const liaisonId of [s.alice.id, s.officer.id, elsewhere.id, 'no-such-user']) {
      const res = await api(s.officer.token, '/referrals', { method: 'POST', json: { caseId: kase.id, liaisonId } });
      expect(res.status, liaisonId).toBe(404);
    }
    const otherCouncil = await api(s.otherOfficer.token, '/referrals', { method: 'POST', json: { caseId: kase.id, liaisonId: elsewhere.id } });
    expect(otherCouncil.status).toBe(404);
    expect((await api(s.officer.token, '/referrals', { method: 'POST', json: { caseId: kase.id, liaisonId: liaison.id } })).status).toBe(201);
    const again = await api(s.admin.token, '/referrals', { method: 'POST', json: { caseId: kase.id, liaisonId: liaison.id } });
    expect(again.status).toBe(409);
    expect(await errorCode(again)).toBe('CONFLICT');
    // A case is referred by officers, not by the councillor or the liaison themselves.
    for (const who of [s.alice, liaison]) {
      const res = await api(who.token, '/referrals', { method: 'POST', json: { caseId: kase.id, liaisonId: liaison.id } });
      expect(res.status).toBe(403);
    }
  });

  it('withdraws a referral once, and lets the case be referred again afterwards', async () => {
    const { s, kase } = await seedWithCase();
    const liaison = await actor(s.council.id, 'PC Lee Liaison', 'liaison');
    const first = await json<ReferralView>(await api(s.officer.token, '/referrals', { method: 'POST', json: { caseId: kase.id, liaisonId: liaison.id } }));
    expect(await json(await api(s.officer.token, `/referrals/${first.id}/withdraw`, { method: 'POST' }))).toMatchObject({ withdrawnBy: s.officer.id });
    const twice = await api(s.officer.token, `/referrals/${first.id}/withdraw`, { method: 'POST' });
    expect(twice.status).toBe(409);
    expect((await api(s.otherOfficer.token, `/referrals/${first.id}/withdraw`, { method: 'POST' })).status).toBe(404);
    expect((await api(s.officer.token, '/referrals', { method: 'POST', json: { caseId: kase.id, liaisonId: liaison.id } })).status).toBe(201);
    const { referrals } = await json<{ referrals: ReferralView[] }>(await api(s.officer.token, `/referrals?caseId=${kase.id}`));
    expect(referrals.map((r) => r.withdrawnAt === null)).toEqual([true, false]);
    expect((await api(s.otherOfficer.token, `/referrals?caseId=${kase.id}`)).status).toBe(404);
  });
});
