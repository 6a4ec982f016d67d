import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../lib/api.ts';
import { SEVERITY_LABEL, when } from '../lib/format.ts';
import { href } from '../lib/route.ts';
import type { MailQueuePage, Severity } from '../lib/types.ts';
import { useCouncillors } from '../lib/use-councillors.ts';
import { SeverityBadge } from '../components/severity-badge.tsx';
import { DecisionConfirm, type ConfirmMessage } from '../components/decision-confirm.tsx';
import { ErrorNote } from '../components/error-note.tsx';
import { CouncillorOptions } from '../components/councillor-options.tsx';

const STATES = [
  ['quarantined', 'Waiting for review'],
  ['kept', 'Kept as abuse'],
  ['released', 'Released'],
  ['not_abuse', 'Not abuse'],
] as const;
type Decision = 'release' | 'keep' | 'not_abuse';
const DECISION_LABEL: Record<Decision, string> = { release: 'Release to inbox', keep: 'Keep as abuse', not_abuse: 'Mark not abuse' };
const CONSEQUENCE: Record<Decision, string> = {
  release: "The mail filter will move each one back to the councillor's inbox.",
  keep: 'Each stays in quarantine, recorded as abuse.',
  not_abuse: "The mail filter will move each one back to the councillor's inbox, and each joins the classifier's labelled set as not abuse.",
};

const PAGE_SIZE = 50;
const SENDER_DEBOUNCE_MS = 300;

