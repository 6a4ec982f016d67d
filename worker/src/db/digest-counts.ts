import type { Severity } from '@wardguard/shared/classify/index';

export interface DigestCounts {
  /** Quarantined messages per severity, with the oldest arrival of each. */
  waiting: { severity: Severity; n: number; oldest: string }[];
  unacknowledgedAlerts: number;
  decisionsNotYetApplied: number;
}

/** What waits for a council's officers right now, counted in one batch. */
export async function digestCounts(db: D1Database, councilId: string): Promise<DigestCounts> {
  const [bySeverity, alerts, pending] = await db.batch([
    db
      .prepare("SELECT severity, COUNT(*) AS n, MIN(received_at) AS oldest FROM mail_records WHERE council_id = ? AND state = 'quarantined' GROUP BY severity")
      .bind(councilId),
    db.prepare('SELECT COUNT(*) AS n FROM mail_alerts WHERE council_id = ? AND acknowledged_at IS NULL').bind(councilId),
    db.prepare('SELECT COUNT(*) AS n FROM mail_actions WHERE council_id = ? AND acked_at IS NULL').bind(councilId),
  ]);
  return {
    waiting: (bySeverity?.results ?? []) as DigestCounts['waiting'],
    unacknowledgedAlerts: (alerts?.results?.[0] as { n?: number } | undefined)?.n ?? 0,
    decisionsNotYetApplied: (pending?.results?.[0] as { n?: number } | undefined)?.n ?? 0,
  };
}
