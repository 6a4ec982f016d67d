import { WardguardError } from '@wardguard/shared';
import type { SearchKind, SearchPage, SearchQuery, SearchResult, SearchState } from '@wardguard/shared/api/search';
import type { Principal } from '../env.ts';
import { isStaff } from '../auth/roles.ts';
import { toMatchExpression } from './match-expression.ts';
import { MATCH_CLOSE, MATCH_OPEN, snippetParts } from './snippet.ts';

interface DocRow {
  kind: SearchKind;
  record_id: string;
  councillor_id: string | null;
  case_id: string | null;
  exhibit_ref: string | null;
  severity: SearchResult['severity'];
  state: SearchState | null;
  at: string;
  title: string;
  snippet: string;
}

/** What a councillor finds of their own: never filed mail (officers read it) nor perpetrator records. */
const COUNCILLOR_KINDS = `('web_capture', 'upload', 'email', 'diary', 'case')`;
/** Words in a title count most, then names and references, then body text. */
const RANK = 'bm25(search_fts, 4.0, 1.0, 2.0)';
const SNIPPET_TOKENS = 16;

/**
 * Scope and filters, shared by the full-text search and the benchmark's LIKE baseline so the two
 * differ only in how they match words. Binds ?2 onward (?1 is the match).
 *   ?2 council · ?3 the councillor asking (null for staff) · ?4 councillor filter · ?5 kind
 *   ?6 severity · ?7 platform · ?8 from · ?9 before (day after `to`) · ?10 case · ?11 state
 */
export const SCOPE_SQL = `d.council_id = ?2
  AND (?3 IS NULL OR (d.councillor_id = ?3 AND d.kind IN ${COUNCILLOR_KINDS}))
  AND (?4 IS NULL OR d.councillor_id = ?4 OR (d.kind = 'perpetrator' AND (d.created_by = ?4
       OR d.record_id IN (SELECT perpetrator_id FROM evidence_items WHERE council_id = ?2 AND councillor_id = ?4 AND perpetrator_id IS NOT NULL))))
  AND (?5 IS NULL OR d.kind = ?5)
  AND (?6 IS NULL OR d.severity = ?6)
  AND (?7 IS NULL OR instr(d.platforms, ' ' || ?7 || ' ') > 0)
  AND (?8 IS NULL OR d.at >= ?8)
  AND (?9 IS NULL OR d.at < ?9)
  AND (?10 IS NULL OR d.case_id = ?10)
  AND (?11 IS NULL OR d.state = ?11)`;

/** The values for SCOPE_SQL: a councillor always searches as themselves, whatever they asked for. */
export function scopeBindings(p: Principal, q: SearchQuery): unknown[] {
  const self = isStaff(p) ? null : p.userId;
  return [
    p.councilId,
    self,
    self ? null : (q.councillorId ?? null),
    q.kind ?? null,
    q.severity ?? null,
    q.platform ?? null,
    q.from ?? null,
    q.to ? dayAfter(q.to) : null,
    q.caseId ?? null,
    q.state ?? null,
  ];
}

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Where the dashboard opens a result: the record's own screen, or an item's case (else the evidence list). */
export function linkFor(kind: SearchKind, id: string, caseId: string | null): string {
  const to = (...parts: string[]) => `#/${parts.map(encodeURIComponent).join('/')}`;
  switch (kind) {
    case 'message':
      return to('message', id);
    case 'case':
      return to('cases', id);
    case 'perpetrator':
      return to('perpetrators', id);
    case 'diary':
      return to('diary', id);
    default:
      return caseId ? to('cases', caseId) : to('evidence');
  }
}

export const toResult = (r: Omit<DocRow, 'snippet'> & { snippet: string | null }): SearchResult => ({
  kind: r.kind,
  id: r.record_id,
  title: r.title,
  snippet: r.snippet ? snippetParts(r.snippet) : [],
  at: r.at,
  exhibitRef: r.exhibit_ref,
  councillorId: r.councillor_id,
  caseId: r.case_id,
  severity: r.severity,
  state: r.state,
  link: linkFor(r.kind, r.record_id, r.case_id),
});

/** FTS5's own complaints about a query; toMatchExpression should leave none, but one must never be a 500. */
const isQueryError = (err: unknown) => /fts5|unterminated string|malformed MATCH/i.test(String(err));

/**
 * Full-text search over the council's index (search_fts, kept in step by the triggers of
 * migration 0015), scoped to what the caller may see and narrowed by the filters.
 *
 * @example
 * const page = await searchRecords(env.DB, principal, searchQuerySchema.parse({ q: 'garytroll' }));
 */
export async function searchRecords(db: D1Database, p: Principal, q: SearchQuery): Promise<SearchPage> {
  const expr = toMatchExpression(q.q);
  if (!expr) throw new WardguardError('VALIDATION_FAILED', 'q: type at least one word with a letter or a number');
  const order = q.sort === 'newest' ? 'd.at DESC, d.id DESC' : 'score, d.at DESC, d.id DESC';
  const outerOrder = q.sort === 'newest' ? 'p.at DESC, p.id DESC' : 'p.score, p.at DESC, p.id DESC';
  let rows: DocRow[];
  try {
    ({ results: rows } = await db
      .prepare(
        // CROSS JOIN keeps the full-text match as the outer loop (SQLite never reorders one): left
        // to itself the planner may walk the council's rows and run the match once per row. The
        // page is chosen first and snippets made for its rows only, not for every match.
        `SELECT p.*, search_fts.title AS title,
           snippet(search_fts, -1, char(${MATCH_OPEN.charCodeAt(0)}), char(${MATCH_CLOSE.charCodeAt(0)}), '…', ${SNIPPET_TOKENS}) AS snippet
         FROM (SELECT d.id, d.kind, d.record_id, d.councillor_id, d.case_id, d.exhibit_ref, d.severity, d.state, d.at, ${RANK} AS score
               FROM search_fts CROSS JOIN search_docs d ON d.id = search_fts.rowid
               WHERE search_fts MATCH ?1 AND ${SCOPE_SQL}
               ORDER BY ${order} LIMIT ?12 OFFSET ?13) p
         CROSS JOIN search_fts ON search_fts.rowid = p.id
         WHERE search_fts MATCH ?1
         ORDER BY ${outerOrder}`,
      )
      .bind(expr.match, ...scopeBindings(p, q), q.limit + 1, q.offset)
      .all<DocRow>());
  } catch (err) {
    if (isQueryError(err)) throw new WardguardError('VALIDATION_FAILED', 'q: these words cannot be searched for; try others');
    throw err;
  }
  return { results: rows.slice(0, q.limit).map(toResult), more: rows.length > q.limit, words: expr.words };
}
