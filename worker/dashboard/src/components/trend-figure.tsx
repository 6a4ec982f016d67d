import type { ComponentChildren } from 'preact';
import type { WeeklyTable } from '@wardguard/shared/api/overview';
import { ChartCanvas, PALETTE, type ChartProps, type ChartSeries } from './chart.tsx';

export type Cell = string | number | null | { text: string; href?: string; badge?: string };

export interface TableData {
  head: string[];
  rows: { key: string; cells: Cell[] }[];
  foot?: Cell[];
  /** Columns (by index) that hold numbers: right-aligned. */
  numeric?: number[];
}

/** A week's Monday as "2 Nov 2026" (weeks are UTC, Monday to Sunday). */
export const weekLabel = (monday: string, withYear = true) =>
  new Date(`${monday}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' });

/** The most series a weekly chart draws apart; the rest are drawn together as "Others" (the table has each). */
const CHART_SERIES_MAX = 7;

/**
 * A weekly table as chart series: each series in its own colour (from `colours` by key where
 * given), and past the first seven, the rest summed as "Others".
 */
export function weeklySeries(t: WeeklyTable, colours: Record<string, string> = {}): ChartSeries[] {
  const drawn = t.series.length > CHART_SERIES_MAX + 1 ? CHART_SERIES_MAX : t.series.length;
  const out: ChartSeries[] = t.series.slice(0, drawn).map((s, i) => ({
    label: s.label,
    values: t.weeks.map((w) => w.counts[i] ?? 0),
    colour: colours[s.key] ?? PALETTE[i % PALETTE.length]!,
  }));
  if (drawn < t.series.length) {
    out.push({
      label: `Others (${t.series.length - drawn})`,
      values: t.weeks.map((w) => w.counts.slice(drawn).reduce((a, b) => a + b, 0)),
      colour: '#57534e',
    });
  }
  return out;
}

/** A weekly table as rows: a week per row, a column per series, totals at the foot. */
export function weeklyRows(t: WeeklyTable): TableData {
  return {
    head: ['Week commencing', ...t.series.map((s) => s.label), 'Total'],
    rows: t.weeks.map((w) => ({ key: w.week, cells: [weekLabel(w.week), ...w.counts, w.total] })),
    foot: ['Total', ...t.totals, t.total],
    numeric: t.series.map((_, i) => i + 1).concat(t.series.length + 1),
  };
}

const cellText = (c: Cell): ComponentChildren => {
  if (c === null) return '—';
  if (typeof c !== 'object') return c;
  return (
    <>
      {c.href ? <a href={c.href}>{c.text}</a> : c.text}
      {c.badge && <span class="badge conduct">{c.badge}</span>}
    </>
  );
};

/** A data table that scrolls inside its own labelled region when wider than the page; `wrap` lets text cells wrap (names), else cells stay on one line (weekly counts). */
export function DataTable({ id, caption, data, wrap = false }: { id: string; caption: string; data: TableData; wrap?: boolean }) {
  const num = new Set(data.numeric ?? []);
  const cls = (i: number) => (num.has(i) ? 'num' : undefined);
  // The first cell of a row names it; the rest are its values.
  const cell = (c: Cell, i: number) =>
    i === 0 ? (
      <th key={i} scope="row">
        {cellText(c)}
      </th>
    ) : (
      <td key={i} class={cls(i)}>
        {cellText(c)}
      </td>
    );
  return (
    // Focusable so a keyboard can scroll it; named by the table's caption.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus (WCAG 2.1.1)
    <section class={`table-scroll${wrap ? ' wrap' : ''}`} aria-labelledby={`${id}-cap`} tabIndex={0}>
      <table id={id}>
        <caption id={`${id}-cap`}>{caption}</caption>
        <thead>
          <tr>
            {data.head.map((h, i) => (
              <th key={h + i} scope="col" class={cls(i)}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.key}>{r.cells.map(cell)}</tr>
          ))}
        </tbody>
        {data.foot && (
          <tfoot>
            <tr>{data.foot.map(cell)}</tr>
          </tfoot>
        )}
      </table>
    </section>
  );
}

/**
 * One trend: a caption, the chart, the same numbers as a table (behind "Show the numbers"
 * unless `tableOpen`), and the table as CSV for the council's members' reports.
 */
export function TrendFigure({
  id,
  caption,
  chart,
  table,
  csvHref,
  empty,
  tableOpen = false,
  children,
}: {
  id: string;
  caption: string;
  chart: ChartProps | null;
  table: TableData;
  csvHref: string;
  /** Said instead of the chart and table when there is nothing to draw. */
  empty?: string | null;
  tableOpen?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <figure class="trend" aria-labelledby={`${id}-h`} data-trend={id}>
      <figcaption id={`${id}-h`}>{caption}</figcaption>
      {children}
      {empty ? (
        <p>{empty}</p>
      ) : (
        <>
          {chart && <ChartCanvas {...chart} />}
          {tableOpen ? (
            <DataTable id={`${id}-table`} caption={`${caption}: the numbers`} data={table} wrap />
          ) : (
            <details>
              <summary>Show the numbers as a table</summary>
              <DataTable id={`${id}-table`} caption={`${caption}: the numbers`} data={table} />
            </details>
          )}
        </>
      )}
      <p class="actions">
        {/* Its figure's caption describes it: "Download as CSV" alone would not say which. */}
        <a href={csvHref} download aria-describedby={`${id}-h`}>
          Download as CSV
        </a>
      </p>
    </figure>
  );
}
