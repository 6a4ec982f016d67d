import { Hono, type Context } from 'hono';
import { WardguardError } from '@wardguard/shared';
import { searchQuerySchema, type SearchQuery } from '@wardguard/shared/api/search';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { describeIssues } from '../http/read-json.ts';
import { searchRecords } from '../search/search.ts';
import { likeSearch } from '../search/like-baseline.ts';
import { indexPendingMail } from '../search/mail-text.ts';

function readQuery(c: Context<AppEnv>): SearchQuery {
  // An empty field in the search form means "any", not "match the empty string"; q is checked as typed.
  const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([k, v]) => k === 'q' || v !== ''));
  const parsed = searchQuerySchema.safeParse(raw);
  if (!parsed.success) throw new WardguardError('VALIDATION_FAILED', describeIssues(parsed.error.issues), parsed.error.issues);
  return parsed.data;
}

/**
 * GET /search: one search across messages, captures, uploads, diary entries, cases and
 * perpetrators (search/search.ts says who sees what). A police liaison never gets here: the
 * default-deny in auth/roles.ts keeps them to /liaison, and the role guard below says so again.
 * Searching is not a custody event; opening a result is, as ever.
 */
export const searchRoutes = new Hono<AppEnv>()
  .use(requireRole('councillor', 'officer', 'admin'))
  .get('/', async (c) => c.json(await searchRecords(c.env.DB, c.get('principal'), readQuery(c))))
  // Messages filed before search existed: read their body text from R2, a batch per call.
  .post('/reindex-mail', requireRole('officer', 'admin'), async (c) => c.json(await indexPendingMail(c.env.DB, c.env.EVIDENCE, c.get('principal').councilId)))
  // The benchmark's LIKE baseline (bench/search.bench.ts), only where bench routes are on.
  .get('/like-baseline', requireRole('officer', 'admin'), async (c) => {
    if (!c.get('config').benchRoutes) throw new WardguardError('NOT_FOUND', 'Not found.');
    return c.json(await likeSearch(c.env.DB, c.get('principal'), readQuery(c)));
  });
