import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchKind, SearchPage, SearchResult, SearchState } from '@wardguard/shared/api/search';
import { api } from '../lib/api.ts';
import { errorText, inputValue } from '../lib/error-text.ts';
import { SEVERITY_LABEL, when } from '../lib/format.ts';
import { href } from '../lib/route.ts';
import type { Case, Severity } from '../lib/types.ts';
import { useCouncillors } from '../lib/use-councillors.ts';
import { SeverityBadge } from '../components/severity-badge.tsx';
import './search.css';
import { PLATFORM_NAMES } from '@wardguard/shared/evidence/platform-names';
import { ErrorNote } from '../components/error-note.tsx';
import { CouncillorOptions } from '../components/councillor-options.tsx';

const KIND_LABEL: Record<SearchKind, string> = {
  message: 'Quarantined email',
  web_capture: 'Web capture',
  upload: 'Upload',
  email: 'Emailed evidence',
  diary: 'Diary entry',
  case: 'Case',
  perpetrator: 'Perpetrator',
};
/** What a councillor can find (their own); filed mail and perpetrator records are for officers. */
const COUNCILLOR_KINDS: SearchKind[] = ['web_capture', 'upload', 'email', 'diary', 'case'];

const STATE_LABEL: Record<SearchState, string> = {
  quarantined: 'Email waiting for review',
  kept: 'Email kept as abuse',
  released: 'Email released',
  not_abuse: 'Email marked not abuse',
  open: 'Case open',
  referred: 'Case referred to the police',
  closed: 'Case closed',
};
const CASE_STATES: SearchState[] = ['open', 'referred', 'closed'];

// The searchable platforms as officers name them (shared/src/evidence/post-metadata.ts, plus email).
const PLATFORM_LABEL: Record<string, string> = { ...PLATFORM_NAMES, x: 'X (Twitter)', generic: 'Other website' };

const PAGE_SIZE = 20;
const FILTERS = ['kind', 'councillorId', 'severity', 'platform', 'state', 'caseId', 'from', 'to', 'sort'] as const;
type Form = Record<'q' | (typeof FILTERS)[number], string>;
const EMPTY: Form = { q: '', kind: '', councillorId: '', severity: '', platform: '', state: '', caseId: '', from: '', to: '', sort: 'relevance' };

const formFrom = (query: string): Form => {
  const p = new URLSearchParams(query);
  return Object.fromEntries(Object.entries(EMPTY).map(([k, v]) => [k, p.get(k) ?? v])) as Form;
};
const queryOf = (f: Form): string => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v && !(k === 'sort' && v === 'relevance')) p.set(k, v);
  return p.toString();
};

/**
 * #/search/<query>: one search over what the person may see (the Worker decides what that is).
 * The search lives in the address, so Back from a result returns to the same results.
 */
