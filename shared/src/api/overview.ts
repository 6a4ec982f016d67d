import { z } from 'zod';
import type { Severity } from '../classify/verdict.ts';
import type { MailDecision } from './mail.ts';

/**
 * The officers' overview (GET /api/v1/overview): what waits now, and trends over a period of
 * whole ISO weeks (Monday to Sunday, UTC). The period is `weeks` ending with the current week
 * (default 12), or `from`/`to` dates, each widened to its whole week; at most 104 weeks.
 */
export const OVERVIEW_MAX_WEEKS = 104;
export const OVERVIEW_DEFAULT_WEEKS = 12;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'not a calendar date');

export const overviewQuerySchema = z
  .object({
    weeks: z.coerce.number().int().min(1).max(OVERVIEW_MAX_WEEKS).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine((q) => q.weeks === undefined || q.from === undefined, { message: 'give either weeks or from, not both', path: ['weeks'] });
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

/** The tables GET /api/v1/overview/csv/:table serves, one per chart or list on the page. */
export const OVERVIEW_TABLES = [
  'waiting',
  'incidents-by-councillor',
  'incidents-by-channel',
  'incidents-by-severity',
  'perpetrators',
  'decision-time',
] as const;
export type OverviewTable = (typeof OVERVIEW_TABLES)[number];

/** Severity of an incident: the classifier's for email; web captures and uploads are not graded. */
export type IncidentSeverity = Severity | 'ungraded';

/** A series in a weekly table: a councillor (their id), a channel or a severity. */
export interface OverviewSeries {
  key: string;
  label: string;
}

/** Counts per week for each series; `counts[i]` belongs to `series[i]`. */
export interface WeeklyTable {
  series: OverviewSeries[];
  weeks: { week: string; counts: number[]; total: number }[];
  /** Per series over the whole period. */
  totals: number[];
  total: number;
}

export interface WaitingBySeverity {
  severity: Severity;
  count: number;
  /** When the longest-waiting message of this severity arrived. */
  oldestAt: string | null;
  oldestRecordId: string | null;
}

export interface OverviewView {
  generatedAt: string;
  /** `from` is a Monday, `to` the Sunday that ends the last week; `weeks` lists each Monday. */
  period: { from: string; to: string; weeks: string[] };
  waiting: {
    /** Every severity, in queue order. */
    bySeverity: WaitingBySeverity[];
    total: number;
    oldestAt: string | null;
    alerts: { count: number; open: { alertId: string; recordId: string; councillorName: string; raisedAt: string }[] };
    unapplied: {
      count: number;
      oldestAt: string | null;
      actions: { actionId: string; recordId: string; decision: MailDecision; councillorName: string; decidedAt: string }[];
    };
  };
  /**
   * An incident is an evidence item other than a diary entry (as a perpetrator's incident count),
   * less mail an officer released or marked not abuse; it falls in the week it happened: the
   * post's own time when the capture has it, otherwise when it was captured or received.
   */
  incidents: { byCouncillor: WeeklyTable; byChannel: WeeklyTable; bySeverity: WeeklyTable };
  /** People with incidents in the period, most first. */
  perpetrators: {
    id: string;
    displayName: string;
    incidents: number;
    /** All time, as on the perpetrator's page; a course of conduct from COURSE_OF_CONDUCT_MIN. */
    allTimeIncidents: number;
    courseOfConduct: boolean;
    disengaged: boolean;
    lastIncidentAt: string | null;
  }[];
  /** Filed mail by the week it arrived: how long until an officer's first decision on it. */
  decisionTime: { week: string; arrived: number; decided: number; waiting: number; medianHours: number | null; p90Hours: number | null }[];
}
