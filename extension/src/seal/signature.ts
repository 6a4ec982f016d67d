import { bytesToBase64url } from '@wardguard/shared/encoding';

export interface PublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}
/** The `signature` part of a bundle. */
export interface BundleSignature {
  alg: 'ES256';
  publicKeyJwk: PublicJwk;
  value: string;
}

const ALG = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/** A per-install key whose private half can never be read out, only used. */
export function generateSigningKey(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ALG, false, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

export async function exportPublicJwk(key: CryptoKey): Promise<PublicJwk> {
  const jwk = await crypto.subtle.exportKey('jwk', key);
  return { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! };
}

/**
 * Signs the exact UTF-8 bytes of the manifest part (ES256, raw r||s, base64url).
 *
 * @example const sig = await signManifest(keyPair, manifestText);
 */
export async function signManifest(pair: CryptoKeyPair, manifestText: string): Promise<BundleSignature> {
  const bytes = new TextEncoder().encode(manifestText);
  const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, bytes));
  return { alg: 'ES256', publicKeyJwk: await exportPublicJwk(pair.publicKey), value: bytesToBase64url(raw) };
}
