import { digestCounts } from '../db/digest-counts.ts';
import { latestCheckpointRef, type CheckpointRef } from '../custody/checkpoint-ref.ts';

export interface Digest {
  councilId: string;
  councilName: string;
  generatedAt: string;
  waiting: { threat_to_life: number; threat: number; abuse: number; profanity: number; review: number; clean: number };
  oldestWaitingAt: string | null;
  unacknowledgedAlerts: number;
  decisionsNotYetApplied: number;
  /**
   * The council's latest signed checkpoint of its custody chain, and its R2 key: each digest
   * leaves a signed copy with its recipients, outside the database and the bucket, that a
   * chain cut or rewritten later no longer matches. Null until the chain is first anchored.
   */
  custodyCheckpoint: CheckpointRef | null;
}

/** What waits for the council's officers right now, and where its custody chain stood. Counts only: no message text leaves. */
export async function councilDigest(db: D1Database, bucket: R2Bucket, councilId: string, councilName: string): Promise<Digest> {
  const counts = await digestCounts(db, councilId);
  const waiting: Digest['waiting'] = { threat_to_life: 0, threat: 0, abuse: 0, profanity: 0, review: 0, clean: 0 };
  let oldest: string | null = null;
  for (const r of counts.waiting) {
    waiting[r.severity] = r.n;
    if (!oldest || r.oldest < oldest) oldest = r.oldest;
  }
  return {
    councilId,
    councilName,
    generatedAt: new Date().toISOString(),
    waiting,
    oldestWaitingAt: oldest,
    unacknowledgedAlerts: counts.unacknowledgedAlerts,
    decisionsNotYetApplied: counts.decisionsNotYetApplied,
    custodyCheckpoint: await latestCheckpointRef(bucket, councilId),
  };
}
