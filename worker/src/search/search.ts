import { WardguardError } from '@wardguard/shared';
import type { SearchKind, SearchPage, SearchQuery, SearchResult } from '@wardguard/shared/api/search';
import type { Principal } from '../env.ts';
import { ownerScope } from '../auth/scope.ts';
import { matchDocs, type DocRow, type SearchScope } from '../db/search.ts';
import { toMatchExpression } from './match-expression.ts';
import { snippetParts } from './snippet.ts';

/** Who searches and the filters: a councillor always searches as themselves, whatever they asked for. */
export function searchScope(p: Principal, q: SearchQuery): SearchScope {
  const self = ownerScope(p) ?? null;
  return {
    councilId: p.councilId,
    self,
    councillorId: self ? null : (q.councillorId ?? null),
    kind: q.kind ?? null,
    severity: q.severity ?? null,
    platform: q.platform ?? null,
    from: q.from ?? null,
    before: q.to ? dayAfter(q.to) : null,
    caseId: q.caseId ?? null,
    state: q.state ?? null,
  };
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

export const toResult = (r: DocRow): SearchResult => ({
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
  let rows: DocRow[];
  try {
    rows = await matchDocs(db, expr.match, searchScope(p, q), { sort: q.sort, limit: q.limit + 1, offset: q.offset });
  } catch (err) {
    if (isQueryError(err)) throw new WardguardError('VALIDATION_FAILED', 'q: these words cannot be searched for; try others');
    throw err;
  }
  return { results: rows.slice(0, q.limit).map(toResult), more: rows.length > q.limit, words: expr.words };
}
