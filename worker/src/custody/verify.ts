import type { CustodyVerifyResult } from '@wardguard/shared';
import type { Bindings } from '../env.ts';
import { verifyCustody } from '../db/custody.ts';
import { packSigner } from '../export/signing-key.ts';
import { readConfig } from '../config.ts';
import { chainMismatch, checkpointSignatureHolds, readLatestCheckpoint } from './checkpoint.ts';

/**
 * The chain's own links, then the last signed checkpoint: links alone cannot tell that the
 * newest events were deleted, or that one was edited and everything after it re-hashed.
 * Proves the chain up to the checkpoint; events after it rest on their links only.
 */
export async function verifyAnchoredCustody(env: Bindings, councilId: string): Promise<CustodyVerifyResult> {
  const links = await verifyCustody(env.DB, councilId);
  const stored = await readLatestCheckpoint(env.EVIDENCE, councilId);
  if (stored.kind === 'none') return { ...links, checkpoint: null };
  const broken = (seq: number, expected: string, found: string): CustodyVerifyResult => ({
    ...links,
    ok: false,
    firstBroken: links.firstBroken ?? { seq, reason: 'checkpoint', expected, found },
  });
  if (stored.kind === 'unreadable') return { ...broken(0, 'a signed checkpoint', 'unreadable checkpoint in storage'), checkpoint: null };
  const { checkpoint } = stored.signed;
  const signer = await packSigner(readConfig(env).packSigningKey);
  if (!(await checkpointSignatureHolds(stored.signed, signer.publicKey.raw))) {
    return { ...broken(checkpoint.seq, `signature by ${signer.publicKey.fingerprint}`, 'a signature that does not verify'), checkpoint };
  }
  const mismatch = await chainMismatch(env.DB, checkpoint);
  if (mismatch) return { ...broken(mismatch.seq, mismatch.expected, mismatch.found), checkpoint };
  return { ...links, checkpoint };
}
