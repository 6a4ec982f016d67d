import { describe, expect, it } from 'vitest';
import type { IssuedToken, UserView } from '@wardguard/shared';
import { api, errorCode, seedCouncil } from '../../test/helpers.ts';

describe('users and tokens', () => {
  it('lets an admin add an officer and issue them a token that works at once', async () => {
    const s = await seedCouncil();
    const res = await api(s.admin.token, '/users', { method: 'POST', json: { name: 'Priya Patel', role: 'officer', email: 'priya@council.example' } });
    expect(res.status).toBe(201);
    const user = (await res.json()) as UserView;
    expect(user.initials).toBe('PP');
    const issued = (await (await api(s.admin.token, `/users/${user.id}/tokens`, { method: 'POST', json: { label: 'laptop' } })).json()) as IssuedToken;
    expect(issued.kind).toBe('personal');
    expect(await (await api(issued.token, '/me')).json()).toMatchObject({ userId: user.id, role: 'officer' });
    const tokens = (await (await api(s.admin.token, `/users/${user.id}/tokens`)).json()) as { tokens: Record<string, unknown>[] };
    expect(tokens.tokens).toHaveLength(1);
    expect(JSON.stringify(tokens)).not.toContain(issued.token);
  });

  it('issues service tokens for the mail filter as their own kind', async () => {
    const s = await seedCouncil();
    const issued = (await (await api(s.admin.token, `/users/${s.service.id}/tokens`, { method: 'POST', json: {} })).json()) as IssuedToken;
    expect(issued.kind).toBe('service');
  });

  it('gives two people with the same initials different exhibit prefixes', async () => {
    const s = await seedCouncil();
    const a = (await (await api(s.admin.token, '/users', { method: 'POST', json: { name: 'Amy Barker', role: 'councillor' } })).json()) as UserView;
    expect(a.initials).toBe('AB2');
  });

  it('keeps user management to admins of the same council', async () => {
    const s = await seedCouncil();
    for (const who of [s.officer, s.alice, s.service]) {
      const res = await api(who.token, '/users');
      expect(res.status).toBe(403);
      expect(await errorCode(res)).toBe('FORBIDDEN');
    }
    const cross = await api(s.admin.token, `/users/${s.otherOfficer.id}/tokens`, { method: 'POST', json: {} });
    expect(cross.status).toBe(404);
    const bad = await api(s.admin.token, '/users', { method: 'POST', json: { name: 'X', role: 'superuser' } });
    expect(bad.status).toBe(400);
  });

  it('answers 404 for the token list of a user in another council, not an empty list', async () => {
    const s = await seedCouncil();
    const cross = await api(s.admin.token, `/users/${s.otherOfficer.id}/tokens`);
    expect({ status: cross.status, code: await errorCode(cross) }).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect((await api(s.admin.token, '/users/no-such-user/tokens')).status).toBe(404);
    const own = (await (await api(s.admin.token, `/users/${s.alice.id}/tokens`)).json()) as { tokens: unknown[] };
    expect(own.tokens).toHaveLength(1);
  });

  it("lists the council's active councillors' names for staff only", async () => {
    const s = await seedCouncil();
    const res = await api(s.officer.token, '/councillors');
    expect(res.status).toBe(200);
    const { councillors } = (await res.json()) as { councillors: { id: string; name: string; initials: string; role: string }[] };
    expect(councillors.map((c) => c.name).sort()).toEqual(['Alice Brown', 'Bob Green']);
    expect(Object.keys(councillors[0]!).sort()).toEqual(['id', 'initials', 'name', 'role']);
    expect((await api(s.admin.token, '/councillors')).status).toBe(200);
    for (const who of [s.alice, s.service]) expect((await api(who.token, '/councillors')).status).toBe(403);
    expect((await api(null, '/councillors')).status).toBe(401);
  });
});
