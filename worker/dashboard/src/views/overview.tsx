import { useEffect, useState } from 'preact/hooks';
import type { OverviewTable, OverviewView as Overview } from '@wardguard/shared/api/overview';
import { api } from '../lib/api.ts';
import { errorText, inputValue } from '../lib/error-text.ts';
import { SEVERITY_LABEL, when } from '../lib/format.ts';
import { href } from '../lib/route.ts';
import { SeverityBadge } from '../components/severity-badge.tsx';
import { DataTable, TrendFigure, weekLabel, weeklyRows, weeklySeries, type TableData } from '../components/trend-figure.tsx';
import type { ChartProps } from '../components/chart.tsx';
import { ErrorNote } from '../components/error-note.tsx';

const PRESETS = [4, 12, 26, 52, 104] as const;
/** How many open alerts and unapplied decisions are listed by name; the counts are whole. */
const LISTED = 5;
const DECISION_LABEL = { release: 'Release to inbox', keep: 'Keep as abuse', not_abuse: 'Not abuse' } as const;

/** Severity colours for the chart, in the family of the badges (styles.css) but apart from each other. */
const SEVERITY_COLOURS: Record<string, string> = {
  threat_to_life: '#7f1d1d',
  threat: '#dc2626',
  abuse: '#b45309',
  review: '#1d4ed8',
  profanity: '#57534e',
  clean: '#047857',
  ungraded: '#7c3aed',
};

/** How long ago, in words: "3 days", "5 hours", "under an hour". */
function age(iso: string | null, now = Date.now()): string {
  if (!iso) return '';
  const hours = Math.max(0, (now - Date.parse(iso)) / 3_600_000);
  if (hours < 1) return 'under an hour';
  if (hours < 48) return `${Math.floor(hours)} ${Math.floor(hours) === 1 ? 'hour' : 'hours'}`;
  return `${Math.floor(hours / 24)} days`;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
/** Up to three days in hours ("5.5 hours"), longer in days ("12.3 days"). */
const hoursText = (h: number | null) =>
  h === null ? null : h < 72 ? `${h.toLocaleString('en-GB')} ${h === 1 ? 'hour' : 'hours'}` : `${(Math.round(h / 2.4) / 10).toLocaleString('en-GB')} days`;

type Period = { kind: 'weeks'; weeks: number } | { kind: 'dates'; from: string; to: string };
const periodQuery = (p: Period) => (p.kind === 'weeks' ? `weeks=${p.weeks}` : `from=${p.from}&to=${p.to}`);

/**
 * The officers' landing page: what waits for them now, and how abuse has gone over a period
 * they choose (by councillor, channel and severity; who is behind it; how long decisions take).
 * Every chart has its numbers as a table and as CSV.
 */
export function OverviewView() {
  const [period, setPeriod] = useState<Period>({ kind: 'weeks', weeks: 12 });
  const [data, setData] = useState<Overview | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    setError('');
    api<Overview>(`/overview?${periodQuery(period)}`)
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setError(errorText(e, 'Could not load the overview.')));
    return () => {
      live = false;
    };
  }, [period]);

  return (
    <section class="overview">
      <h1>Overview</h1>
      {error && <ErrorNote message={error} />}
      {data === null ? !error && <p>Loading…</p> : <Waiting data={data} />}
      <section aria-labelledby="trends-h">
        <h2 id="trends-h">Trends</h2>
        <PeriodForm period={period} onChange={setPeriod} />
        {data && <Trends data={data} query={periodQuery(period)} />}
      </section>
    </section>
  );
}

