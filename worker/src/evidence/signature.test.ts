import { describe, expect, it } from 'vitest';
import type { Receipt } from '@wardguard/shared';
import { errorCode, manifestFor, pngBytes, seedCouncil, signManifest, storedCounts, upload } from '../../test/helpers.ts';

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

  it('unsigned uploads (an officer filing a file by hand) are kept and marked unsigned', async () => {
    const s = await seedCouncil();
    const f = shot();
    const res = await upload(s.alice.token, await manifestFor(f), f);
    expect(((await res.json()) as Receipt).signatureKeySha256).toBeNull();
  });
});
