import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, errorCode, seedCouncil } from '../../test/helpers.ts';

async function signIn(token: string) {
  const res = await api(null, '/session', { method: 'POST', json: { token } });
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = /wg_session=([^;]+)/.exec(setCookie)?.[1] ?? '';
  const body = (await res.json()) as { csrfToken?: string; role?: string };
  return { res, setCookie, cookie: `wg_session=${cookie}`, csrf: body.csrfToken ?? '', body };
}

const withCookie = (cookie: string, path: string, init: RequestInit = {}) =>
  exports.default.fetch(new Request(`http://wardguard.test/api/v1${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), cookie } }));

describe('dashboard sessions', () => {
  it('exchange a personal token for an HttpOnly, Secure, SameSite=Strict cookie', async () => {
    const s = await seedCouncil();
    const { res, setCookie, cookie, body } = await signIn(s.officer.token);
    expect(res.status).toBe(201);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toContain(s.officer.token);
    expect(body.role).toBe('officer');
    const me = await withCookie(cookie, '/session');
    expect(await me.json()).toMatchObject({ userId: s.officer.id, role: 'officer' });
  });

  it("name each council from the database, not the Worker's one COUNCIL_NAME", async () => {
    const s = await seedCouncil();
    const mine = await api(s.officer.token, '/session');
    expect(await mine.json()).toMatchObject({ councilId: s.council.id, councilName: 'Test Borough Council' });
    const theirs = await api(s.otherOfficer.token, '/session');
    expect(await theirs.json()).toMatchObject({ councilName: 'Elsewhere District Council' });
  });

  it('refuse a write without the CSRF header, and accept it with', async () => {
    const s = await seedCouncil();
    const { cookie, csrf } = await signIn(s.officer.token);
    const json = { 'content-type': 'application/json' };
    const body = JSON.stringify({ title: 'From the dashboard', councillorId: s.alice.id });
    const forged = await withCookie(cookie, '/cases', { method: 'POST', body, headers: json });
    expect(forged.status).toBe(403);
    expect(await errorCode(forged)).toBe('CSRF_FAILED');
    const wrong = await withCookie(cookie, '/cases', { method: 'POST', body, headers: { ...json, 'x-wardguard-csrf': 'wg_' + 'x'.repeat(43) } });
    expect(wrong.status).toBe(403);
    const ok = await withCookie(cookie, '/cases', { method: 'POST', body, headers: { ...json, 'x-wardguard-csrf': csrf } });
    expect(ok.status).toBe(201);
  });

  it('end at sign-out, when the token is revoked, and after half an hour idle', async () => {
    const s = await seedCouncil();
    const a = await signIn(s.officer.token);
    const out = await withCookie(a.cookie, '/session', { method: 'DELETE', headers: { 'x-wardguard-csrf': a.csrf } });
    expect(out.status).toBe(200);
    expect((await withCookie(a.cookie, '/session')).status).toBe(401);

    const b = await signIn(s.officer.token);
    await api(s.admin.token, `/tokens/${s.officer.tokenId}`, { method: 'DELETE' });
    const revoked = await withCookie(b.cookie, '/session');
    expect(revoked.status).toBe(401);
    expect(await errorCode(revoked)).toBe('SESSION_EXPIRED');

    const c = await signIn(s.alice.token);
    await env.DB.prepare("UPDATE sessions SET last_seen_at = '2000-01-01T00:00:00.000Z'").run();
    expect((await withCookie(c.cookie, '/session')).status).toBe(401);
  });

  it('refuse bad tokens and service tokens', async () => {
    const s = await seedCouncil();
    expect((await signIn('wg_' + 'A'.repeat(43))).res.status).toBe(401);
    expect((await signIn('hello')).res.status).toBe(401);
    expect((await signIn(s.service.token)).res.status).toBe(403);
    const garbage = await withCookie('wg_session=../../etc', '/session');
    expect(garbage.status).toBe(401);
  });

  it("still confine a councillor's session to their own records", async () => {
    const s = await seedCouncil();
    const { cookie } = await signIn(s.alice.token);
    const res = await withCookie(cookie, '/users');
    expect(res.status).toBe(403);
  });
});
