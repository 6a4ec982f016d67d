import type { SearchPage, SearchQuery } from '@wardguard/shared/api/search';
import type { Principal } from '../env.ts';
import { SCOPE_SQL, scopeBindings, toResult } from './search.ts';

/**
 * The search benchmark's baseline: the same scope, filters and stored text as searchRecords, each
 * word found with `LIKE '%word%'` in every row instead of through the full-text index (no ranking
 * or snippet: newest first). Mounted only with ENABLE_BENCH_ROUTES=1.
 */
export async function likeSearch(db: D1Database, p: Principal, q: SearchQuery): Promise<SearchPage> {
  const words = q.q.split(/\s+/u).filter(Boolean).slice(0, 12);
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
    .bind(null, ...scopeBindings(p, q), q.limit + 1, q.offset, ...words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))
    .all<Parameters<typeof toResult>[0]>();
  return { results: results.slice(0, q.limit).map(toResult), more: results.length > q.limit, words };
}
