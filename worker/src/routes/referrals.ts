import { Hono } from 'hono';
import { createReferralSchema, WardguardError } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { getCase } from '../db/cases.ts';
import { listNotes } from '../db/case-notes.ts';
import { listCaseReferrals } from '../db/referrals.ts';
import { listUsers } from '../db/users.ts';
import { referCase } from '../referrals/refer-case.ts';
import { withdrawReferral } from '../referrals/withdraw-referral.ts';
import { readJson } from '../http/read-json.ts';

/**
 * Officers refer a case to their council's police liaison, and withdraw it. A referral is the
 * only thing that opens a case to a liaison (auth/scope.ts `referredCase`).
 */
export const referralRoutes = new Hono<AppEnv>()
  .use(requireRole('officer', 'admin'))
  // Whom a case can be referred to: the council's active liaisons, by name.
  .get('/liaisons', async (c) => {
    const users = await listUsers(c.env.DB, c.get('principal').councilId);
    return c.json({ liaisons: users.filter((u) => u.role === 'liaison' && !u.disabledAt).map((u) => ({ id: u.id, name: u.name })) });
  })
  .post('/', async (c) => {
    const p = c.get('principal');
    const input = await readJson(c, createReferralSchema);
    return c.json(await referCase(c.env, p, input), 201);
  })
  // The case page's police panel: who it is referred to, and what the liaison has added.
  .get('/', async (c) => {
    const p = c.get('principal');
    const kase = await getCase(c.env.DB, p.councilId, c.req.query('caseId') ?? '');
    if (!kase) throw new WardguardError('NOT_FOUND', 'No such case.');
    const [referrals, notes] = await Promise.all([listCaseReferrals(c.env.DB, p.councilId, kase.id), listNotes(c.env.DB, p.councilId, kase.id)]);
    return c.json({ referrals, notes });
  })
  .post('/:id/withdraw', async (c) => {
    const p = c.get('principal');
    return c.json(await withdrawReferral(c.env, p, c.req.param('id')));
  });
