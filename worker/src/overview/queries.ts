import { COURSE_OF_CONDUCT_MIN } from '@wardguard/shared';
import type { MailDecision } from '@wardguard/shared/api/mail';
import type { OverviewView, WaitingBySeverity } from '@wardguard/shared/api/overview';
import type { Severity } from '@wardguard/shared/classify/index';
import type { Period } from './period.ts';
import { CHANNEL_ORDER, SEVERITY_ORDER, channelLabel, severityLabel } from './labels.ts';
import { medianRanks, p90Rank, weeklyTable, type WeekCount } from './weekly.ts';

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

interface IncidentRow {
  w: number;
  councillor_id: string;
  councillor_name: string;
  channel: string;
  severity: string;
  n: number;
}
interface PerpRow {
  id: string;
  display_name: string;
  disengaged_at: string | null;
  n: number;
  last_t: number | null;
  all_time: number;
}
interface WaitingRow {
  severity: Severity;
  n: number;
  id: string;
  received_at: string;
}
interface AlertRow {
  id: string;
  record_id: string;
  created_at: string;
  councillor_name: string;
  total: number;
}
interface ActionRow {
  id: string;
  record_id: string;
  decision: MailDecision;
  created_at: string;
  councillor_name: string;
  total: number;
}
interface ArrivalRow {
  w: number;
  arrived: number;
  decided: number;
}
interface RankRow {
  w: number;
  cnt: number;
  rn: number;
  hours: number;
}

/**
 * Everything the overview shows for one council: what waits now, and the trends over `period`.
 * Counts only, and names officers already see (councillors, perpetrators): no message text.
 */
export async function councilOverview(db: D1Database, councilId: string, period: Period, generatedAt = new Date()): Promise<OverviewView> {
  const range = [councilId, period.startSec, period.endSec] as const;
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

  const incidentRows = rows<IncidentRow>(incidents);
  const names = new Map(incidentRows.map((r) => [r.councillor_id, r.councillor_name]));
  const by = (pick: (r: IncidentRow) => string): WeekCount[] => incidentRows.map((r) => ({ week: r.w, key: pick(r), n: r.n }));

  const waitingRows = rows<WaitingRow>(waiting);
  const bySeverity: WaitingBySeverity[] = SEVERITY_ORDER.filter((s): s is Severity => s !== 'ungraded').map((severity) => {
    const r = waitingRows.find((x) => x.severity === severity);
    return { severity, count: r?.n ?? 0, oldestAt: r?.received_at ?? null, oldestRecordId: r?.id ?? null };
  });
  const oldest = waitingRows.map((r) => r.received_at).sort()[0] ?? null;

  const alertRows = rows<AlertRow>(alerts);
  const actionRows = rows<ActionRow>(actions);

  const arrivalRows = rows<ArrivalRow>(arrivals);
  const rankRows = rows<RankRow>(ranks);
  const decisionTime = period.weeks.map((week, w) => {
    const a = arrivalRows.find((r) => r.w === w);
    const ranked = rankRows.filter((r) => r.w === w);
    const at = (rank: number) => ranked.find((r) => r.rn === rank)?.hours ?? null;
    const n = ranked[0]?.cnt ?? 0;
    const [lo, hi] = medianRanks(n);
    const median = n > 0 ? ((at(lo) ?? 0) + (at(hi) ?? 0)) / 2 : null;
    const p90 = n > 0 ? at(p90Rank(n)) : null;
    const arrived = a?.arrived ?? 0;
    const decided = a?.decided ?? 0;
    return { week, arrived, decided, waiting: arrived - decided, medianHours: round1(median), p90Hours: round1(p90) };
  });

  return {
    generatedAt: generatedAt.toISOString(),
    period: { from: period.from, to: period.to, weeks: period.weeks },
    waiting: {
      bySeverity,
      total: bySeverity.reduce((s, r) => s + r.count, 0),
      oldestAt: oldest,
      alerts: {
        count: alertRows[0]?.total ?? 0,
        open: alertRows.map((r) => ({ alertId: r.id, recordId: r.record_id, councillorName: r.councillor_name, raisedAt: r.created_at })),
      },
      unapplied: {
        count: actionRows[0]?.total ?? 0,
        oldestAt: actionRows[0]?.created_at ?? null,
        actions: actionRows.map((r) => ({
          actionId: r.id,
          recordId: r.record_id,
          decision: r.decision,
          councillorName: r.councillor_name,
          decidedAt: r.created_at,
        })),
      },
    },
    incidents: {
      byCouncillor: weeklyTable(
        period.weeks,
        by((r) => r.councillor_id),
        (id) => names.get(id) ?? id,
      ),
      byChannel: weeklyTable(
        period.weeks,
        by((r) => r.channel),
        channelLabel,
        CHANNEL_ORDER,
      ),
      bySeverity: weeklyTable(
        period.weeks,
        by((r) => r.severity),
        severityLabel,
        SEVERITY_ORDER,
      ),
    },
    perpetrators: rows<PerpRow>(perps).map((r) => ({
      id: r.id,
      displayName: r.display_name,
      incidents: r.n,
      allTimeIncidents: r.all_time,
      courseOfConduct: r.all_time >= COURSE_OF_CONDUCT_MIN,
      disengaged: r.disengaged_at !== null,
      lastIncidentAt: r.last_t === null ? null : new Date(r.last_t * 1000).toISOString(),
    })),
    decisionTime,
  };
}

const round1 = (h: number | null) => (h === null ? null : Math.round(h * 10) / 10);
