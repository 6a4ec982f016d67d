import { base64ToBytes } from '../encoding/base64.ts';
import { utf8Decode } from '../encoding/utf8.ts';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { toHex } from '../encoding/hex.ts';
import { PACK_PATHS, packSignatureSchema, type PackManifest, type PackSignature } from './format.ts';
import { ED25519_KEY_BYTES, keyFingerprint, type TrustedKey } from './verify-key.ts';
import type { PackKeyReport, PackProblem } from './verify-report.ts';

const SIGNATURE_BYTES = 64;

export interface SignatureCheck {
  key: PackKeyReport;
  signature: 'valid' | 'invalid' | 'not-checked';
  problems: PackProblem[];
  /** The raw key the signature was checked with (the checkpoint is checked with the same); null when none. */
  keyBytes: Uint8Array | null;
}

/** manifest.sig as JSON per packSignatureSchema, or the reason it is not. */
export function parseSignatureFile(bytes: Uint8Array): { sig: PackSignature; signature: Uint8Array } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(utf8Decode(bytes, { fatal: false }));
  } catch {
    return { error: 'is not valid JSON' };
  }
  const parsed = packSignatureSchema.safeParse(value);
  if (!parsed.success) return { error: `is not a Wardguard pack signature (${parsed.error.issues[0]?.path.join('.') || 'format'} is wrong)` };
  const signature = base64ToBytes(parsed.data.signature);
  if (!signature || signature.length !== SIGNATURE_BYTES) return { error: `holds a signature that is not ${SIGNATURE_BYTES} bytes` };
  return { sig: parsed.data, signature };
}

const short = (fp: string) => `${fp.slice(0, 16)}…`;

/** The raw key the manifest names for itself, if it is well-formed and matches its own fingerprint. */
function selfAssertedKey(manifest: PackManifest | null, problems: PackProblem[]): Uint8Array | null {
  if (!manifest) return null;
  const raw = base64ToBytes(manifest.publicKey.raw);
  if (!raw || raw.length !== ED25519_KEY_BYTES) {
    problems.push({
      path: PACK_PATHS.manifest,
      code: 'MANIFEST_KEY_INVALID',
      message: `The public key written in manifest.json is not a ${ED25519_KEY_BYTES}-byte Ed25519 key.`,
    });
    return null;
  }
  if (keyFingerprint(raw) !== manifest.publicKey.fingerprint) {
    problems.push({
      path: PACK_PATHS.manifest,
      code: 'MANIFEST_KEY_INVALID',
      message: 'The public key written in manifest.json does not match the fingerprint written beside it.',
    });
    return null;
  }
  return raw;
}

function verifies(signature: Uint8Array, message: Uint8Array, key: Uint8Array): boolean {
  try {
    // Strict RFC 8032 checks (no ZIP-215 leniency): the same answer WebCrypto and OpenSSL give.
    return ed25519.verify(signature, message, key, { zip215: false });
  } catch {
    return false;
  }
}

/**
 * Checks manifest.sig against manifest.json with the key the caller trusts, and says
 * which of the two files changed: manifest.sig repeats the manifest's SHA-256, so a
 * manifest edited after signing is told apart from a signature that was tampered with.
 */