export function SearchView({ staff, query }: { staff: boolean; query: string }) {
  const [form, setForm] = useState<Form>(() => formFrom(query));
  const [results, setResults] = useState<SearchResult[] | null>(null);
  const [more, setMore] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [cases, setCases] = useState<Case[]>([]);
  const councillors = useCouncillors();
  const latest = useRef(0);
  const searched = formFrom(query);

  useEffect(() => {
    void api<{ cases: Case[] }>('/cases')
      .then((r) => setCases(r.cases))
      .catch(() => undefined);
  }, []);

  const load = async (offset: number) => {
    const n = ++latest.current;
    const p = new URLSearchParams(query);
    p.set('limit', String(PAGE_SIZE));
    p.set('offset', String(offset));
    try {
      const page = await api<SearchPage>(`/search?${p}`);
      if (n !== latest.current) return;
      const shown = offset === 0 ? page.results : [...(results ?? []), ...page.results];
      setResults(shown);
      setMore(page.more);
      setError('');
      setStatus(
        shown.length === 0
          ? `Nothing found for ${page.words.join(' ')}.`
          : `${shown.length}${page.more ? '+' : ''} ${shown.length === 1 ? 'result' : 'results'} for ${page.words.join(' ')}.`,
      );
    } catch (e) {
      if (n !== latest.current) return;
      setError(errorText(e, 'The search did not work; try again.'));
      setStatus('');
      if (offset === 0) setResults(null);
    }
  };

  // A new address is a new search: the form follows it (Back, a shared link) and the first page loads.
  useEffect(() => {
    setForm(formFrom(query));
    setResults(null);
    setMore(false);
    if (searched.q.trim()) void load(0);
    else {
      setStatus('');
      setError('');
    }
  }, [query]);

  const set = (k: keyof Form) => (e: Event) => setForm({ ...form, [k]: inputValue(e) });
  const submit = (e: Event) => {
    e.preventDefault();
    const next = queryOf(form);
    if (next === query) void load(0);
    else location.hash = href('search', next);
  };
  const clear = () => {
    setForm({ ...EMPTY, q: form.q });
  };

  const kinds = staff ? (Object.keys(KIND_LABEL) as SearchKind[]) : COUNCILLOR_KINDS;
  const states = staff ? (Object.keys(STATE_LABEL) as SearchState[]) : CASE_STATES;

  return (
    <section class="search">
      <h1>Search</h1>
      <form aria-label="Search records" onSubmit={submit}>
        <p>
          <label>
            Words to find <input type="search" name="q" value={form.q} onInput={set('q')} maxLength={200} required aria-describedby="search-hint" />
          </label>{' '}
          <button type="submit">Search</button>
        </p>
        <p class="hint" id="search-hint">
          {staff
            ? 'Finds messages, captures, uploads, diary entries, cases and perpetrators with every word, in subjects, text, names, aliases, handles, email addresses and exhibit references.'
            : 'Finds your own cases, captures, uploads and diary entries with every word.'}
        </p>
        <fieldset class="filters">
          <legend>Only show</legend>
          <label>
            Type
            <select value={form.kind} onChange={set('kind')}>
              <option value="">Everything</option>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
            </select>
          </label>
          {staff && (
            <label>
              Councillor
              <select value={form.councillorId} onChange={set('councillorId')}>
                <option value="">All</option>
                <CouncillorOptions councillors={councillors} />
              </select>
            </label>
          )}
          {staff && (
            <label>
              Severity
              <select value={form.severity} onChange={set('severity')}>
                <option value="">Any</option>
                {(Object.keys(SEVERITY_LABEL) as Severity[]).map((s) => (
                  <option key={s} value={s}>
                    {SEVERITY_LABEL[s]}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            Platform
            <select value={form.platform} onChange={set('platform')}>
              <option value="">Any</option>
              {Object.entries(PLATFORM_LABEL).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <label>
            State
            <select value={form.state} onChange={set('state')}>
              <option value="">Any</option>
              {states.map((s) => (
                <option key={s} value={s}>
                  {STATE_LABEL[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Case
            <select value={form.caseId} onChange={set('caseId')}>
              <option value="">Any</option>
              {cases.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            From
            <input type="date" value={form.from} onInput={set('from')} />
          </label>
          <label>
            To
            <input type="date" value={form.to} onInput={set('to')} />
          </label>
          <label>
            Order
            <select value={form.sort} onChange={set('sort')}>
              <option value="relevance">Best match first</option>
              <option value="newest">Newest first</option>
            </select>
          </label>
          <button type="button" class="link" onClick={clear}>
            Clear filters
          </button>
        </fieldset>
      </form>
      <p role="status" class="status" id="search-status">
        {status}
      </p>
      {error && <ErrorNote message={error} />}
      {results && results.length > 0 && (
        <ol class="search-results" aria-labelledby="search-status">
          {results.map((r) => (
            <Result key={`${r.kind}:${r.id}`} r={r} councillorName={staff && r.councillorId ? councillors.get(r.councillorId)?.name : undefined} />
          ))}
        </ol>
      )}
      {more && (
        <button type="button" onClick={() => void load(results?.length ?? 0)}>
          More results
        </button>
      )}
    </section>
  );
}

function Result({ r, councillorName }: { r: SearchResult; councillorName: string | undefined }) {
  return (
    <li class="evidence-card search-result">
      <h2>
        <a href={r.link}>{r.title || '(no title)'}</a>
      </h2>
      <p class="hint">
        {KIND_LABEL[r.kind]}
        {r.exhibitRef && <> · Exhibit {r.exhibitRef}</>}
        {` · ${when(r.at)}`}
        {councillorName && <> · {councillorName}</>}
        {r.state && <> · {STATE_LABEL[r.state]}</>}
        {r.severity && (
          <>
            {' · '}
            <SeverityBadge severity={r.severity} />
          </>
        )}
      </p>
      {r.snippet.length > 0 && <p class="note-text">{r.snippet.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</p>}
    </li>
  );
}
