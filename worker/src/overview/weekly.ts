import type { OverviewSeries, WeeklyTable } from '@wardguard/shared/api/overview';

/** One count from the database: week index in the period, series key, how many. */
export interface WeekCount {
  week: number;
  key: string;
  n: number;
}

/**
 * Counts per week per series, with every week of the period present (an empty week is a row
 * of zeros, not a gap). Series come in `order` where given (a fixed order, e.g. severities),
 * then the rest by total, most first, then by label; a series with nothing in the period is
 * left out.
 *
 * @example
 * weeklyTable(['2026-11-02', '2026-11-09'], [{ week: 1, key: 'x', n: 2 }], () => 'X').weeks;
 * // [{ week: '2026-11-02', counts: [0], total: 0 }, { week: '2026-11-09', counts: [2], total: 2 }]
 */
export function weeklyTable(weeks: string[], counts: WeekCount[], label: (key: string) => string, order: readonly string[] = []): WeeklyTable {
  const byKey = new Map<string, number[]>();
  for (const c of counts) {
    if (c.week < 0 || c.week >= weeks.length || c.n <= 0) continue;
    let row = byKey.get(c.key);
    if (!row) byKey.set(c.key, (row = weeks.map(() => 0)));
    row[c.week] = (row[c.week] ?? 0) + c.n;
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i === -1 ? order.length : i;
  };
  const keys = [...byKey.keys()].sort(
    (a, b) => rank(a) - rank(b) || sum(byKey.get(b)!) - sum(byKey.get(a)!) || label(a).localeCompare(label(b), 'en-GB') || a.localeCompare(b),
  );
  const series: OverviewSeries[] = keys.map((key) => ({ key, label: label(key) }));
  const rows = weeks.map((week, w) => {
    const perSeries = keys.map((k) => byKey.get(k)![w] ?? 0);
    return { week, counts: perSeries, total: sum(perSeries) };
  });
  const totals = keys.map((k) => sum(byKey.get(k)!));
  return { series, weeks: rows, totals, total: sum(totals) };
}

/**
 * The value at each of a sorted run's median and 90th percentile: the median averages the two
 * middle values of an even run; the 90th percentile is the nearest rank (ceil(0.9 n)).
 */
export const medianRanks = (n: number): [number, number] => [Math.floor((n + 1) / 2), Math.floor((n + 2) / 2)];
export const p90Rank = (n: number): number => Math.floor((9 * n + 9) / 10);
