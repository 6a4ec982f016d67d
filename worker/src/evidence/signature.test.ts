import { describe, expect, it } from 'vitest';
import type { Receipt } from '@wardguard/shared';
import { api, deviceKeyFor, errorCode, manifestFor, pngBytes, seedCouncil, signManifest, signManifestWith, storedCounts, upload } from '../../test/helpers.ts';

const shot = () => [{ name: 'viewport.png', mediaType: 'image/png', bytes: pngBytes(512) }];

describe('device-signed bundles', () => {
  it('are accepted and the receipt names the signing key', async () => {
    const s = await seedCouncil();
    const f = shot();
    const text = JSON.stringify(await manifestFor(f));
    const res = await upload(s.alice.token, text, f, await signManifest(text));
    expect(res.status).toBe(201);
    expect(((await res.json()) as Receipt).signatureKeySha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('are refused whole when the manifest was changed after signing', async () => {
    const s = await seedCouncil();
    const f = shot();
    const manifest = await manifestFor(f);
    const sig = await signManifest(JSON.stringify(manifest));
    const before = await storedCounts();
    const res = await upload(s.alice.token, JSON.stringify({ ...manifest, title: 'Edited title' }), f, sig);
    expect(res.status).toBe(422);
    expect(await errorCode(res)).toBe('SIGNATURE_MISMATCH');
    expect(await storedCounts()).toEqual(before);
  });

  it('explain a malformed signature part', async () => {
    const s = await seedCouncil();
    const f = shot();
    const text = JSON.stringify(await manifestFor(f));
    for (const bad of ['not json', { alg: 'RS256' }]) {
      const res = await upload(s.alice.token, text, f, bad);
      expect(res.status).toBe(400);
      expect(await errorCode(res)).toBe('INVALID_SIGNATURE');
    }
  });

  it('unsigned uploads of a file (an officer filing a file by hand) are kept and marked unsigned', async () => {
    const s = await seedCouncil();
    const f = shot();
    const res = await upload(s.officer.token, await manifestFor(f, { kind: 'upload', councillorId: s.alice.id }), f, null);
    expect(res.status).toBe(201);
    expect(((await res.json()) as Receipt).signatureKeySha256).toBeNull();
  });
});

describe('web captures', () => {
  it('are refused unsigned: the signature is what makes a capture evidence', async () => {
    const s = await seedCouncil();
    const f = shot();
    const before = await storedCounts();
    const res = await upload(s.alice.token, await manifestFor(f), f, null);
    expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 400, code: 'SIGNATURE_REQUIRED' });
    expect(await storedCounts()).toEqual(before);
  });

  it('are refused when the signature is over other bytes', async () => {
    const s = await seedCouncil();
    const f = shot();
    const text = JSON.stringify(await manifestFor(f));
    const other = await signManifestWith(await deviceKeyFor(s.alice.token), JSON.stringify(await manifestFor(f)));
    const before = await storedCounts();
    const res = await upload(s.alice.token, text, f, other);
    expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 422, code: 'SIGNATURE_MISMATCH' });
    expect(await storedCounts()).toEqual(before);
  });

  it('are refused when signed by another key than the one the token was first used with, telling the councillor to pair again', async () => {
    const s = await seedCouncil();
    const f = shot();
    expect((await upload(s.alice.token, await manifestFor(f), f)).status).toBe(201);
    // Someone with Alice's token re-signs a capture with a key of their own.
    const text = JSON.stringify(await manifestFor(f));
    const before = await storedCounts();
    const res = await upload(s.alice.token, text, f, await signManifest(text));
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('SIGNATURE_KEY_CHANGED');
    expect(body.error.message).toMatch(/new token/);
    expect(await storedCounts()).toEqual(before);
    // The device it was first paired with still files; a new token pairs a new key.
    expect((await upload(s.alice.token, await manifestFor(f), f)).status).toBe(201);
    const fresh = (await (await api(s.admin.token, `/users/${s.alice.id}/tokens`, { method: 'POST', json: {} })).json()) as { token: string };
    expect((await upload(fresh.token, text, f, await signManifest(text))).status).toBe(201);
  });

  it('pin one key when two first uploads on a token race with different keys', async () => {
    const s = await seedCouncil();
    const f = shot();
    const texts = [JSON.stringify(await manifestFor(f)), JSON.stringify(await manifestFor(f))];
    const results = await Promise.all(texts.map(async (t) => upload(s.alice.token, t, f, await signManifest(t))));
    expect(results.map((r) => r.status).sort()).toEqual([201, 403]);
  });
});