export function checkSignature(input: {
  manifestBytes: Uint8Array | null;
  manifest: PackManifest | null;
  sigBytes: Uint8Array | null;
  trusted: TrustedKey | null;
}): SignatureCheck {
  const problems: PackProblem[] = [];
  const { manifestBytes, manifest, sigBytes, trusted } = input;

  const parsedSig = sigBytes ? parseSignatureFile(sigBytes) : null;
  if (parsedSig && 'error' in parsedSig)
    problems.push({ path: PACK_PATHS.signature, code: 'SIGNATURE_MALFORMED', message: `manifest.sig ${parsedSig.error}.` });
  const sig = parsedSig && 'sig' in parsedSig ? parsedSig : null;
  // What the pack says signed it: the manifest is signed, so its claim outranks manifest.sig's.
  const claimedFingerprint = manifest?.publicKey.fingerprint ?? sig?.sig.publicKeyFingerprint ?? null;

  const selfKey = selfAssertedKey(manifest, problems);
  const selfFingerprint = selfKey ? keyFingerprint(selfKey) : null;
  const trustedFingerprint = trusted?.kind === 'raw' ? keyFingerprint(trusted.raw) : (trusted?.fingerprint ?? null);
  let key: Uint8Array | null;
  let report: PackKeyReport;
  let wrongKey = false;
  if (trusted?.kind === 'raw') {
    key = trusted.raw;
    report = {
      source: 'supplied',
      fingerprint: trustedFingerprint,
      trusted: true,
      explanation: `Checked with the key you supplied (fingerprint ${trustedFingerprint}).`,
    };
    const claims = [manifest?.publicKey.fingerprint, sig?.sig.publicKeyFingerprint].filter((f): f is string => f !== undefined);
    wrongKey = claims.some((c) => c !== trustedFingerprint);
  } else if (trusted?.kind === 'fingerprint') {
    key = selfKey;
    const matches = selfFingerprint === trusted.fingerprint;
    wrongKey = selfFingerprint !== null && !matches;
    report = {
      source: 'fingerprint',
      fingerprint: selfFingerprint,
      trusted: matches,
      explanation: matches
        ? `Checked with the key written in the pack, whose fingerprint matches the one you supplied (${trusted.fingerprint}).`
        : selfFingerprint
          ? `The key written in the pack does not have the fingerprint you supplied (${trusted.fingerprint}), so its signature proves nothing.`
          : 'The pack names no usable key, so the fingerprint you supplied could not be matched.',
    };
  } else {
    key = selfKey;
    report = {
      source: selfKey ? 'self-asserted' : 'none',
      fingerprint: selfFingerprint,
      trusted: false,
      explanation: selfKey
        ? `Checked only with the key the pack names for itself (fingerprint ${selfFingerprint}). Anyone who rewrites a pack can replace that key too: this proves nothing until that fingerprint matches the one your council publishes.`
        : 'No key was available to check the signature with.',
    };
  }

  if (wrongKey) {
    problems.push({
      path: PACK_PATHS.signature,
      code: 'WRONG_KEY',
      message: `This pack was signed with a different key (fingerprint ${short(claimedFingerprint ?? selfFingerprint ?? '?')}) from the council key you supplied (fingerprint ${short(trustedFingerprint ?? '')}). It did not come from that council, or was re-signed after it left.`,
    });
  }
  if (!trusted && selfKey) {
    problems.push({
      path: PACK_PATHS.signature,
      code: 'KEY_NOT_SUPPLIED',
      message: `No council key was supplied, so the signature was checked only against the key the pack names for itself (fingerprint ${short(selfFingerprint ?? '')}). Confirm that fingerprint with the council, or supply their published key.`,
    });
  }

  if (!sig || !manifestBytes || !key) return { key: report, signature: 'not-checked', problems, keyBytes: key };

  const manifestSha256 = toHex(sha256(manifestBytes));
  const hashMatches = manifestSha256 === sig.sig.manifestSha256;
  const valid = verifies(sig.signature, manifestBytes, key);
  if (!hashMatches && !valid) {
    problems.push({
      path: PACK_PATHS.manifest,
      code: 'MANIFEST_CHANGED',
      message: `manifest.json was changed after it was signed: its SHA-256 is ${short(manifestSha256)}, but manifest.sig records ${short(sig.sig.manifestSha256)}.`,
    });
  } else if (!hashMatches && valid) {
    problems.push({
      path: PACK_PATHS.signature,
      code: 'SIGNATURE_FILE_CHANGED',
      message: 'manifest.sig was edited: the SHA-256 of manifest.json it records is not the one that was signed.',
    });
  } else if (!valid && !wrongKey) {
    problems.push({
      path: PACK_PATHS.signature,
      code: 'SIGNATURE_INVALID',
      message: 'The signature in manifest.sig does not verify over manifest.json with this key: the signature was altered or made with another key.',
    });
  }
  return { key: report, signature: valid ? 'valid' : 'invalid', problems, keyBytes: key };
}
