import { describe, expect, it } from 'vitest';
import { api, errorCode, seedCouncil } from '../../test/helpers.ts';

describe('cases', () => {
  it('lets a councillor open and rename their own case, and keeps it from other councillors', async () => {
    const s = await seedCouncil();
    const res = await api(s.alice.token, '/cases', { method: 'POST', json: { title: 'Threats from @angryvoter' } });
    expect(res.status).toBe(201);
    const kase = (await res.json()) as { id: string; councillorId: string; status: string };
    expect(kase).toMatchObject({ councillorId: s.alice.id, status: 'open' });
    expect((await api(s.bob.token, `/cases/${kase.id}`)).status).toBe(404);
    expect((await api(s.otherOfficer.token, `/cases/${kase.id}`)).status).toBe(404);
    const renamed = await api(s.alice.token, `/cases/${kase.id}`, { method: 'PATCH', json: { title: 'Threats from @angryvoter (X)' } });
    expect(renamed.status).toBe(200);
    expect((await api(s.bob.token, `/cases/${kase.id}`, { method: 'PATCH', json: { title: 'mine now' } })).status).toBe(404);
  });

  it('lets an officer open a case for a councillor and record a police reference', async () => {
    const s = await seedCouncil();
    const res = await api(s.officer.token, '/cases', { method: 'POST', json: { title: 'Doorstep threats', councillorId: s.bob.id } });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const upd = await api(s.officer.token, `/cases/${id}`, { method: 'PATCH', json: { status: 'referred', policeReference: 'CAD 1234 23/11' } });
    expect(await upd.json()).toMatchObject({ status: 'referred', policeReference: 'CAD 1234 23/11' });
    const bobs = (await (await api(s.bob.token, '/cases')).json()) as { cases: { id: string }[] };
    expect(bobs.cases.map((c) => c.id)).toEqual([id]);
    const alices = (await (await api(s.alice.token, '/cases')).json()) as { cases: unknown[] };
    expect(alices.cases).toHaveLength(0);
  });

  it('refuses a case for someone who is not a councillor of this council, and the mail filter entirely', async () => {
    const s = await seedCouncil();
    const wrong = await api(s.officer.token, '/cases', { method: 'POST', json: { title: 'x', councillorId: s.otherCouncillor.id } });
    expect(wrong.status).toBe(404);
    const officerAsTarget = await api(s.admin.token, '/cases', { method: 'POST', json: { title: 'x', councillorId: s.officer.id } });
    expect(officerAsTarget.status).toBe(404);
    const svc = await api(s.service.token, '/cases');
    expect(svc.status).toBe(403);
    expect(await errorCode(svc)).toBe('FORBIDDEN');
  });

  it('explains invalid input', async () => {
    const s = await seedCouncil();
    const res = await api(s.alice.token, '/cases', { method: 'POST', json: { title: '' } });
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe('VALIDATION_FAILED');
    // On a real case, so the 400 is for the status and not a 404 for the case.
    const kase = (await (await api(s.alice.token, '/cases', { method: 'POST', json: { title: 'Real case' } })).json()) as { id: string };
    const badStatus = await api(s.alice.token, `/cases/${kase.id}`, { method: 'PATCH', json: { status: 'deleted' } });
    expect(badStatus.status).toBe(400);
    expect(await errorCode(badStatus)).toBe('VALIDATION_FAILED');
    expect(await (await api(s.alice.token, `/cases/${kase.id}`)).json()).toMatchObject({ status: 'open' });
  });
});
