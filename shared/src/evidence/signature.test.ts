import { describe, expect, it } from 'vitest';
import { keyFingerprint, verifyManifestSignature, type ManifestSignature } from './signature.ts';

const b64url = (b: ArrayBuffer) => Buffer.from(b).toString('base64url');

async function signed(manifest: string) {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const jwk = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as { kty: 'EC'; crv: 'P-256'; x: string; y: string };
  const value = b64url(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, new TextEncoder().encode(manifest)));
  return { alg: 'ES256', publicKeyJwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, value } as ManifestSignature;
}

describe('manifest signatures', () => {
  it('verify over the exact manifest bytes and fail if one byte changes', async () => {
    const manifest = '{"version":1,"title":"Abusive post"}';
    const sig = await signed(manifest);
    expect(await verifyManifestSignature(sig, new TextEncoder().encode(manifest))).toBe(true);
    expect(await verifyManifestSignature(sig, new TextEncoder().encode(manifest.replace('Abusive', 'abusive')))).toBe(false);
  });
  it('fail for another key, and for a malformed key rather than throwing', async () => {
    const manifest = '{"a":1}';
    const a = await signed(manifest);
    const b = await signed(manifest);
    expect(await verifyManifestSignature({ ...a, publicKeyJwk: b.publicKeyJwk }, new TextEncoder().encode(manifest))).toBe(false);
    expect(await verifyManifestSignature({ ...a, publicKeyJwk: { ...a.publicKeyJwk, x: 'A'.repeat(43) } }, new TextEncoder().encode(manifest))).toBe(false);
    expect(await keyFingerprint(a.publicKeyJwk)).not.toBe(await keyFingerprint(b.publicKeyJwk));
  });
});