export function QueueView() {
  const [state, setState] = useState<(typeof STATES)[number][0]>('quarantined');
  const [page, setPage] = useState<MailQueuePage | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [councillor, setCouncillor] = useState('');
  const [severity, setSeverity] = useState('');
  const [senderInput, setSenderInput] = useState('');
  const [sender, setSender] = useState('');
  const [selected, setSelected] = useState(new Set<string>());
  const [cursor, setCursor] = useState(0);
  const councillors = useCouncillors();
  const tableRef = useRef<HTMLTableElement>(null);

  useEffect(() => {
    const t = setTimeout(() => setSender(senderInput.trim()), SENDER_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [senderInput]);

  // Filtering happens on the server, over every waiting message, not just one page of them.
  const query = useMemo(() => {
    const q = new URLSearchParams({ state, limit: String(PAGE_SIZE) });
    if (councillor) q.set('councillorId', councillor);
    if (severity) q.set('severity', severity);
    if (sender) q.set('sender', sender);
    return q.toString();
  }, [state, councillor, severity, sender]);

  // The cursor of each page seen so far under these filters (keyset paging): Previous pops one.
  // New filters start again from the first page.
  const [paging, setPaging] = useState<{ query: string; cursors: (string | null)[] }>({ query, cursors: [null] });
  const cursors = paging.query === query ? paging.cursors : [null];
  const setCursors = (f: (c: (string | null)[]) => (string | null)[]) => setPaging({ query, cursors: f(cursors) });
  const after = cursors[cursors.length - 1] ?? null;

  // Answers can arrive out of order (a slow one for the filter typed a moment ago after the
  // one for the filter now set). An answer fills the table only if it is for the filters and
  // page now set, and no later request's answer has been shown already; a slow answer is not
  // dropped merely because a refresh has started since.
  const url = `/mail/queue?${query}${after ? `&after=${encodeURIComponent(after)}` : ''}`;
  const currentUrl = useRef(url);
  const issued = useRef(0);
  const shownUpTo = useRef(0);
  const load = () => {
    const n = ++issued.current;
    const forUrl = currentUrl.current;
    const current = () => forUrl === currentUrl.current && n > shownUpTo.current;
    return api<MailQueuePage>(forUrl)
      .then((r) => {
        if (!current()) return;
        shownUpTo.current = n;
        setPage(r);
        setError('');
      })
      .catch((e: unknown) => {
        if (current()) setError(e instanceof ApiError ? e.message : 'Could not load the queue.');
      });
  };

  useEffect(() => {
    currentUrl.current = url;
    setPage(null);
    setSelected(new Set());
    setCursor(0);
    void load();
    const t = setInterval(() => void load(), 10_000);
    return () => clearInterval(t);
  }, [url]);

  const shown = page?.records ?? [];
  const firstIndex = (cursors.length - 1) * PAGE_SIZE;

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  // A bulk decision first says what it will do to which messages (as they were when it was
  // asked for: a refresh meanwhile does not change what was confirmed).
  const [pending, setPending] = useState<{ decision: Decision; messages: ConfirmMessage[] } | null>(null);
  const ask = (decision: Decision) => {
    const messages = shown.filter((r) => selected.has(r.id));
    if (messages.length) setPending({ decision, messages });
  };

  const decide = async (decision: Decision, messages: ConfirmMessage[], reason: string | null): Promise<null> => {
    let done = 0;
    const failures: string[] = [];
    for (const m of messages) {
      try {
        await api(`/mail/records/${encodeURIComponent(m.id)}/decision`, { method: 'POST', json: { decision, ...(reason ? { reason } : {}) } });
        done += 1;
      } catch (e) {
        failures.push(`${m.exhibitRef}: ${e instanceof ApiError ? e.message : String(e)}`);
      }
    }
    setStatus(`${DECISION_LABEL[decision]}: ${done} of ${messages.length} done.${failures.length ? ` ${failures[0]}` : ''}`);
    setSelected(new Set());
    await load();
    return null;
  };

  // Keyboard: j/k move, x selects, Enter or o opens, / jumps to the sender filter.
  const onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) || target.closest('dialog') || e.ctrlKey || e.metaKey || e.altKey) return;
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
    // biome-ignore lint/a11y/noStaticElementInteractions: j/k/x shortcuts listen on the whole queue; every one has a button or link too
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
            <CouncillorOptions councillors={councillors} />
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
          <input id="f-sender" type="search" value={senderInput} onInput={(e) => setSenderInput((e.target as HTMLInputElement).value)} />
        </label>
      </form>
      {/* biome-ignore lint/a11y/useSemanticElements: a row of buttons, not form fields; a fieldset would need a legend the design has no room for */}
      <div class="bulk" role="group" aria-label="Decide the selected messages">
        <span>{selected.size} selected</span>
        {(Object.keys(DECISION_LABEL) as Decision[]).map((d) => (
          <button type="button" key={d} disabled={selected.size === 0 || state === 'released' || state === 'not_abuse'} onClick={() => ask(d)}>
            {DECISION_LABEL[d]}
          </button>
        ))}
      </div>
      {pending && (
        <DecisionConfirm
          action={DECISION_LABEL[pending.decision]}
          consequence={CONSEQUENCE[pending.decision]}
          messages={pending.messages}
          guarded
          onConfirm={(reason) => decide(pending.decision, pending.messages, reason)}
          onClose={() => setPending(null)}
          fallbackFocus={() => tableRef.current?.querySelector<HTMLElement>('tbody tr[tabindex="0"]') ?? null}
        />
      )}
      <p role="status" class="status">
        {status}
      </p>
      {error && <ErrorNote message={error} />}
      {page === null ? (
        <p>Loading…</p>
      ) : shown.length === 0 ? (
        <p>Nothing here.</p>
      ) : (
        <>
          <p class="page-count" id="queue-count">
            Showing {firstIndex + 1}–{firstIndex + shown.length} of {page.total} {page.total === 1 ? 'message' : 'messages'}
          </p>
          <table class="queue stack-table" ref={tableRef} aria-describedby="queue-keys queue-count">
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
                <tr
                  key={r.id}
                  tabIndex={i === cursor ? 0 : -1}
                  class={`${r.severity === 'threat_to_life' ? 'row-ttl' : ''} ${i === cursor ? 'cursor' : ''}`}
                  onFocus={() => setCursor(i)}
                  data-record-id={r.id}
                >
                  <td>
                    <input
                      type="checkbox"
                      checked={selected.has(r.id)}
                      onChange={() => toggle(r.id)}
                      aria-label={`Select message from ${r.from}: ${r.subject}`}
                    />
                  </td>
                  <td data-label="Severity">
                    <SeverityBadge severity={r.severity} />
                  </td>
                  <td data-label="Councillor">{councillors.get(r.councillorId)?.name ?? r.mailbox}</td>
                  <td data-label="From">{r.from}</td>
                  <td data-label="Subject">
                    <a href={href('message', r.id)}>{r.subject || '(no subject)'}</a>
                  </td>
                  <td data-label="Received">{when(r.receivedAt)}</td>
                  <td data-label="Exhibit">{r.exhibitRef}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav class="pager" aria-label="Queue pages">
            <button type="button" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
              Previous page
            </button>
            <button type="button" disabled={!page.nextCursor} onClick={() => page.nextCursor && setCursors((c) => [...c, page.nextCursor])}>
              Next page
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
