import { Hono } from 'hono';
import { updateCouncilSchema, WardguardError, type CouncilSettingsView } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { appendCustody } from '../db/custody.ts';
import { getCouncilSettings, updateCouncilHooksStatement, type CouncilSettings } from '../db/councils.ts';
import { readJson } from '../http/read-json.ts';

const view = (s: CouncilSettings): CouncilSettingsView => ({
  id: s.id,
  name: s.name,
  alertWebhookUrl: s.alertWebhookUrl,
  digestWebhookUrl: s.digestWebhookUrl,
});

async function ownCouncil(db: D1Database, councilId: string): Promise<CouncilSettings> {
  const found = await getCouncilSettings(db, councilId);
  if (!found) throw new WardguardError('NOT_FOUND', 'No such council.');
  return found;
}

/**
 * The signed-in admin's own council: its webhooks. A hook URL can carry a token, so only
 * admins read it, and the custody log records which hooks changed, never the URLs.
 */
export const councilRoutes = new Hono<AppEnv>()
  .use(requireRole('admin'))
  .get('/', async (c) => c.json(view(await ownCouncil(c.env.DB, c.get('principal').councilId))))
  .patch('/', async (c) => {
    const p = c.get('principal');
    const input = await readJson(c, updateCouncilSchema);
    await ownCouncil(c.env.DB, p.councilId);
    const changed = (['alertWebhookUrl', 'digestWebhookUrl'] as const).filter((k) => input[k] !== undefined);
    await appendCustody(
      c.env.DB,
      [{ councilId: p.councilId, actorId: p.userId, action: 'council_settings_changed', details: { changed } }],
      [updateCouncilHooksStatement(c.env.DB, p.councilId, input)],
    );
    return c.json(view(await ownCouncil(c.env.DB, p.councilId)));
  });
