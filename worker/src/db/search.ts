import type { SearchKind, SearchResult, SearchState } from '@wardguard/shared/api/search';
import { MATCH_CLOSE, MATCH_OPEN } from '../search/snippet.ts';

export interface DocRow {
  kind: SearchKind;
  record_id: string;
  councillor_id: string | null;
  case_id: string | null;
  exhibit_ref: string | null;
  severity: SearchResult['severity'];
  state: SearchState | null;
  at: string;
  title: string;
  /** FTS5's snippet, marked with MATCH_OPEN/MATCH_CLOSE; null from the LIKE baseline. */
  snippet: string | null;
}

/** What a councillor finds of their own: never filed mail (officers read it) nor perpetrator records. */
const COUNCILLOR_KINDS = `('web_capture', 'upload', 'email', 'diary', 'case')`;
/** Words in a title count most, then names and references, then body text. */
const RANK = 'bm25(search_fts, 4.0, 1.0, 2.0)';
const SNIPPET_TOKENS = 16;

/**
 * Scope and filters, shared by the full-text search and the benchmark's LIKE baseline so the two
 * differ only in how they match words. Binds ?2 onward (?1 is the match), from SearchScope.
 *   ?2 council · ?3 the councillor asking (null for staff) · ?4 councillor filter · ?5 kind
 *   ?6 severity · ?7 platform · ?8 from · ?9 before (day after `to`) · ?10 case · ?11 state
 */
const SCOPE_SQL = `d.council_id = ?2
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

/** Who is searching and the filters, in SCOPE_SQL's order. */
export interface SearchScope {
  councilId: string;
  /** The councillor asking, who finds only their own; null for staff. */
  self: string | null;
  councillorId: string | null;
  kind: SearchKind | null;
  severity: string | null;
  platform: string | null;
  from: string | null;
  /** The day after the last day asked for. */
  before: string | null;
  caseId: string | null;
  state: SearchState | null;
}

const scopeBindings = (s: SearchScope): unknown[] => [s.councilId, s.self, s.councillorId, s.kind, s.severity, s.platform, s.from, s.before, s.caseId, s.state];

export interface SearchPageSpec {
  sort: 'relevance' | 'newest';
  /** Rows to return: one more than the page, to tell whether there is more. */
  limit: number;
  offset: number;
}

/**
 * Index rows matching the FTS5 expression `match` within the scope, with FTS5's snippet. Throws
 * FTS5's own error for a query it cannot run.
 */
export async function matchDocs(db: D1Database, match: string, scope: SearchScope, page: SearchPageSpec): Promise<DocRow[]> {
  const order = page.sort === 'newest' ? 'd.at DESC, d.id DESC' : 'score, d.at DESC, d.id DESC';
  const outerOrder = page.sort === 'newest' ? 'p.at DESC, p.id DESC' : 'p.score, p.at DESC, p.id DESC';
  const { results } = await db
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
    .bind(match, ...scopeBindings(scope), page.limit, page.offset)
    .all<DocRow>();
  return results;
}

/**
 * The benchmark's baseline: rows with every word somewhere in their stored text by
 * `LIKE '%word%'`, newest first, no snippet. At most 12 words.
 */
export async function likeDocs(db: D1Database, words: string[], scope: SearchScope, page: Omit<SearchPageSpec, 'sort'>): Promise<DocRow[]> {
  const like = words
    .map((_, i) => `(f.title LIKE ?${14 + i} ESCAPE '\\' OR f.body LIKE ?${14 + i} ESCAPE '\\' OR f.other LIKE ?${14 + i} ESCAPE '\\')`)
    .join(' AND ');
  const { results } = await db
    .prepare(
      `SELECT d.kind, d.record_id, d.councillor_id, d.case_id, d.exhibit_ref, d.severity, d.state, d.at, f.title AS title, NULL AS snippet
       FROM search_fts f JOIN search_docs d ON d.id = f.rowid
       WHERE ?1 IS NULL AND ${SCOPE_SQL} AND ${like || '1'}
       ORDER BY d.at DESC, d.id DESC LIMIT ?12 OFFSET ?13`,
    )
    .bind(null, ...scopeBindings(scope), page.limit, page.offset, ...words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))
    .all<DocRow>();
  return results;
}
