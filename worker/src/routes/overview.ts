import { Hono, type Context } from 'hono';
import { WardguardError } from '@wardguard/shared';
import { OVERVIEW_TABLES, overviewQuerySchema, type OverviewTable } from '@wardguard/shared/api/overview';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { describeIssues } from '../http/read-json.ts';
import { resolvePeriod, type Period } from '../overview/period.ts';
import { councilOverview } from '../overview/council-overview.ts';
import { overviewCsv } from '../overview/csv.ts';

/** The period the query asks for; an empty field in the page's form means "not given". */
function periodOf(c: Context<AppEnv>): Period {
  const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
  const parsed = overviewQuerySchema.safeParse(raw);
  if (!parsed.success) throw new WardguardError('VALIDATION_FAILED', describeIssues(parsed.error.issues), parsed.error.issues);
  return resolvePeriod(parsed.data, new Date());
}

/**
 * The officers' overview: what waits, and trends over a period. For the council's officers
 * and admins only. A councillor is refused: the figures are mostly quarantined mail, which
 * the filter exists to keep from them (as the queue and the digest are refused them). A
 * police liaison never gets here (auth/roles.ts confineLiaison).
 */
export const overviewRoutes = new Hono<AppEnv>()
  .use(requireRole('officer', 'admin'))
  .get('/', async (c) => {
    const p = c.get('principal');
    return c.json(await councilOverview(c.env.DB, p.councilId, periodOf(c)));
  })
  .get('/csv/:table', async (c) => {
    const p = c.get('principal');
    const table = c.req.param('table');
    if (!(OVERVIEW_TABLES as readonly string[]).includes(table)) throw new WardguardError('NOT_FOUND', `No such table; one of: ${OVERVIEW_TABLES.join(', ')}.`);
    const period = periodOf(c);
    const view = await councilOverview(c.env.DB, p.councilId, period);
    const name = `wardguard-${table}-${period.from}-to-${period.to}.csv`;
    return c.body(overviewCsv(view, table as OverviewTable), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    });
  });
