import type { CustodyVerifyResult } from '@wardguard/shared';
import type { Bindings } from '../env.ts';
import { verifyCustody } from '../db/custody.ts';
import { checkpointKeys, councilSigner } from '../export/council-key.ts';
import { readConfig } from '../config.ts';
import { chainMismatch, checkpointSignedByAny, readLatestCheckpoint } from './checkpoint.ts';

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
  const config = readConfig(env);
  const signer = await councilSigner(config, councilId);
  if (!(await checkpointSignedByAny(stored.signed, await checkpointKeys(config, signer, councilId)))) {
    return { ...broken(checkpoint.seq, `signature by ${signer.publicKey.fingerprint}`, 'a signature that does not verify'), checkpoint };
  }
  const mismatch = await chainMismatch(env.DB, checkpoint);
  if (mismatch) return { ...broken(mismatch.seq, mismatch.expected, mismatch.found), checkpoint };
  return { ...links, checkpoint };
}
