import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { errorCode, seedCouncil, type Actor } from '../../test/helpers.ts';

/** The Worker with the bench routes switched on or off, as `ENABLE_BENCH_ROUTES` does in wrangler dev. */
function bench(who: Actor, path: string, enabled: boolean, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${who.token}`);
  return createApp().request(`http://wardguard.test/api/v1/bench${path}`, { ...init, headers }, { ...env, ENABLE_BENCH_ROUTES: enabled ? '1' : undefined });
}

const listBench = async () => (await env.EVIDENCE.list({ prefix: 'bench/' })).objects.length;

describe('benchmark routes', () => {
  it('do not exist unless switched on, even for an admin', async () => {
    const s = await seedCouncil();
    const res = await bench(s.admin, '/raw/k1', false, { method: 'PUT', body: new Uint8Array(1024) });
    expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await listBench()).toBe(0);
  });

  it('are for admins only when switched on', async () => {
    const s = await seedCouncil();
    for (const who of [s.officer, s.alice, s.service]) {
      const res = await bench(who, '/raw/k1', true, { method: 'PUT', body: new Uint8Array(1024) });
      expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 403, code: 'FORBIDDEN' });
    }
    expect((await bench(s.otherOfficer, '/export-baseline/x', true)).status).toBe(403);
  });

  it('PUT the bytes straight into R2 for the baseline (the PUT alone, nothing else timed), and clear them afterwards', async () => {
    const s = await seedCouncil();
    for (const k of ['k1', 'k2']) {
      const put = await bench(s.admin, `/raw/${k}`, true, { method: 'PUT', body: new Uint8Array(4096).fill(9) });
      expect(put.status).toBe(200);
      expect(await put.json()).toEqual({ ok: true, bytes: 4096 });
    }
    expect(await listBench()).toBe(2);
    const clean = await bench(s.admin, '/raw', true, { method: 'DELETE' });
    expect(await clean.json()).toEqual({ deleted: 2 });
    expect(await listBench()).toBe(0);
    expect((await bench(s.alice, '/raw', true, { method: 'DELETE' })).status).toBe(403);
    const bad = await bench(s.admin, '/raw/..%2Fevidence', true, { method: 'PUT', body: new Uint8Array(1) });
    expect(bad.status).toBe(404);
  });

  it('read an unknown export as 404', async () => {
    const s = await seedCouncil();
    const res = await bench(s.admin, '/export-baseline/no-such-export', true);
    expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 404, code: 'NOT_FOUND' });
  });
});
