import { Hono } from 'hono';
import { createCaseSchema, updateCaseSchema, WardguardError } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';
import { isStaff, requireRole, targetCouncillor } from '../auth/roles.ts';
import { getCase, listCases } from '../db/cases.ts';
import { readJson } from '../http/read-json.ts';
import { ownerScope } from '../auth/scope.ts';
import { createCase } from '../cases/create-case.ts';
import { updateCase } from '../cases/update-case.ts';

export const caseRoutes = new Hono<AppEnv>()
  .use(requireRole('councillor', 'officer', 'admin'))
  .post('/', async (c) => {
    const p = c.get('principal');
    const input = await readJson(c, createCaseSchema);
    return c.json(await createCase(c.env, p, targetCouncillor(p, input.councillorId), input.title), 201);
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
    return c.json(await updateCase(c.env, p, current, await readJson(c, updateCaseSchema)));
  });