function Waiting({ data }: { data: Overview }) {
  const w = data.waiting;
  const now = Date.parse(data.generatedAt);
  return (
    <section aria-labelledby="waits-h">
      <h2 id="waits-h">What waits</h2>
      <p>
        {w.total === 0 ? 'Nothing is waiting for review.' : `${plural(w.total, 'message is', 'messages are')} waiting for review`}
        {w.oldestAt && `, the oldest for ${age(w.oldestAt, now)}`}. <a href="#/queue">Go to the queue</a>
      </p>
      <div class="waiting-grid">
        <section aria-labelledby="waits-sev-h">
          <h3 id="waits-sev-h">Waiting by severity</h3>
          <DataTable
            wrap
            id="waiting-table"
            caption="Messages waiting for review, by severity, with the oldest of each"
            data={{
              head: ['Severity', 'Waiting', 'Oldest'],
              numeric: [1],
              rows: w.bySeverity.map((s) => ({
                key: s.severity,
                cells: [
                  SEVERITY_LABEL[s.severity],
                  s.count,
                  s.oldestRecordId ? { text: `${when(s.oldestAt)} (${age(s.oldestAt, now)})`, href: href('message', s.oldestRecordId) } : null,
                ],
              })),
            }}
          />
          <p class="actions">
            <a href={csvHref('waiting', '')} download aria-describedby="waits-sev-h">
              Download as CSV
            </a>
          </p>
        </section>
        <section aria-labelledby="waits-alerts-h">
          <h3 id="waits-alerts-h">Threat-to-life alerts not acknowledged</h3>
          {w.alerts.count === 0 ? (
            <p>None.</p>
          ) : (
            <>
              <p>
                <strong>{plural(w.alerts.count, 'alert', 'alerts')}</strong> not yet acknowledged: acknowledge each in the red banner.
              </p>
              <ul>
                {w.alerts.open.slice(0, LISTED).map((a) => (
                  <li key={a.alertId}>
                    <SeverityBadge severity="threat_to_life" />{' '}
                    <a href={href('message', a.recordId)}>
                      To {a.councillorName || 'a councillor'}, raised {when(a.raisedAt)}
                    </a>
                  </li>
                ))}
              </ul>
              {w.alerts.count > LISTED && <p>And {plural(w.alerts.count - LISTED, 'more', 'more')} in the banner.</p>}
            </>
          )}
        </section>
        <section aria-labelledby="waits-unapplied-h">
          <h3 id="waits-unapplied-h">Decisions the mail filter has not applied</h3>
          {w.unapplied.count === 0 ? (
            <p>None: the filter has carried out every decision.</p>
          ) : (
            <>
              <p>
                {plural(w.unapplied.count, 'decision', 'decisions')} waiting for the mail filter, the oldest for {age(w.unapplied.oldestAt, now)}. If this
                grows, check that the filter is running.
              </p>
              <ul>
                {w.unapplied.actions.slice(0, LISTED).map((a) => (
                  <li key={a.actionId}>
                    <a href={href('message', a.recordId)}>
                      {DECISION_LABEL[a.decision]}: to {a.councillorName || 'a councillor'}, decided {when(a.decidedAt)}
                    </a>
                  </li>
                ))}
              </ul>
              {w.unapplied.count > LISTED && <p>And {plural(w.unapplied.count - LISTED, 'newer one', 'newer ones')}.</p>}
            </>
          )}
        </section>
      </div>
    </section>
  );
}

function PeriodForm({ period, onChange }: { period: Period; onChange: (p: Period) => void }) {
  const [choice, setChoice] = useState(period.kind === 'weeks' ? String(period.weeks) : 'dates');
  const [from, setFrom] = useState(period.kind === 'dates' ? period.from : '');
  const [to, setTo] = useState(period.kind === 'dates' ? period.to : '');
  const [problem, setProblem] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    if (choice !== 'dates') return onChange({ kind: 'weeks', weeks: Number(choice) });
    if (!from || !to) return setProblem('Give both dates.');
    if (from > to) return setProblem('The first date must not be after the last.');
    setProblem('');
    onChange({ kind: 'dates', from, to });
  };
  return (
    <form class="period" onSubmit={submit} aria-label="Choose the period">
      <label>
        Period
        <select value={choice} onChange={(e) => setChoice(inputValue(e))}>
          {PRESETS.map((n) => (
            <option key={n} value={String(n)}>
              Last {n} weeks
            </option>
          ))}
          <option value="dates">Between dates…</option>
        </select>
      </label>
      {choice === 'dates' && (
        <>
          <label>
            From
            <input type="date" value={from} onInput={(e) => setFrom(inputValue(e))} required />
          </label>
          <label>
            To
            <input type="date" value={to} onInput={(e) => setTo(inputValue(e))} required />
          </label>
        </>
      )}
      <button type="submit">Show</button>
      {problem && <ErrorNote message={problem} />}
    </form>
  );
}

const csvHref = (table: OverviewTable, query: string) => `/api/v1/overview/csv/${table}${query ? `?${query}` : ''}`;

