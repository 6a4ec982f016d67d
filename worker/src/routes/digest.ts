import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { councilDigest } from '../digest/summary.ts';
import { getCouncil } from '../db/councils.ts';

/** The same summary the daily digest sends, on demand. */
export const digestRoutes = new Hono<AppEnv>().use(requireRole('officer', 'admin')).get('/', async (c) => {
  const p = c.get('principal');
  const council = await getCouncil(c.env.DB, p.councilId);
  return c.json(await councilDigest(c.env.DB, c.env.EVIDENCE, p.councilId, council?.name ?? ''));
});
