import { Hono } from 'hono';
import { createPerpetratorSchema, updatePerpetratorSchema, WardguardError } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';
import { isStaff, requireRole } from '../auth/roles.ts';
import { getPerpetrator, insertPerpetratorStatement, listPerpetrators, perpetratorCreatedBy, updatePerpetratorStatement } from '../db/perpetrators.ts';
import { appendCustody } from '../db/custody.ts';
import { isLostRace, requireChange } from '../db/write-guard.ts';
import { readJson } from '../http/read-json.ts';
import { ownerScope } from '../auth/scope.ts';

export const perpetratorRoutes = new Hono<AppEnv>()
  .use(requireRole('councillor', 'officer', 'admin'))
  .post('/', async (c) => {
    const p = c.get('principal');
    const input = await readJson(c, createPerpetratorSchema);
    const { stmt, view } = insertPerpetratorStatement(c.env.DB, p.councilId, input, p.userId);
    await appendCustody(
      c.env.DB,
      [{ councilId: p.councilId, actorId: p.userId, action: 'perpetrator_created', details: { perpetratorId: view.id, displayName: view.displayName } }],
      [stmt],
    );
    return c.json(view, 201);
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
    const { stmt, view } = updatePerpetratorStatement(c.env.DB, current, patch, p.userId);
    const results = await appendCustody(
      c.env.DB,
      [{ councilId: p.councilId, actorId: p.userId, action: 'perpetrator_updated', details: { perpetratorId: current.id, changed: Object.keys(patch) } }],
      [stmt, requireChange(c.env.DB)],
    ).catch((err: unknown) => {
      if (isLostRace(err)) throw new WardguardError('CONFLICT', 'Someone else changed this record at the same time; reload it and try again.');
      throw err;
    });
    return c.json(view(results));
  });
