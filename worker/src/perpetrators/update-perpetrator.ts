import type { PerpetratorView, updatePerpetratorSchema } from '@wardguard/shared';
import type { z } from 'zod';
import type { Bindings, Principal } from '../env.ts';
import { updatePerpetratorStatement } from '../db/perpetrators.ts';
import { appendGuarded, conflictOnLostRace } from '../db/write-guard.ts';

export type PerpetratorPatch = z.infer<typeof updatePerpetratorSchema>;

/**
 * Changes the fields the patch names, guarded on `current` (the record as the caller read it),
 * with the `perpetrator_updated` custody event naming the fields, in one transaction. A field
 * someone else changed since the read is a CONFLICT and nothing is kept.
 */
export async function updatePerpetrator(env: Bindings, p: Principal, current: PerpetratorView, patch: PerpetratorPatch): Promise<PerpetratorView> {
  const { stmt, view } = updatePerpetratorStatement(env.DB, current, patch, p.userId);
  const results = await appendGuarded(
    env.DB,
    { councilId: p.councilId, actorId: p.userId, action: 'perpetrator_updated', details: { perpetratorId: current.id, changed: Object.keys(patch) } },
    stmt,
  ).catch(conflictOnLostRace('Someone else changed this record at the same time; reload it and try again.'));
  return view(results);
}
