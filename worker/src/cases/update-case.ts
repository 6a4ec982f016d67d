import type { CaseView, updateCaseSchema } from '@wardguard/shared';
import type { z } from 'zod';
import type { Bindings, Principal } from '../env.ts';
import { updateCaseStatement } from '../db/cases.ts';
import { appendGuarded, conflictOnLostRace } from '../db/write-guard.ts';

export type CasePatch = z.infer<typeof updateCaseSchema>;

/**
 * Changes the fields the patch names, guarded on `current` (the case as the caller read it),
 * with the `case_updated` custody event recording what they were, in one transaction. A field
 * someone else changed since the read is a CONFLICT and nothing is kept.
 */
export async function updateCase(env: Bindings, p: Principal, current: CaseView, patch: CasePatch): Promise<CaseView> {
  const { stmt, view } = updateCaseStatement(env.DB, current.id, current, patch);
  const previous = Object.fromEntries(Object.keys(patch).map((k) => [k, current[k as keyof CasePatch]]));
  const results = await appendGuarded(
    env.DB,
    { councilId: p.councilId, actorId: p.userId, action: 'case_updated', caseId: current.id, details: { ...patch, previous } },
    stmt,
  ).catch(conflictOnLostRace('Someone else changed this case at the same time; reload it and try again.'));
  return view(results);
}
