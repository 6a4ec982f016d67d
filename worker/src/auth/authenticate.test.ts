import { describe, expect, it } from 'vitest';
import { api, errorCode, seedCouncil } from '../../test/helpers.ts';

describe('bearer authentication', () => {
  it('refuses a request with no token, a malformed header, or a token it never issued', async () => {
    for (const headers of [
      {} as Record<string, string>,
      { authorization: 'Basic abc' },
      { authorization: 'Bearer wg_' + 'A'.repeat(43) },
      { authorization: 'Bearer nonsense' },
    ]) {
      const res = await api(null, '/me', { headers });
      expect(res.status).toBe(401);
      expect(await errorCode(res)).toBe('UNAUTHENTICATED');
    }
  });

  it('identifies the caller from a valid token', async () => {
    const s = await seedCouncil();
    const res = await api(s.alice.token, '/me');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ userId: s.alice.id, role: 'councillor', councilId: s.council.id });
  });

  it('stops a revoked token on its very next use', async () => {
    const s = await seedCouncil();
    expect((await api(s.alice.token, '/me')).status).toBe(200);
    const revoke = await api(s.alice.token, `/tokens/${s.alice.tokenId}`, { method: 'DELETE' });
    expect(revoke.status).toBe(200);
    const after = await api(s.alice.token, '/me');
    expect(after.status).toBe(401);
    expect(await errorCode(after)).toBe('TOKEN_REVOKED');
  });

  it('lets a councillor revoke only their own tokens, and an admin any in the council', async () => {
    const s = await seedCouncil();
    const res = await api(s.alice.token, `/tokens/${s.bob.tokenId}`, { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect((await api(s.bob.token, '/me')).status).toBe(200);
    expect((await api(s.otherOfficer.token, `/tokens/${s.bob.tokenId}`, { method: 'DELETE' })).status).toBe(404);
    expect((await api(s.admin.token, `/tokens/${s.bob.tokenId}`, { method: 'DELETE' })).status).toBe(200);
    expect((await api(s.bob.token, '/me')).status).toBe(401);
  });

  it('stores tokens only as SHA-256 hashes', async () => {
    const s = await seedCouncil();
    const { env } = await import('cloudflare:workers');
    const rows = await env.DB.prepare('SELECT token_hash FROM tokens').all<{ token_hash: string }>();
    expect(rows.results.length).toBeGreaterThan(0);
    for (const r of rows.results) {
      expect(r.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.token_hash).not.toContain(s.alice.token);
    }
  });
});
