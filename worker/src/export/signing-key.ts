import { base64ToBytes, bytesToBase64, sha256Hex, WardguardError, type PackPublicKey } from '@wardguard/shared';

/**
 * A pack-signing key: an Ed25519 private key as base64 PKCS#8 in a Worker secret,
 * PACK_SIGNING_KEY or a council's entry in PACK_SIGNING_KEYS (council-key.ts picks which);
 * `npm run admin -- create-pack-key` makes one. The public half is derived from it, so the published key can never drift from the signing key.
 */
export interface PackSigner {
  publicKey: PackPublicKey;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

// One import per key per isolate: the secrets do not change while the isolate lives.
const cached = new Map<string, Promise<PackSigner>>();

/**
 * The signer for one secret. `name` says where the secret came from (PACK_SIGNING_KEY, or
 * a council's entry in PACK_SIGNING_KEYS) so a bad key is reported by name, never by value.
 */
export function packSigner(secret: string | undefined, name = 'PACK_SIGNING_KEY'): Promise<PackSigner> {
  if (!secret?.trim()) {
    return Promise.reject(
      new WardguardError(
        'PACK_KEY_MISSING',
        `No pack-signing key is configured (${name}). Run \`npm run admin -- create-pack-key\`; packs are never issued unsigned.`,
      ),
    );
  }
  const id = `${name}\n${secret}`;
  let signer = cached.get(id);
  if (!signer) {
    signer = importSigner(secret.trim(), name);
    cached.set(id, signer);
  }
  return signer;
}

async function importSigner(secret: string, name: string): Promise<PackSigner> {
  const der = base64ToBytes(secret);
  if (!der) throw new WardguardError('PACK_KEY_INVALID', `${name} is not base64.`);
  let jwk: JsonWebKey;
  let key: CryptoKey;
  try {
    const extractable = (await crypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, true, ['sign'])) as CryptoKey;
    jwk = (await crypto.subtle.exportKey('jwk', extractable)) as JsonWebKey;
    key = (await crypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, false, ['sign'])) as CryptoKey;
  } catch {
    throw new WardguardError('PACK_KEY_INVALID', `${name} is not an Ed25519 private key in PKCS#8 form.`);
  }
  const raw = jwk.x ? base64ToBytes(jwk.x) : null;
  if (!raw) throw new WardguardError('PACK_KEY_INVALID', `${name} has no public half.`);
  const publicKey: PackPublicKey = { algorithm: 'Ed25519', raw: bytesToBase64(raw), fingerprint: await sha256Hex(raw) };
  return {
    publicKey,
    sign: async (data) => new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key, data)),
  };
}
