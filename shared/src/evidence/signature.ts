import { z } from 'zod';
import { canonicalJson } from './canonical-json.ts';
import { base64ToBytes } from '../encoding/base64.ts';
import { sha256Hex } from './hash.ts';
import { subtle } from './web-crypto.ts';

/**
 * A device signature over the exact bytes of a bundle's manifest part: ECDSA P-256
 * with SHA-256, the raw 64-byte r||s form WebCrypto produces, base64url-encoded.
 */
export const manifestSignatureSchema = z.object({
  alg: z.literal('ES256'),
  publicKeyJwk: z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string().min(40).max(50), y: z.string().min(40).max(50) }),
  value: z.string().regex(/^[A-Za-z0-9_-]{80,90}$/),
});
export type ManifestSignature = z.infer<typeof manifestSignatureSchema>;

/** Stable identifier of a signing key: SHA-256 of its canonical public JWK. */
export function keyFingerprint(jwk: ManifestSignature['publicKeyJwk']): Promise<string> {
  return sha256Hex(canonicalJson({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }));
}

/** True when `sig` is a valid signature by its key over `manifestBytes`. Malformed keys count as invalid. */
export async function verifyManifestSignature(sig: ManifestSignature, manifestBytes: Uint8Array): Promise<boolean> {
  const value = base64ToBytes(sig.value);
  if (!value) return false;
  try {
    const key = await subtle().importKey('jwk', { ...sig.publicKeyJwk, ext: true }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    return await subtle().verify({ name: 'ECDSA', hash: 'SHA-256' }, key, value, manifestBytes);
  } catch {
    return false;
  }
}
