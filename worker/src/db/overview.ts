import type { MailDecision } from '@wardguard/shared/api/mail';
import type { Severity } from '@wardguard/shared/classify/index';

const WEEK_SEC = 7 * 86_400;
/** How many open alerts and unapplied decisions the page lists by name (the counts are whole). */
export const WAITING_LIST_MAX = 20;
/** The most perpetrators one overview ranks. */
export const PERPETRATORS_MAX = 1000;

const secs = (expr: string) => `CAST(strftime('%s', ${expr}) AS INTEGER)`;
const meta = (path: string) => `(CASE WHEN json_valid(i.metadata) AND json_type(i.metadata, '${path}') = 'text' THEN json_extract(i.metadata, '${path}') END)`;

/**
 * Every incident of council ?1 with the second it happened (`t`): an evidence item other than
 * a diary entry, less mail an officer released or marked not abuse. A capture happened when its
 * post says it was posted, if the page said; otherwise (and for email) when it was captured or
 * received. Its channel is email or the capture's platform; its severity the classifier's for
 * email, `ungraded` for the rest.
 */
const INCIDENTS = `incidents AS (
  SELECT i.councillor_id, i.perpetrator_id,
    COALESCE(${secs(meta('$.post.postTimestamp'))}, ${secs('i.captured_at')}) AS t,
    CASE WHEN i.kind = 'email' THEN 'email'
      ELSE COALESCE(lower(trim(substr(COALESCE(${meta('$.post.platform')}, ${meta('$.platform')}), 1, 50))), CASE WHEN i.kind = 'upload' THEN 'upload' ELSE 'generic' END)
    END AS channel,
    COALESCE(m.severity, 'ungraded') AS severity
  FROM evidence_items i LEFT JOIN mail_records m ON m.item_id = i.id
  WHERE i.council_id = ?1 AND i.kind != 'diary' AND (m.state IS NULL OR m.state NOT IN ('released', 'not_abuse'))
)`;
// ?2, ?3: the period in unix seconds, start inclusive, end exclusive.
const IN_PERIOD = 't >= ?2 AND t < ?3';

export interface IncidentRow {
  w: number;
  councillor_id: string;
  councillor_name: string;
  channel: string;
  severity: string;
  n: number;
}
export interface PerpRow {
  id: string;
  display_name: string;
  disengaged_at: string | null;
  n: number;
  last_t: number | null;
  all_time: number;
}
export interface WaitingRow {
  severity: Severity;
  n: number;
  id: string;
  received_at: string;
}
export interface AlertRow {
  id: string;
  record_id: string;
  created_at: string;
  councillor_name: string;
  total: number;
}
export interface ActionRow {
  id: string;
  record_id: string;
  decision: MailDecision;
  created_at: string;
  councillor_name: string;
  total: number;
}
export interface ArrivalRow {
  w: number;
  arrived: number;
  decided: number;
}
export interface RankRow {
  w: number;
  cnt: number;
  rn: number;
  hours: number;
}

export interface OverviewRows {
  incidents: IncidentRow[];
  perpetrators: PerpRow[];
  waiting: WaitingRow[];
  alerts: AlertRow[];
  actions: ActionRow[];
  arrivals: ArrivalRow[];
  ranks: RankRow[];
}

/**
 * The overview's rows for council `councilId` in one batch: incidents per week (week 0 starts at
 * `startSec`, unix seconds; `endSec` exclusive) by councillor, channel and severity; perpetrators
 * ranked; the oldest waiting message per severity; open alerts and unapplied decisions (the first
 * WAITING_LIST_MAX, each row with the whole count); arrivals and decisions per week, and the
 * decision times at each week's median and 90th-percentile ranks.
 */
