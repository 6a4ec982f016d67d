import type { OverviewTable, OverviewView, WeeklyTable } from '@wardguard/shared/api/overview';
import { SEVERITY_LABELS } from './labels.ts';

type Cell = string | number | null;

/**
 * One CSV field (RFC 4180). Text a spreadsheet would run as a formula (= + - @, or a leading
 * tab or carriage return) gets a leading apostrophe: councillors' and perpetrators' names are
 * typed by people, and councils open these files in Excel. Numbers are written as they are.
 *
 * @example
 * csvField('=HYPERLINK("x")'); // `"'=HYPERLINK(""x"")"`
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * A whole CSV file: a byte-order mark so Excel reads the names as UTF-8, CRLF line ends.
 */
export function csvText(header: string[], rows: Cell[][]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const weekly = (t: WeeklyTable): [string[], Cell[][]] => [
  ['week_commencing', ...t.series.map((s) => s.label), 'total'],
  [...t.weeks.map((w) => [w.week, ...w.counts, w.total]), ['total', ...t.totals, t.total]],
];

/** The rows behind one chart or list of the overview, as the page shows them. */
export function overviewCsv(view: OverviewView, table: OverviewTable): string {
  const [header, rows] = tableRows(view, table);
  return csvText(header, rows);
}

function tableRows(view: OverviewView, table: OverviewTable): [string[], Cell[][]] {
  switch (table) {
    case 'waiting':
      return [['severity', 'waiting', 'oldest_arrived_utc'], view.waiting.bySeverity.map((s) => [SEVERITY_LABELS[s.severity], s.count, s.oldestAt])];
    case 'incidents-by-councillor':
      return weekly(view.incidents.byCouncillor);
    case 'incidents-by-channel':
      return weekly(view.incidents.byChannel);
    case 'incidents-by-severity':
      return weekly(view.incidents.bySeverity);
    case 'perpetrators':
      return [
        ['perpetrator', 'incidents_in_period', 'incidents_all_time', 'course_of_conduct', 'disengaged', 'last_incident_utc'],
        view.perpetrators.map((p) => [
          p.displayName,
          p.incidents,
          p.allTimeIncidents,
          p.courseOfConduct ? 'yes' : 'no',
          p.disengaged ? 'yes' : 'no',
          p.lastIncidentAt,
        ]),
      ];
    case 'decision-time':
      return [
        ['week_commencing', 'arrived', 'decided', 'still_waiting', 'median_hours_to_first_decision', 'p90_hours_to_first_decision'],
        view.decisionTime.map((d) => [d.week, d.arrived, d.decided, d.waiting, d.medianHours, d.p90Hours]),
      ];
  }
}
