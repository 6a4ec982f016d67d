import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Receipt } from '@wardguard/shared';
import { api, bundleForm, errorCode, manifestFor, pngBytes, seedCouncil, signWithDeviceKey, storedCounts, upload } from '../../test/helpers.ts';

const shot = (seed = 1) => [{ name: 'shot.png', mediaType: 'image/png', bytes: pngBytes(1024, seed) }];

async function filed() {
  const s = await seedCouncil();
  const f = shot();
  const receipt = (await (await upload(s.alice.token, await manifestFor(f), f)).json()) as Receipt;
  return { s, receipt, download: `/evidence/${receipt.itemId}/artifacts/${receipt.artifacts[0]!.id}` };
}

describe('who may touch an evidence item', () => {
  it('refuses an upload on a revoked token at once, storing nothing', async () => {
    const s = await seedCouncil();
    expect((await api(s.alice.token, `/tokens/${s.alice.tokenId}`, { method: 'DELETE' })).status).toBe(200);
    const f = shot();
    const before = await storedCounts();
    const res = await upload(s.alice.token, await manifestFor(f), f);
    expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 401, code: 'TOKEN_REVOKED' });
    expect(await storedCounts()).toEqual(before);
  });

  it("lets nobody but the councillor and their council's staff link an item", async () => {
    const { s, receipt } = await filed();
    const before = await storedCounts();
    for (const who of [s.bob, s.otherOfficer, s.service]) {
      const res = await api(who.token, `/evidence/${receipt.itemId}`, { method: 'PATCH', json: { caseId: null } });
      expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 404, code: 'NOT_FOUND' });
    }
    expect(await storedCounts()).toEqual(before);
    const item = (await (await api(s.alice.token, `/evidence/${receipt.itemId}`)).json()) as { caseId: string | null };
    expect(item.caseId).toBeNull();
  });

  it('lets no other council, no mail filter and no made-up artifact id download, and logs none of it', async () => {
    const { s, receipt, download } = await filed();
    const before = await storedCounts();
    for (const who of [s.otherOfficer, s.service, s.bob]) {
      const res = await api(who.token, download);
      expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 404, code: 'NOT_FOUND' });
    }
    const unknown = await api(s.officer.token, `/evidence/${receipt.itemId}/artifacts/no-such-artifact`);
    expect({ status: unknown.status, code: await errorCode(unknown) }).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await storedCounts()).toEqual(before);
  });

  it('does not list evidence to the mail filter', async () => {
    const { s } = await filed();
    const res = await api(s.service.token, '/evidence');
    expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 403, code: 'FORBIDDEN' });
  });
});

describe('path tricks in the file part of a bundle', () => {
  it.each([
    ['../shot.png', 'INVALID_ARTIFACT_NAME'],
    ['/shot.png', 'INVALID_ARTIFACT_NAME'],
    ['sub/shot.png', 'INVALID_ARTIFACT_NAME'],
    ['..\\shot.png', 'INVALID_ARTIFACT_NAME'],
    // The form parser itself refuses a NUL in a part's filename.
    ['shot\u0000.png', 'MALFORMED_MULTIPART'],
  ])('refuses a file part named %j with %s, storing nothing', async (name, code) => {
    const s = await seedCouncil();
    const f = shot();
    const manifest = await manifestFor(f);
    const text = JSON.stringify(manifest);
    const form = bundleForm(text, [{ name, bytes: f[0]!.bytes }], await signWithDeviceKey(s.alice.token, text));
    const before = await storedCounts();
    const res = await api(s.alice.token, '/evidence', { method: 'POST', body: form });
    expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 400, code });
    expect(await storedCounts()).toEqual(before);
  });
});

describe('an oversized bundle whose length is not declared honestly', () => {
  function chunkedBody(total: number): ReadableStream<Uint8Array> {
    let sent = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= total) return controller.close();
        const n = Math.min(64 * 1024, total - sent);
        controller.enqueue(new Uint8Array(n).fill(0x2d));
        sent += n;
      },
    });
  }

  it('is cut off by counting bytes when no Content-Length is sent', async () => {
    const s = await seedCouncil();
    const before = await storedCounts();
    const res = await exports.default.fetch(
      new Request('http://wardguard.test/api/v1/evidence', {
        method: 'POST',
        body: chunkedBody(Number(env.MAX_BUNDLE_BYTES) + 256 * 1024),
        headers: { authorization: `Bearer ${s.alice.token}`, 'content-type': 'multipart/form-data; boundary=xyz' },
      }),
    );
    expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 413, code: 'BUNDLE_TOO_LARGE' });
    expect(await storedCounts()).toEqual(before);
  });
});
