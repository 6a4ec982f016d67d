import { Hono } from 'hono';
import { z } from 'zod';
import { TEMPLATE_KEYS, TEMPLATE_VARIABLES, templateVariables, WardguardError, type TemplateKey } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { addTemplateVersion, currentTemplates, templateVersions } from '../db/reply-templates.ts';
import { readJson } from '../http/read-json.ts';

const editSchema = z.object({
  name: z.string().trim().min(1).max(200),
  subject: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(20_000),
});

const keyOf = (k: string): TemplateKey => {
  if (!(TEMPLATE_KEYS as readonly string[]).includes(k)) throw new WardguardError('NOT_FOUND', 'No such template.');
  return k as TemplateKey;
};

/** Councils edit the wording; each save is a new version, and old versions stay readable. */
export const templateRoutes = new Hono<AppEnv>()
  .use(requireRole('officer', 'admin'))
  .get('/', async (c) => c.json({ templates: await currentTemplates(c.env.DB, c.get('principal').councilId), variables: TEMPLATE_VARIABLES }))
  .get('/:key/versions', async (c) => c.json({ versions: await templateVersions(c.env.DB, c.get('principal').councilId, keyOf(c.req.param('key'))) }))
  .put('/:key', async (c) => {
    const p = c.get('principal');
    const key = keyOf(c.req.param('key'));
    const edit = await readJson(c, editSchema);
    templateVariables(edit); // refuses unknown variables before anything is saved
    return c.json(await addTemplateVersion(c.env.DB, p.councilId, key, edit, p.userId), 201);
  });
