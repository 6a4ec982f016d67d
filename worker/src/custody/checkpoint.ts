import { base64ToBytes, bytesToBase64, canonicalJson, utf8Encode, type CustodyCheckpoint, type SignedCustodyCheckpoint } from '@wardguard/shared';
import type { PackSigner } from '../export/signing-key.ts';
import { custodyAt, custodyHead } from '../db/custody.ts';
import { now } from '../db/ids.ts';

/**
 * Checkpoints live in R2, outside the database they vouch for: whoever can rewrite D1 (a
 * council's own IT can drop the triggers) still cannot make the chain match a checkpoint
 * signed before the rewrite. `latest.json` is what verification reads; the numbered copies
 * are the history, one per head that was anchored.
 */
const prefix = (councilId: string) => `custody/checkpoints/${councilId}/`;
const LATEST = 'latest.json';
const numbered = (seq: number) => `${String(seq).padStart(16, '0')}.json`;
/** The R2 key of the copy of a council's checkpoint at `seq`: never overwritten, unlike latest.json. */
export const checkpointR2Key = (councilId: string, seq: number): string => prefix(councilId) + numbered(seq);

/** What R2 holds for a council: nothing yet, a checkpoint, or bytes that are not one. */
export type StoredCheckpoint = { kind: 'none' } | { kind: 'unreadable' } | { kind: 'found'; signed: SignedCustodyCheckpoint };

/** Where the chain parts from a checkpoint; null when it still reaches it unchanged. */
export interface CheckpointMismatch {
  seq: number;
  expected: string;
  found: string;
}

export async function signCheckpoint(signer: PackSigner, checkpoint: CustodyCheckpoint): Promise<SignedCustodyCheckpoint> {
  const signature = await signer.sign(utf8Encode(canonicalJson(checkpoint)));
  return { checkpoint, signature: bytesToBase64(signature), keyFingerprint: signer.publicKey.fingerprint };
}

/** True when `signed` was signed by the key whose raw public half (base64) is given. */
export async function checkpointSignatureHolds(signed: SignedCustodyCheckpoint, publicKeyRaw: string): Promise<boolean> {
  const raw = base64ToBytes(publicKeyRaw);
  const signature = base64ToBytes(signed.signature);
  if (!raw || !signature) return false;
  try {
    const key = await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, utf8Encode(canonicalJson(signed.checkpoint)));
  } catch {
    return false;
  }
}

export async function readLatestCheckpoint(bucket: R2Bucket, councilId: string): Promise<StoredCheckpoint> {
  const obj = await bucket.get(prefix(councilId) + LATEST);
  if (!obj) return { kind: 'none' };
  try {
    const signed = JSON.parse(await obj.text()) as SignedCustodyCheckpoint;
    const c = signed?.checkpoint;
    const wellFormed =
      c?.councilId === councilId && Number.isInteger(c.seq) && typeof c.hash === 'string' && Number.isInteger(c.events) && typeof signed.signature === 'string';
    return wellFormed ? { kind: 'found', signed } : { kind: 'unreadable' };
  } catch {
    return { kind: 'unreadable' };
  }
}

/**
 * Does the chain in D1 still reach the checkpoint: the event at its seq with its hash, and as
 * many events up to it? Deleting the newest events removes that event; editing an older one
 * and re-hashing everything after it changes that hash; deleting one and re-hashing changes both.
 */
export async function chainMismatch(db: D1Database, checkpoint: CustodyCheckpoint): Promise<CheckpointMismatch | null> {
  const at = await custodyAt(db, checkpoint.councilId, checkpoint.seq);
  if (!at) return { seq: checkpoint.seq, expected: checkpoint.hash, found: 'no such event' };
  if (at.hash !== checkpoint.hash) return { seq: checkpoint.seq, expected: checkpoint.hash, found: at.hash };
  if (at.events !== checkpoint.events) return { seq: checkpoint.seq, expected: `${checkpoint.events} events`, found: `${at.events} events` };
  return null;
}

export type AnchorOutcome =
  | { kind: 'empty' }
  | { kind: 'unchanged'; signed: SignedCustodyCheckpoint }
  | { kind: 'written'; signed: SignedCustodyCheckpoint }
  /** Never overwrite the evidence: a chain that no longer reaches its last checkpoint is not anchored again. */
  | { kind: 'refused'; reason: 'unreadable' | 'bad_signature' | 'mismatch'; mismatch?: CheckpointMismatch };

/** True when `signed` was signed by any of the keys given (raw public halves, base64). */
export async function checkpointSignedByAny(signed: SignedCustodyCheckpoint, publicKeysRaw: readonly string[]): Promise<boolean> {
  for (const raw of publicKeysRaw) if (await checkpointSignatureHolds(signed, raw)) return true;
  return false;
}

/**
 * Signs the council's current chain head and stores it in R2, if it moved since the last
 * checkpoint. The last checkpoint must carry a signature by one of `trustedKeys` (default:
 * the signer's own; see council-key.ts `checkpointKeys` for a council that changed key).
 */
export async function anchorCouncil(
  db: D1Database,
  bucket: R2Bucket,
  signer: PackSigner,
  councilId: string,
  trustedKeys: readonly string[] = [signer.publicKey.raw],
): Promise<AnchorOutcome> {
  const head = await custodyHead(db, councilId);
  if (!head) return { kind: 'empty' };
  const stored = await readLatestCheckpoint(bucket, councilId);
  if (stored.kind === 'unreadable') return { kind: 'refused', reason: 'unreadable' };
  if (stored.kind === 'found') {
    const last = stored.signed;
    if (!(await checkpointSignedByAny(last, trustedKeys))) return { kind: 'refused', reason: 'bad_signature' };
    const mismatch = await chainMismatch(db, last.checkpoint);
    if (mismatch) return { kind: 'refused', reason: 'mismatch', mismatch };
    if (last.checkpoint.seq === head.seq) return { kind: 'unchanged', signed: last };
  }
  const signed = await signCheckpoint(signer, { version: 1, councilId, seq: head.seq, hash: head.hash, events: head.events, at: now() });
  const body = JSON.stringify(signed);
  const meta = { httpMetadata: { contentType: 'application/json' } };
  await bucket.put(checkpointR2Key(councilId, head.seq), body, meta);
  await bucket.put(prefix(councilId) + LATEST, body, meta);
  return { kind: 'written', signed };
}
