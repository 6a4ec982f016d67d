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
  const [bySeverity, alerts, pending] = await db.batch([
    db
      .prepare("SELECT severity, COUNT(*) AS n, MIN(received_at) AS oldest FROM mail_records WHERE council_id = ? AND state = 'quarantined' GROUP BY severity")
      .bind(councilId),
    db.prepare('SELECT COUNT(*) AS n FROM mail_alerts WHERE council_id = ? AND acknowledged_at IS NULL').bind(councilId),
    db.prepare('SELECT COUNT(*) AS n FROM mail_actions WHERE council_id = ? AND acked_at IS NULL').bind(councilId),
  ]);
  const waiting: Digest['waiting'] = { threat_to_life: 0, threat: 0, abuse: 0, profanity: 0, review: 0, clean: 0 };
  let oldest: string | null = null;
  for (const r of (bySeverity?.results ?? []) as { severity: keyof Digest['waiting']; n: number; oldest: string }[]) {
    waiting[r.severity] = r.n;
    if (!oldest || r.oldest < oldest) oldest = r.oldest;
  }
  return {
    councilId,
    councilName,
    generatedAt: new Date().toISOString(),
    waiting,
    oldestWaitingAt: oldest,
    unacknowledgedAlerts: (alerts?.results?.[0] as { n?: number } | undefined)?.n ?? 0,
    decisionsNotYetApplied: (pending?.results?.[0] as { n?: number } | undefined)?.n ?? 0,
    custodyCheckpoint: await latestCheckpointRef(bucket, councilId),
  };
}
