import type { SearchPage, SearchQuery } from '@wardguard/shared/api/search';
import type { Principal } from '../env.ts';
import { likeDocs } from '../db/search.ts';
import { searchScope, toResult } from './search.ts';

/**
 * The search benchmark's baseline: the same scope, filters and stored text as searchRecords, each
 * word found with `LIKE '%word%'` in every row instead of through the full-text index (no ranking
 * or snippet: newest first). Mounted only with ENABLE_BENCH_ROUTES=1.
 */
export async function likeSearch(db: D1Database, p: Principal, q: SearchQuery): Promise<SearchPage> {
  const words = q.q.split(/\s+/u).filter(Boolean).slice(0, 12);
  const results = await likeDocs(db, words, searchScope(p, q), { limit: q.limit + 1, offset: q.offset });
  return { results: results.slice(0, q.limit).map(toResult), more: results.length > q.limit, words };
}
