import { WardguardError, type CreateReferral, type ReferralView } from '@wardguard/shared';
import type { Bindings, Principal } from '../env.ts';
import { getCase, referCaseStatement } from '../db/cases.ts';
import { appendCustody } from '../db/custody.ts';
import { insertReferralStatement, isDuplicateReferral } from '../db/referrals.ts';
import { getUser } from '../db/users.ts';

/**
 * An officer refers a case to one of the council's active police liaisons: the referral, the
 * case marked referred (keeping a crime number it already had) and the `case_referred` custody
 * event, in one transaction. Referring it twice to the same liaison is a CONFLICT.
 */
export async function referCase(env: Bindings, p: Principal, input: CreateReferral): Promise<ReferralView> {
  const kase = await getCase(env.DB, p.councilId, input.caseId);
  if (!kase) throw new WardguardError('NOT_FOUND', 'No such case.');
  const liaison = await getUser(env.DB, p.councilId, input.liaisonId);
  if (!liaison || liaison.role !== 'liaison' || liaison.disabledAt) throw new WardguardError('NOT_FOUND', 'No such police liaison in this council.');
  const { stmt, view } = insertReferralStatement(env.DB, p.councilId, kase.id, liaison, p.userId);
  // The case keeps a crime number it already had; the log names the number it holds and, when the
  // officer offered a different one, that one too, so the record never claims a change not made.
  const kept = kase.policeReference ?? input.policeReference ?? null;
  const notApplied = input.policeReference && kept !== input.policeReference ? { policeReferenceNotApplied: input.policeReference } : {};
  const details = { referralId: view.id, liaisonId: liaison.id, liaisonName: liaison.name, policeReference: kept, ...notApplied };
  await appendCustody(
    env.DB,
    [{ councilId: p.councilId, actorId: p.userId, action: 'case_referred', caseId: kase.id, details }],
    [stmt, referCaseStatement(env.DB, kase.id, input.policeReference ?? null, view.referredAt)],
  ).catch((err: unknown) => {
    if (isDuplicateReferral(err)) throw new WardguardError('CONFLICT', `This case is already referred to ${liaison.name}.`);
    throw err;
  });
  return view;
}
