import { WardguardError, type EvidenceView } from '@wardguard/shared';
import type { Principal } from '../env.ts';
import { canActFor, isStaff } from './roles.ts';
import { getItem, isFiledMail } from '../db/evidence.ts';

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
