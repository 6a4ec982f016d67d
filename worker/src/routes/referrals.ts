import { Hono } from 'hono';
import { createReferralSchema, WardguardError } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { getCase, referCaseStatement } from '../db/cases.ts';
import { listNotes } from '../db/case-notes.ts';
import { appendCustody } from '../db/custody.ts';
import { now } from '../db/ids.ts';
import { getReferral, insertReferralStatement, isDuplicateReferral, listCaseReferrals, withdrawReferralStatement } from '../db/referrals.ts';
import { getUser, listUsers } from '../db/users.ts';
import { isLostRace, requireChange } from '../db/write-guard.ts';
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
    const kase = await getCase(c.env.DB, p.councilId, input.caseId);
    if (!kase) throw new WardguardError('NOT_FOUND', 'No such case.');
    const liaison = await getUser(c.env.DB, p.councilId, input.liaisonId);
    if (!liaison || liaison.role !== 'liaison' || liaison.disabledAt) throw new WardguardError('NOT_FOUND', 'No such police liaison in this council.');
    const { stmt, view } = insertReferralStatement(c.env.DB, p.councilId, kase.id, liaison, p.userId);
    const details = { referralId: view.id, liaisonId: liaison.id, liaisonName: liaison.name, policeReference: input.policeReference ?? kase.policeReference };
    await appendCustody(
      c.env.DB,
      [{ councilId: p.councilId, actorId: p.userId, action: 'case_referred', caseId: kase.id, details }],
      [stmt, referCaseStatement(c.env.DB, kase.id, input.policeReference ?? null, view.referredAt)],
    ).catch((err: unknown) => {
      if (isDuplicateReferral(err)) throw new WardguardError('CONFLICT', `This case is already referred to ${liaison.name}.`);
      throw err;
    });
    return c.json(view, 201);
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
    const referral = await getReferral(c.env.DB, p.councilId, c.req.param('id'));
    if (!referral) throw new WardguardError('NOT_FOUND', 'No such referral.');
    if (referral.withdrawnAt) throw new WardguardError('CONFLICT', 'This referral was already withdrawn.');
    const at = now();
    await appendCustody(
      c.env.DB,
      [
        {
          councilId: p.councilId,
          actorId: p.userId,
          action: 'referral_withdrawn',
          caseId: referral.caseId,
          details: { referralId: referral.id, liaisonId: referral.liaisonId },
        },
      ],
      [withdrawReferralStatement(c.env.DB, referral.id, p.userId, at), requireChange(c.env.DB)],
    ).catch((err: unknown) => {
      if (isLostRace(err)) throw new WardguardError('CONFLICT', 'This referral was already withdrawn.');
      throw err;
    });
    return c.json({ ...referral, withdrawnBy: p.userId, withdrawnAt: at });
  });
