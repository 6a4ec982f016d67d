import { COURSE_OF_CONDUCT_MIN } from '@wardguard/shared';
import type { OverviewView, WaitingBySeverity } from '@wardguard/shared/api/overview';
import type { Severity } from '@wardguard/shared/classify/index';
import type { Period } from './period.ts';
import { CHANNEL_ORDER, SEVERITY_ORDER, channelLabel, severityLabel } from './labels.ts';
import { medianRanks, p90Rank, weeklyTable, type WeekCount } from './weekly.ts';
import { overviewRows, type IncidentRow } from '../db/overview.ts';

/**
 * Everything the overview shows for one council: what waits now, and the trends over `period`.
 * Counts only, and names officers already see (councillors, perpetrators): no message text.
 */
export async function councilOverview(db: D1Database, councilId: string, period: Period, generatedAt = new Date()): Promise<OverviewView> {
  const rows = await overviewRows(db, councilId, period.startSec, period.endSec);
  const incidentRows = rows.incidents;
  const names = new Map(incidentRows.map((r) => [r.councillor_id, r.councillor_name]));
  const by = (pick: (r: IncidentRow) => string): WeekCount[] => incidentRows.map((r) => ({ week: r.w, key: pick(r), n: r.n }));

  const waitingRows = rows.waiting;
  const bySeverity: WaitingBySeverity[] = SEVERITY_ORDER.filter((s): s is Severity => s !== 'ungraded').map((severity) => {
    const r = waitingRows.find((x) => x.severity === severity);
    return { severity, count: r?.n ?? 0, oldestAt: r?.received_at ?? null, oldestRecordId: r?.id ?? null };
  });
  const oldest = waitingRows.map((r) => r.received_at).sort()[0] ?? null;

  const alertRows = rows.alerts;
  const actionRows = rows.actions;

  const arrivalRows = rows.arrivals;
  const rankRows = rows.ranks;
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
    perpetrators: rows.perpetrators.map((r) => ({
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
