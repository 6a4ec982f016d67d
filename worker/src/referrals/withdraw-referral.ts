import { WardguardError, type ReferralView } from '@wardguard/shared';
import type { Bindings, Principal } from '../env.ts';
import { now } from '../db/ids.ts';
import { getReferral, withdrawReferralStatement } from '../db/referrals.ts';
import { appendGuarded, conflictOnLostRace } from '../db/write-guard.ts';

/**
 * Withdraws a referral, which closes the case to that liaison (auth/scope.ts `referredCase`):
 * the withdrawal and its `referral_withdrawn` custody event in one transaction. Withdrawing it
 * twice, or a moment after another officer, is a CONFLICT and records nothing.
 */
export async function withdrawReferral(env: Bindings, p: Principal, referralId: string): Promise<ReferralView> {
  const referral = await getReferral(env.DB, p.councilId, referralId);
  if (!referral) throw new WardguardError('NOT_FOUND', 'No such referral.');
  if (referral.withdrawnAt) throw new WardguardError('CONFLICT', 'This referral was already withdrawn.');
  const at = now();
  await appendGuarded(
    env.DB,
    {
      councilId: p.councilId,
      actorId: p.userId,
      action: 'referral_withdrawn',
      caseId: referral.caseId,
      details: { referralId: referral.id, liaisonId: referral.liaisonId },
    },
    withdrawReferralStatement(env.DB, referral.id, p.userId, at),
  ).catch(conflictOnLostRace('This referral was already withdrawn.'));
  return { ...referral, withdrawnBy: p.userId, withdrawnAt: at };
}
