import { sha256Hex, WardguardError, type PackPublicKey } from '@wardguard/shared';

/**
 * The council's pack-signing key: an Ed25519 private key as base64 PKCS#8 in the Worker
 * secret PACK_SIGNING_KEY (`npm run admin -- create-pack-key` makes one). The public half
 * is derived from it, so the published key can never drift from the signing key.
 */
export interface PackSigner {
  publicKey: PackPublicKey;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

const b64ToBytes = (b64: string): Uint8Array => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
export const bytesToB64 = (bytes: Uint8Array): string => {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
};
const b64urlToBytes = (s: string): Uint8Array => b64ToBytes(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));

// One import per isolate: the secret does not change while the isolate lives.
let cached: { secret: string; signer: Promise<PackSigner> } | null = null;

export function packSigner(secret: string | undefined): Promise<PackSigner> {
  if (!secret?.trim()) {
    return Promise.reject(
      new WardguardError('PACK_KEY_MISSING', 'No pack-signing key is configured (PACK_SIGNING_KEY). Run `npm run admin -- create-pack-key`; packs are never issued unsigned.'),
    );
  }
  if (cached?.secret !== secret) cached = { secret, signer: importSigner(secret.trim()) };
  return cached.signer;
}

async function importSigner(secret: string): Promise<PackSigner> {
  let der: Uint8Array;
  try {
    der = b64ToBytes(secret);
  } catch {
    throw new WardguardError('PACK_KEY_INVALID', 'PACK_SIGNING_KEY is not base64.');
  }
  let jwk: JsonWebKey;
  let key: CryptoKey;
  try {
    const extractable = (await crypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, true, ['sign'])) as CryptoKey;
    jwk = (await crypto.subtle.exportKey('jwk', extractable)) as JsonWebKey;
    key = (await crypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, false, ['sign'])) as CryptoKey;
  } catch {
    throw new WardguardError('PACK_KEY_INVALID', 'PACK_SIGNING_KEY is not an Ed25519 private key in PKCS#8 form.');
  }
  if (!jwk.x) throw new WardguardError('PACK_KEY_INVALID', 'PACK_SIGNING_KEY has no public half.');
  const raw = b64urlToBytes(jwk.x);
  const publicKey: PackPublicKey = { algorithm: 'Ed25519', raw: bytesToB64(raw), fingerprint: await sha256Hex(raw) };
  return {
    publicKey,
    sign: async (data) => new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key, data)),
  };
}
