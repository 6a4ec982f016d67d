import { z } from 'zod';
import { canonicalJson } from './canonical-json.ts';
import { sha256Hex } from './hash.ts';

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

interface SubtleVerify {
  importKey(format: 'jwk', key: object, alg: object, extractable: boolean, usages: string[]): Promise<unknown>;
  verify(alg: object, key: unknown, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
}
const subtle = () => (globalThis as unknown as { crypto: { subtle: SubtleVerify } }).crypto.subtle;

export function base64urlToBytes(s: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of s) {
    const v = alphabet.indexOf(ch);
    if (v < 0) throw new Error('not base64url');
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return new Uint8Array(out);
}

/** Stable identifier of a signing key: SHA-256 of its canonical public JWK. */
export function keyFingerprint(jwk: ManifestSignature['publicKeyJwk']): Promise<string> {
  return sha256Hex(canonicalJson({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }));
}

/** True when `sig` is a valid signature by its key over `manifestBytes`. Malformed keys count as invalid. */
export async function verifyManifestSignature(sig: ManifestSignature, manifestBytes: Uint8Array): Promise<boolean> {
  try {
    const key = await subtle().importKey('jwk', { ...sig.publicKeyJwk, ext: true }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    return await subtle().verify({ name: 'ECDSA', hash: 'SHA-256' }, key, base64urlToBytes(sig.value), manifestBytes);
  } catch {
    return false;
  }
}