function Trends({ data, query }: { data: Overview; query: string }) {
  const { weeks, from, to } = data.period;
  const span = `${plural(weeks.length, 'week', 'weeks')}, ${weekLabel(from)} to ${weekLabel(to)}`;
  const labels = weeks.map((w) => weekLabel(w, false));
  const totals = (t: Overview['incidents']['byChannel']) => t.series.map((s, i) => `${s.label} ${t.totals[i]}`).join(', ');
  const weekly = (id: string, table: OverviewTable, caption: string, t: Overview['incidents']['byChannel'], colours?: Record<string, string>) => (
    <TrendFigure
      id={id}
      caption={caption}
      csvHref={csvHref(table, query)}
      empty={t.total === 0 ? 'No incidents in this period.' : null}
      table={weeklyRows(t)}
      chart={{
        kind: 'stacked-bar',
        labels,
        series: weeklySeries(t, colours),
        valueTitle: 'Incidents',
        summary: `Stacked bar chart: ${caption.toLowerCase()}, ${span}. ${plural(t.total, 'incident', 'incidents')} in all: ${totals(t)}. The table that follows has each week's numbers.`,
      }}
    />
  );

  const top = data.perpetrators.slice(0, 10);
  const perpChart: ChartProps = {
    kind: 'bar',
    horizontal: true,
    labels: top.map((p) => p.displayName),
    series: [{ label: 'Incidents in the period', values: top.map((p) => p.incidents), colour: '#be123c' }],
    valueTitle: 'Incidents in the period',
    summary: `Bar chart: the ${top.length === 1 ? 'person' : `${top.length} people`} with most incidents, ${span}: ${top.map((p) => `${p.displayName} ${p.incidents}`).join(', ')}. The table that follows has each with their course-of-conduct status.`,
  };
  const perpTable: TableData = {
    head: ['Person', 'Incidents in the period', 'Incidents, all time', 'Course of conduct', 'Disengaged', 'Latest incident'],
    numeric: [1, 2],
    rows: data.perpetrators.map((p) => ({
      key: p.id,
      cells: [
        { text: p.displayName, href: href('perpetrators', p.id) },
        p.incidents,
        p.allTimeIncidents,
        p.courseOfConduct ? 'Yes' : 'No',
        p.disengaged ? 'Yes' : 'No',
        when(p.lastIncidentAt),
      ],
    })),
  };

  const dt = data.decisionTime;
  const decided = dt.reduce((a, w) => a + w.decided, 0);
  // Days once the longest waits run past three days, so the axis stays readable.
  const inDays = dt.some((w) => (w.p90Hours ?? 0) > 72);
  const unit = (h: number | null) => (h === null ? null : inDays ? Math.round(h / 2.4) / 10 : h);
  const decisionChart: ChartProps = {
    kind: 'line',
    labels,
    series: [
      { label: 'Median', values: dt.map((w) => unit(w.medianHours)), colour: '#1d4ed8' },
      { label: '90th percentile', values: dt.map((w) => unit(w.p90Hours)), colour: '#b45309' },
    ],
    valueTitle: inDays ? 'Days' : 'Hours',
    summary: `Line chart: ${inDays ? 'days' : 'hours'} from a message's arrival to an officer's first decision on it, median and 90th percentile, by the week it arrived, ${span}. The table that follows has each week's numbers.`,
  };
  const decisionTable: TableData = {
    head: ['Week commencing', 'Arrived', 'Decided', 'Still waiting', 'Median time to decision', '90th percentile'],
    numeric: [1, 2, 3, 4, 5],
    rows: dt.map((w) => ({ key: w.week, cells: [weekLabel(w.week), w.arrived, w.decided, w.waiting, hoursText(w.medianHours), hoursText(w.p90Hours)] })),
  };

  return (
    <>
      <p class="hint">
        {span}. Weeks run Monday to Sunday (UTC). An incident is a capture, an upload or an email kept in quarantine (not one released or marked not abuse),
        counted in the week it happened; diary entries are not counted.
      </p>
      {weekly('by-councillor', 'incidents-by-councillor', 'Incidents per week by councillor', data.incidents.byCouncillor)}
      {weekly('by-channel', 'incidents-by-channel', 'Incidents per week by channel', data.incidents.byChannel)}
      {weekly('by-severity', 'incidents-by-severity', 'Incidents per week by severity', data.incidents.bySeverity, SEVERITY_COLOURS)}
      <TrendFigure
        id="perpetrators"
        caption="Perpetrators ranked by incidents"
        csvHref={csvHref('perpetrators', query)}
        empty={data.perpetrators.length === 0 ? 'No incidents in this period are linked to a perpetrator.' : null}
        chart={perpChart}
        table={perpTable}
        tableOpen
      >
        <p class="hint">Course of conduct: two or more incidents by the same person, over all time (Protection from Harassment Act 1997).</p>
      </TrendFigure>
      <TrendFigure
        id="decision-time"
        caption="Time from arrival to decision"
        csvHref={csvHref('decision-time', query)}
        empty={dt.every((w) => w.arrived === 0) ? 'No mail arrived in this period.' : null}
        chart={decided > 0 ? decisionChart : null}
        table={decisionTable}
      />
    </>
  );
}
