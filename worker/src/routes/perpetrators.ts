import { Hono } from 'hono';
import { createPerpetratorSchema, updatePerpetratorSchema, WardguardError } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';
import { isStaff, requireRole } from '../auth/roles.ts';
import { getPerpetrator, listPerpetrators, perpetratorCreatedBy } from '../db/perpetrators.ts';
import { createPerpetrator } from '../perpetrators/create-perpetrator.ts';
import { updatePerpetrator } from '../perpetrators/update-perpetrator.ts';
import { readJson } from '../http/read-json.ts';
import { ownerScope } from '../auth/scope.ts';

export const perpetratorRoutes = new Hono<AppEnv>()
  .use(requireRole('councillor', 'officer', 'admin'))
  .post('/', async (c) => {
    const p = c.get('principal');
    const input = await readJson(c, createPerpetratorSchema);
    return c.json(await createPerpetrator(c.env, p, input), 201);
  })
  .get('/', async (c) => {
    const p = c.get('principal');
    return c.json({ perpetrators: await listPerpetrators(c.env.DB, p.councilId, ownerScope(p)) });
  })
  .get('/:id', async (c) => {
    const p = c.get('principal');
    const found = await getPerpetrator(c.env.DB, p.councilId, c.req.param('id'), ownerScope(p));
    if (!found) throw new WardguardError('NOT_FOUND', 'No such perpetrator.');
    return c.json(found);
  })
  .patch('/:id', async (c) => {
    const p = c.get('principal');
    const current = await getPerpetrator(c.env.DB, p.councilId, c.req.param('id'), ownerScope(p));
    if (!current) throw new WardguardError('NOT_FOUND', 'No such perpetrator.');
    // Perpetrator records are shared council-wide; a councillor may only correct their own.
    if (!isStaff(p) && (await perpetratorCreatedBy(c.env.DB, current.id)) !== p.userId) {
      throw new WardguardError('FORBIDDEN', 'Only officers can change a perpetrator record someone else created.');
    }
    const patch = await readJson(c, updatePerpetratorSchema);
    if (patch.disengaged !== undefined && !isStaff(p)) throw new WardguardError('FORBIDDEN', 'Only officers can disengage the council from a person.');
    return c.json(await updatePerpetrator(c.env, p, current, patch));
  });
