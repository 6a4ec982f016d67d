import { describe, expect, it } from 'vitest';
import { manifestSignatureSchema, verifyManifestSignature } from '@wardguard/shared';
import { base64ToBytes } from '@wardguard/shared/encoding';
import { exportPublicJwk, generateSigningKey, signManifest } from './signature.ts';

describe('signing the manifest with the install key', () => {
  it('produces an ES256 signature over the exact manifest bytes that verifies with only the public JWK', async () => {
    const pair = await generateSigningKey();
    const text = JSON.stringify({ version: 1, title: 'Threat — “you’ll regret it”' });
    const sig = await signManifest(pair, text);
    expect(manifestSignatureSchema.parse(sig)).toEqual(sig);
    expect(base64ToBytes(sig.value)).toHaveLength(64);
    const key = await crypto.subtle.importKey('jwk', sig.publicKeyJwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const bytes = new TextEncoder().encode(text);
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, base64ToBytes(sig.value)!, bytes)).toBe(true);
    expect(await verifyManifestSignature(sig, bytes)).toBe(true);
  });

  it('fails verification when one byte of the manifest changes', async () => {
    const pair = await generateSigningKey();
    const sig = await signManifest(pair, '{"title":"a"}');
    expect(await verifyManifestSignature(sig, new TextEncoder().encode('{"title":"b"}'))).toBe(false);
  });

  it('keeps the private key unreadable: only the public half can be exported', async () => {
    const pair = await generateSigningKey();
    expect(pair.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', pair.privateKey)).rejects.toThrow();
    expect(Object.keys(await exportPublicJwk(pair.publicKey)).sort()).toEqual(['crv', 'kty', 'x', 'y']);
  });
});
