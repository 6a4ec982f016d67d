import { sha256 } from '@noble/hashes/sha2.js';
import { WardguardError } from '../errors.ts';
import { base64ToBytes } from '../encoding/base64.ts';
import { toHex } from '../encoding/hex.ts';
import { packPublicKeySchema } from './format.ts';

/**
 * The key a verifier trusts, from outside the pack: either the council's raw Ed25519 public
 * key, or only its fingerprint (read out over the phone), in which case the key the pack
 * names for itself is used if, and only if, it hashes to that fingerprint.
 */
export type TrustedKey = { kind: 'raw'; raw: Uint8Array } | { kind: 'fingerprint'; fingerprint: string };

export const ED25519_KEY_BYTES = 32;
// DER prefix of an Ed25519 SubjectPublicKeyInfo: what `openssl pkey -pubout` writes.
const SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

/** SHA-256 of the raw key bytes, hex: the fingerprint format the Worker publishes. */
export const keyFingerprint = (raw: Uint8Array): string => toHex(sha256(raw));

function rawFromPem(pem: string): Uint8Array {
  const der = base64ToBytes(pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, ''));
  if (!der || der.length !== SPKI_PREFIX.length + ED25519_KEY_BYTES || SPKI_PREFIX.some((b, i) => der[i] !== b)) {
    throw new WardguardError('PACK_KEY_INVALID', 'That PEM block is not an Ed25519 public key.');
  }
  return der.slice(SPKI_PREFIX.length);
}

function rawFromPublishedJson(text: string): Uint8Array {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new WardguardError('PACK_KEY_INVALID', 'The key file is not valid JSON.');
  }
  const key = packPublicKeySchema.safeParse(parsed);
  if (!key.success)
    throw new WardguardError('PACK_KEY_INVALID', 'The key file is not a Wardguard pack key ({ "algorithm": "Ed25519", "raw", "fingerprint" }).');
  const raw = base64ToBytes(key.data.raw);
  if (!raw || raw.length !== ED25519_KEY_BYTES) throw new WardguardError('PACK_KEY_INVALID', `The key file's "raw" is not a ${ED25519_KEY_BYTES}-byte key.`);
  // A published key whose own fingerprint does not match has been corrupted or tampered with.
  if (keyFingerprint(raw) !== key.data.fingerprint) {
    throw new WardguardError(
      'PACK_KEY_FINGERPRINT_MISMATCH',
      `The key file's fingerprint (${key.data.fingerprint}) is not the SHA-256 of its key (${keyFingerprint(raw)}); do not use it.`,
    );
  }
  return raw;
}

/**
 * Reads a key as a person may have been given it: the JSON the council publishes at
 * `/.well-known/wardguard-pack-key` (its fingerprint is checked), the raw key in base64,
 * a PEM public key, or a 64-hex-digit fingerprint (spaces and colons ignored).
 *
 * @throws WardguardError PACK_KEY_INVALID, PACK_KEY_FINGERPRINT_MISMATCH
 * @example parsePackKey('MCowBQYDK2VwAyEA…') // { kind: 'raw', raw: Uint8Array(32) }
 */
export function parsePackKey(text: string): TrustedKey {
  const t = text.trim();
  if (t.startsWith('{')) return { kind: 'raw', raw: rawFromPublishedJson(t) };
  if (t.startsWith('-----BEGIN PUBLIC KEY-----')) return { kind: 'raw', raw: rawFromPem(t) };
  const hex = t.replace(/[\s:]/g, '');
  if (/^[0-9a-fA-F]{64}$/.test(hex)) return { kind: 'fingerprint', fingerprint: hex.toLowerCase() };
  const raw = base64ToBytes(t);
  if (raw && raw.length === ED25519_KEY_BYTES) return { kind: 'raw', raw };
  throw new WardguardError(
    'PACK_KEY_INVALID',
    "Not a pack key: expected the council's key file (JSON), its public key in base64 (44 characters) or PEM, or its 64-character fingerprint.",
  );
}
