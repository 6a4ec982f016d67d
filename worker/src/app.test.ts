import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Receipt } from '@wardguard/shared';
import { api, manifestFor, pngBytes, seedCouncil, upload } from '../test/helpers.ts';

const custodyCount = async () => (await env.DB.prepare('SELECT COUNT(*) AS n FROM custody_events').first<{ n: number }>())!.n;

describe('HEAD on the API', () => {
  it('is refused with 405 before any handler runs, so a HEAD on a view or download logs nothing', async () => {
    const s = await seedCouncil();
    const f = [{ name: 'shot.png', mediaType: 'image/png', bytes: pngBytes(512) }];
    const receipt = (await (await upload(s.alice.token, await manifestFor(f), f)).json()) as Receipt;
    const before = await custodyCount();
    for (const path of [`/evidence/${receipt.itemId}/artifacts/${receipt.artifacts[0]!.id}`, `/evidence/${receipt.itemId}`]) {
      const res = await api(s.officer.token, path, { method: 'HEAD' });
      expect({ path, status: res.status }).toEqual({ path, status: 405 });
    }
    expect(await custodyCount()).toBe(before);
    // The same request as GET still works and is logged.
    expect((await api(s.officer.token, `/evidence/${receipt.itemId}`)).status).toBe(200);
    expect(await custodyCount()).toBe(before + 1);
  });

  it('is refused on routes that need no sign-in as well, as a JSON error', async () => {
    const res = await exports.default.fetch(new Request('http://wardguard.test/api/v1/health', { method: 'HEAD' }));
    expect(res.status).toBe(405);
    expect(res.headers.get('content-type')).toContain('application/json');
  });
});

describe('health', () => {
  it('answers without a token and says nothing about the council', async () => {
    const res = await api(null, '/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, service: 'wardguard' });
  });
});
