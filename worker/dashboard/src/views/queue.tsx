import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../lib/api.ts';
import { SEVERITY_LABEL, when } from '../lib/format.ts';
import { href } from '../lib/route.ts';
import type { MailRecord, Severity } from '../lib/types.ts';
import { useCouncillors } from '../lib/use-councillors.ts';
import { SeverityBadge } from '../components/severity-badge.tsx';

const STATES = [
  ['quarantined', 'Waiting for review'],
  ['kept', 'Kept as abuse'],
  ['released', 'Released'],
  ['not_abuse', 'Not abuse'],
] as const;
type Decision = 'release' | 'keep' | 'not_abuse';
const DECISION_LABEL: Record<Decision, string> = { release: 'Release to inbox', keep: 'Keep as abuse', not_abuse: 'Mark not abuse' };

export function QueueView() {
  const [state, setState] = useState<(typeof STATES)[number][0]>('quarantined');
  const [records, setRecords] = useState<MailRecord[] | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [councillor, setCouncillor] = useState('');
  const [severity, setSeverity] = useState('');
  const [sender, setSender] = useState('');
  const [selected, setSelected] = useState(new Set<string>());
  const [cursor, setCursor] = useState(0);
  const councillors = useCouncillors();
  const tableRef = useRef<HTMLTableElement>(null);

  const load = () =>
    api<{ records: MailRecord[] }>(`/mail/queue?state=${state}&limit=500`)
      .then((r) => {
        setRecords(r.records);
        setError('');
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not load the queue.'));

  useEffect(() => {
    setRecords(null);
    setSelected(new Set());
    void load();
    const t = setInterval(load, 10_000);
    return () => clearInterval(t);
  }, [state]);

  const shown = useMemo(
    () =>
      (records ?? []).filter(
        (r) =>
          (!councillor || r.councillorId === councillor) &&
          (!severity || r.severity === severity) &&
          (!sender || r.from.toLowerCase().includes(sender.toLowerCase())),
      ),
    [records, councillor, severity, sender],
  );

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const decide = async (decision: Decision) => {
    const ids = [...selected];
    let done = 0;
    const failures: string[] = [];
    for (const id of ids) {
      try {
        await api(`/mail/records/${encodeURIComponent(id)}/decision`, { method: 'POST', json: { decision } });
        done += 1;
      } catch (e) {
        failures.push(e instanceof ApiError ? e.message : String(e));
      }
    }
    setStatus(`${DECISION_LABEL[decision]}: ${done} of ${ids.length} done.${failures.length ? ` ${failures[0]}` : ''}`);
    setSelected(new Set());
    await load();
  };

  // Keyboard: j/k move, x selects, Enter or o opens, / jumps to the sender filter.
  const onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) || e.ctrlKey || e.metaKey || e.altKey) return;
    const row = shown[cursor];
    if (e.key === 'j' || e.key === 'k') {
      const next = Math.max(0, Math.min(shown.length - 1, cursor + (e.key === 'j' ? 1 : -1)));
      setCursor(next);
      tableRef.current?.querySelectorAll<HTMLElement>('tbody tr')[next]?.focus();
    } else if (e.key === 'x' && row) toggle(row.id);
    else if ((e.key === 'Enter' || e.key === 'o') && row) location.hash = href('message', row.id);
    else if (e.key === '/') {
      e.preventDefault();
      document.getElementById('f-sender')?.focus();
    } else return;
    e.preventDefault();
  };

  return (
    <section onKeyDown={onKey}>
      <h1>Review queue</h1>
      <p class="hint" id="queue-keys">
        Keyboard: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>x</kbd> select, <kbd>Enter</kbd> open, <kbd>/</kbd> filter by sender.
      </p>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter the queue">
        <label>
          State
          <select value={state} onChange={(e) => setState((e.target as HTMLSelectElement).value as typeof state)}>
            {STATES.map(([v, l]) => (
              <option value={v} key={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          Councillor
          <select value={councillor} onChange={(e) => setCouncillor((e.target as HTMLSelectElement).value)}>
            <option value="">All</option>
            {[...councillors.values()].map((u) => (
              <option value={u.id} key={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Severity
          <select value={severity} onChange={(e) => setSeverity((e.target as HTMLSelectElement).value)}>
            <option value="">All</option>
            {(Object.keys(SEVERITY_LABEL) as Severity[]).map((s) => (
              <option value={s} key={s}>
                {SEVERITY_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sender
          <input id="f-sender" type="search" value={sender} onInput={(e) => setSender((e.target as HTMLInputElement).value)} />
        </label>
      </form>
      <div class="bulk" role="group" aria-label="Decide the selected messages">
        <span>{selected.size} selected</span>
        {(Object.keys(DECISION_LABEL) as Decision[]).map((d) => (
          <button type="button" key={d} disabled={selected.size === 0 || state === 'released' || state === 'not_abuse'} onClick={() => decide(d)}>
            {DECISION_LABEL[d]}
          </button>
        ))}
      </div>
      <p role="status" class="status">
        {status}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {records === null ? (
        <p>Loading…</p>
      ) : shown.length === 0 ? (
        <p>Nothing here.</p>
      ) : (
        <table class="queue" ref={tableRef} aria-describedby="queue-keys">
          <caption class="visually-hidden">Messages, most severe first, then oldest first</caption>
          <thead>
            <tr>
              <th scope="col">
                <span class="visually-hidden">Select</span>
              </th>
              <th scope="col">Severity</th>
              <th scope="col">Councillor</th>
              <th scope="col">From</th>
              <th scope="col">Subject</th>
              <th scope="col">Received</th>
              <th scope="col">Exhibit</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r, i) => (
              <tr key={r.id} tabIndex={i === cursor ? 0 : -1} class={`${r.severity === 'threat_to_life' ? 'row-ttl' : ''} ${i === cursor ? 'cursor' : ''}`} onFocus={() => setCursor(i)} data-record-id={r.id}>
                <td>
                  <input type="checkbox" checked={selected.has(r.id)} onChange={() => toggle(r.id)} aria-label={`Select message from ${r.from}: ${r.subject}`} />
                </td>
                <td>
                  <SeverityBadge severity={r.severity} />
                </td>
                <td>{councillors.get(r.councillorId)?.name ?? r.mailbox}</td>
                <td>{r.from}</td>
                <td>
                  <a href={href('message', r.id)}>{r.subject || '(no subject)'}</a>
                </td>
                <td>{when(r.receivedAt)}</td>
                <td>{r.exhibitRef}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