export async function overviewRows(db: D1Database, councilId: string, startSec: number, endSec: number): Promise<OverviewRows> {
  const range = [councilId, startSec, endSec] as const;
  const arrival = secs('r.received_at');
  // When an officer first decided each message, from the custody log (a later decision, such as
  // releasing mail first kept as abuse, overwrites decided_at); decided_at if the log has none.
  const decisions = `decisions AS (
    SELECT CAST((${arrival} - ?2) / ${WEEK_SEC} AS INTEGER) AS w,
      max(0, (${secs(`COALESCE(
        (SELECT MIN(e.at) FROM custody_events e WHERE e.item_id = r.item_id AND e.council_id = r.council_id AND e.action IN ('mail_decided', 'mail_escalated')),
        r.decided_at)`)} - ${arrival}) / 3600.0) AS hours
    FROM mail_records r WHERE r.council_id = ?1 AND ${arrival} >= ?2 AND ${arrival} < ?3
  )`;
  const [incidents, perps, waiting, alerts, actions, arrivals, ranks] = await db.batch([
    db
      .prepare(
        `WITH ${INCIDENTS}
         SELECT CAST((t - ?2) / ${WEEK_SEC} AS INTEGER) AS w, x.councillor_id, COALESCE(u.name, x.councillor_id) AS councillor_name, x.channel, x.severity, COUNT(*) AS n
         FROM incidents x LEFT JOIN users u ON u.id = x.councillor_id
         WHERE ${IN_PERIOD} GROUP BY w, x.councillor_id, x.channel, x.severity`,
      )
      .bind(...range),
    db
      .prepare(
        `WITH ${INCIDENTS}
         SELECT p.id, p.display_name, p.disengaged_at, COUNT(*) AS n, MAX(t) AS last_t,
           (SELECT COUNT(*) FROM evidence_items a WHERE a.perpetrator_id = p.id AND a.kind != 'diary') AS all_time
         FROM incidents x JOIN perpetrators p ON p.id = x.perpetrator_id AND p.council_id = ?1
         WHERE ${IN_PERIOD} GROUP BY p.id ORDER BY n DESC, all_time DESC, p.display_name, p.id LIMIT ${PERPETRATORS_MAX}`,
      )
      .bind(...range),
    db
      .prepare(
        `SELECT severity, n, id, received_at FROM (
           SELECT severity, id, received_at, COUNT(*) OVER (PARTITION BY severity) AS n,
             ROW_NUMBER() OVER (PARTITION BY severity ORDER BY received_at, id) AS rn
           FROM mail_records WHERE council_id = ? AND state = 'quarantined'
         ) WHERE rn = 1`,
      )
      .bind(councilId),
    db
      .prepare(
        `SELECT a.id, a.record_id, a.created_at, COALESCE(u.name, '') AS councillor_name, COUNT(*) OVER () AS total
         FROM mail_alerts a JOIN mail_records r ON r.id = a.record_id LEFT JOIN users u ON u.id = r.councillor_id
         WHERE a.council_id = ? AND a.acknowledged_at IS NULL ORDER BY a.created_at, a.id LIMIT ${WAITING_LIST_MAX}`,
      )
      .bind(councilId),
    db
      .prepare(
        `SELECT x.id, x.record_id, x.decision, x.created_at, COALESCE(u.name, '') AS councillor_name, COUNT(*) OVER () AS total
         FROM mail_actions x JOIN mail_records r ON r.id = x.record_id LEFT JOIN users u ON u.id = r.councillor_id
         WHERE x.council_id = ? AND x.acked_at IS NULL ORDER BY x.created_at, x.id LIMIT ${WAITING_LIST_MAX}`,
      )
      .bind(councilId),
    db.prepare(`WITH ${decisions} SELECT w, COUNT(*) AS arrived, COUNT(hours) AS decided FROM decisions GROUP BY w`).bind(...range),
    // Only the rows at the median and 90th-percentile ranks of each week come back.
    db
      .prepare(
        `WITH ${decisions}, ranked AS (
           SELECT w, hours, ROW_NUMBER() OVER (PARTITION BY w ORDER BY hours) AS rn, COUNT(*) OVER (PARTITION BY w) AS cnt
           FROM decisions WHERE hours IS NOT NULL
         )
         SELECT w, cnt, rn, hours FROM ranked WHERE rn IN ((cnt + 1) / 2, (cnt + 2) / 2, (9 * cnt + 9) / 10)`,
      )
      .bind(...range),
  ]);
  const rows = <T>(r: D1Result | undefined) => (r?.results ?? []) as T[];
  return {
    incidents: rows<IncidentRow>(incidents),
    perpetrators: rows<PerpRow>(perps),
    waiting: rows<WaitingRow>(waiting),
    alerts: rows<AlertRow>(alerts),
    actions: rows<ActionRow>(actions),
    arrivals: rows<ArrivalRow>(arrivals),
    ranks: rows<RankRow>(ranks),
  };
}
