import type { SignedCustodyCheckpoint } from '@wardguard/shared';
import { checkpointR2Key, readLatestCheckpoint } from './checkpoint.ts';

/**
 * A signed checkpoint as handed to someone outside the council's storage (the daily digest,
 * a pack download's record): the checkpoint and its signature exactly as signed, so the
 * holder can check it later with the council's published key, and the R2 key of the copy
 * that is never overwritten, so the council's own copy can be found and compared.
 */
export interface CheckpointRef extends SignedCustodyCheckpoint {
  r2Key: string;
}

export const checkpointRef = (signed: SignedCustodyCheckpoint): CheckpointRef => ({
  ...signed,
  r2Key: checkpointR2Key(signed.checkpoint.councilId, signed.checkpoint.seq),
});

/**
 * The council's latest checkpoint as a reference; null when none has been written yet, or
 * when R2's copy does not even read as a checkpoint (GET /custody/verify reports that). The
 * signature is passed on unchecked: whoever holds the copy checks it with the published key.
 */
export async function latestCheckpointRef(bucket: R2Bucket, councilId: string): Promise<CheckpointRef | null> {
  const stored = await readLatestCheckpoint(bucket, councilId);
  return stored.kind === 'found' ? checkpointRef(stored.signed) : null;
}
