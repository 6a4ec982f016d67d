import { WardguardError, type EvidenceView, type linkEvidenceSchema } from '@wardguard/shared';
import type { z } from 'zod';
import type { Bindings, Principal } from '../env.ts';
import { ownerScope } from '../auth/scope.ts';
import { getCase } from '../db/cases.ts';
import { linkItemStatement } from '../db/evidence.ts';
import { getPerpetrator } from '../db/perpetrators.ts';
import { appendGuarded, conflictOnLostRace } from '../db/write-guard.ts';

export type LinkPatch = z.infer<typeof linkEvidenceSchema>;

/**
 * Files an item in a case and/or under a perpetrator (null unlinks), guarded on `item` as the
 * caller read it, with the `linked` custody event naming what it was linked to before, in one
 * transaction. The case must be one of the item's councillor's; the perpetrator one the caller may see.
 */
export async function linkItem(env: Bindings, p: Principal, item: EvidenceView, patch: LinkPatch): Promise<EvidenceView> {
  const caseId = patch.caseId === undefined ? item.caseId : patch.caseId;
  const perpetratorId = patch.perpetratorId === undefined ? item.perpetratorId : patch.perpetratorId;
  if (caseId && !(await getCase(env.DB, p.councilId, caseId, item.councillorId))) {
    throw new WardguardError('NOT_FOUND', "No such case among this councillor's cases.");
  }
  if (perpetratorId && !(await getPerpetrator(env.DB, p.councilId, perpetratorId, ownerScope(p)))) {
    throw new WardguardError('NOT_FOUND', 'No such perpetrator.');
  }
  await appendGuarded(
    env.DB,
    {
      councilId: p.councilId,
      actorId: p.userId,
      action: 'linked',
      itemId: item.id,
      caseId,
      details: { caseId, perpetratorId, previous: { caseId: item.caseId, perpetratorId: item.perpetratorId } },
    },
    linkItemStatement(env.DB, item.id, { caseId, perpetratorId }, item),
  ).catch(conflictOnLostRace('Someone else linked this item at the same time; reload it.'));
  return { ...item, caseId, perpetratorId };
}
