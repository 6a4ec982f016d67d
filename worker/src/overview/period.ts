import { WardguardError } from '@wardguard/shared';
import { OVERVIEW_DEFAULT_WEEKS, OVERVIEW_MAX_WEEKS, type OverviewQuery } from '@wardguard/shared/api/overview';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** A run of whole ISO weeks, Monday 00:00 UTC to the Monday after the last one. */
export interface Period {
  /** Monday of the first week, YYYY-MM-DD. */
  from: string;
  /** Sunday of the last week, YYYY-MM-DD. */
  to: string;
  /** Each week's Monday, YYYY-MM-DD, oldest first. */
  weeks: string[];
  /** Unix seconds: the first week's start and the end of the last (exclusive). */
  startSec: number;
  endSec: number;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dateMs = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`);

/** Midnight UTC of the Monday that starts the ISO week holding `ms`. */
export function mondayOf(ms: number): number {
  const midnight = Math.floor(ms / DAY_MS) * DAY_MS;
  const weekday = (new Date(midnight).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return midnight - weekday * DAY_MS;
}

/**
 * The weeks a query asks for: `weeks` whole weeks ending with the one holding `to` (default
 * today), or from the week holding `from` to the week holding `to`. Refuses an empty or
 * backwards period and one longer than OVERVIEW_MAX_WEEKS.
 *
 * @example
 * resolvePeriod({ from: '2026-11-04', to: '2026-11-18' }, new Date()).weeks; // ['2026-11-02', '2026-11-09', '2026-11-16']
 */
export function resolvePeriod(q: OverviewQuery, today: Date): Period {
  const lastMonday = mondayOf(q.to ? dateMs(q.to) : today.getTime());
  const firstMonday = q.from ? mondayOf(dateMs(q.from)) : lastMonday - ((q.weeks ?? OVERVIEW_DEFAULT_WEEKS) - 1) * WEEK_MS;
  if (firstMonday > lastMonday) throw new WardguardError('VALIDATION_FAILED', 'from: must not be after to');
  const count = Math.round((lastMonday - firstMonday) / WEEK_MS) + 1;
  if (count > OVERVIEW_MAX_WEEKS) throw new WardguardError('VALIDATION_FAILED', `from: the period is ${count} weeks; at most ${OVERVIEW_MAX_WEEKS}`);
  const weeks = Array.from({ length: count }, (_, i) => day(firstMonday + i * WEEK_MS));
  const endMs = lastMonday + WEEK_MS;
  return { from: weeks[0]!, to: day(endMs - DAY_MS), weeks, startSec: firstMonday / 1000, endSec: endMs / 1000 };
}
