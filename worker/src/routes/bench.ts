import { Hono } from 'hono';
import { WardguardError } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../auth/roles.ts';

/**
 * The upload benchmark's baseline: the same bytes PUT straight into R2 with no
 * parsing, hashing or D1. Mounted only when ENABLE_BENCH_ROUTES is "1" (local dev).
 */
export const benchRoutes = new Hono<AppEnv>()
  .use(requireRole('admin'))
  .use(async (c, next) => {
    if (c.env.ENABLE_BENCH_ROUTES !== '1') throw new WardguardError('NOT_FOUND', 'Not found.');
    await next();
  })
  .put('/raw/:key{[A-Za-z0-9_-]{1,64}}', async (c) => {
    const key = `bench/${c.req.param('key')}`;
    await c.env.EVIDENCE.put(key, await c.req.arrayBuffer());
    await c.env.EVIDENCE.delete(key);
    return c.json({ ok: true });
  });
