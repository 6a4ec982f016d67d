import { Hono } from 'hono';
import { createCaseSchema, updateCaseSchema, WardguardError } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';
import { isStaff, requireRole, targetCouncillor } from '../auth/roles.ts';
import { getCase, insertCaseStatement, listCases, updateCaseStatement } from '../db/cases.ts';
import { getUser } from '../db/users.ts';
import { appendCustody } from '../db/custody.ts';
import { isLostRace, requireChange } from '../db/write-guard.ts';
import { readJson } from '../http/read-json.ts';
import { ownerScope } from '../auth/scope.ts';

export const caseRoutes = new Hono<AppEnv>()
  .use(requireRole('councillor', 'officer', 'admin'))
  .post('/', async (c) => {
    const p = c.get('principal');
    const input = await readJson(c, createCaseSchema);
    const councillorId = targetCouncillor(p, input.councillorId);
    const councillor = await getUser(c.env.DB, p.councilId, councillorId);
    if (!councillor || councillor.role !== 'councillor') throw new WardguardError('NOT_FOUND', 'No such councillor in this council.');
    const { stmt, view } = insertCaseStatement(c.env.DB, p.councilId, councillorId, input.title, p.userId);
    await appendCustody(
      c.env.DB,
      [{ councilId: p.councilId, actorId: p.userId, action: 'case_created', caseId: view.id, details: { title: view.title, councillorId } }],
      [stmt],
    );
    return c.json(view, 201);
  })
  .get('/', async (c) => {
    const p = c.get('principal');
    const councillorId = isStaff(p) ? c.req.query('councillorId') : p.userId;
    return c.json({ cases: await listCases(c.env.DB, p.councilId, councillorId) });
  })
  .get('/:id', async (c) => {
    const p = c.get('principal');
    const found = await getCase(c.env.DB, p.councilId, c.req.param('id'), ownerScope(p));
    if (!found) throw new WardguardError('NOT_FOUND', 'No such case.');
    return c.json(found);
  })
  .patch('/:id', async (c) => {
    const p = c.get('principal');
    const current = await getCase(c.env.DB, p.councilId, c.req.param('id'), ownerScope(p));
    if (!current) throw new WardguardError('NOT_FOUND', 'No such case.');
    const patch = await readJson(c, updateCaseSchema);
    const { stmt, view } = updateCaseStatement(c.env.DB, current.id, current, patch);
    const previous = Object.fromEntries(Object.keys(patch).map((k) => [k, current[k as keyof typeof patch]]));
    const results = await appendCustody(
      c.env.DB,
      [{ councilId: p.councilId, actorId: p.userId, action: 'case_updated', caseId: current.id, details: { ...patch, previous } }],
      [stmt, requireChange(c.env.DB)],
    ).catch((err: unknown) => {
      if (isLostRace(err)) throw new WardguardError('CONFLICT', 'Someone else changed this case at the same time; reload it and try again.');
      throw err;
    });
    return c.json(view(results));
  });
