import { Hono } from 'hono';
import { updateCouncilSchema } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { readJson } from '../http/read-json.ts';
import { councilSettings } from '../council/council-settings.ts';
import { updateCouncilHooks } from '../council/update-hooks.ts';

/**
 * The signed-in admin's own council: its webhooks. A hook URL can carry a token, so only
 * admins read it, and the custody log records which hooks changed, never the URLs.
 */
export const councilRoutes = new Hono<AppEnv>()
  .use(requireRole('admin'))
  .get('/', async (c) => c.json(await councilSettings(c.env.DB, c.get('principal').councilId)))
  .patch('/', async (c) => {
    const p = c.get('principal');
    return c.json(await updateCouncilHooks(c.env, p, await readJson(c, updateCouncilSchema)));
  });
