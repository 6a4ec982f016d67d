import { WardguardError, type CaseView, type EvidenceView, type ReferralView } from '@wardguard/shared';
import type { Principal } from '../env.ts';
import { canActFor, isLiaison, isStaff } from './roles.ts';
import { getItem, isFiledMail } from '../db/evidence.ts';
import { getCase } from '../db/cases.ts';
import type { ExportRecord } from '../db/exports.ts';
import { liveReferral } from '../db/referrals.ts';

/**
 * Who may see what, in one place. Staff see their whole council; a councillor sees what is
 * theirs. Every query that takes an owner filter gets it from `ownerScope`.
 */
export const ownerScope = (p: Principal): string | undefined => (isStaff(p) ? undefined : p.userId);

/**
 * An item the caller may see, or a 404 that does not reveal whether it exists.
 * Quarantined mail is filed under the councillor but is for officers only: the point of
 * the filter is that the councillor does not have to read it.
 */
export async function visibleItem(db: D1Database, p: Principal, id: string): Promise<EvidenceView> {
  const item = await getItem(db, p.councilId, id);
  if (!item || !canActFor(p, item.councillorId)) throw new WardguardError('NOT_FOUND', 'No such evidence item.');
  if (!isStaff(p) && item.kind === 'email' && (await isFiledMail(db, item.id))) throw new WardguardError('NOT_FOUND', 'No such evidence item.');
  return item;
}

/** A case with its live referral to the calling liaison. */
export interface ReferredCase {
  kase: CaseView;
  referral: ReferralView;
}

/**
 * A case the calling liaison may open: one an officer referred to them and has not withdrawn.
 * Anything else (another council's case, an unreferred one, one referred to someone else)
 * is a 404 that does not reveal whether it exists.
 */
export async function referredCase(db: D1Database, p: Principal, caseId: string): Promise<ReferredCase> {
  const referral = isLiaison(p) ? await liveReferral(db, p.councilId, caseId, p.userId) : null;
  const kase = referral ? await getCase(db, p.councilId, caseId) : null;
  if (!referral || !kase) throw new WardguardError('NOT_FOUND', 'No such case.');
  return { kase, referral };
}

/** Evidence filed in a case referred to the calling liaison (checked first), or a 404. */
export async function referredItem(db: D1Database, p: Principal, caseId: string, itemId: string): Promise<EvidenceView> {
  await referredCase(db, p, caseId);
  const item = await getItem(db, p.councilId, itemId);
  if (!item || item.caseId !== caseId) throw new WardguardError('NOT_FOUND', 'No such evidence item.');
  return item;
}

/**
 * A pack a liaison may download from a referred case: a police pack of that whole case whose
 * frozen exhibits are all still in it. A pack of a perpetrator, a selection or a platform,
 * or one holding an item since moved out of the case, would reach beyond the referral.
 */
export const isReferredPack = (record: ExportRecord, caseId: string, caseItemIds: ReadonlySet<string>): boolean =>
  record.variant === 'police' && record.scope.kind === 'case' && record.scope.id === caseId && record.itemIds.every((id) => caseItemIds.has(id));
