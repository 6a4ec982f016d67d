import type { PerpetratorView } from '@wardguard/shared';
import type { Bindings, Principal } from '../env.ts';
import { appendCustody } from '../db/custody.ts';
import { insertPerpetratorStatement, type PerpetratorFields } from '../db/perpetrators.ts';

/** A person the council records as a source of abuse, and the `perpetrator_created` custody event, in one transaction. */
export async function createPerpetrator(env: Bindings, p: Principal, fields: PerpetratorFields): Promise<PerpetratorView> {
  const { stmt, view } = insertPerpetratorStatement(env.DB, p.councilId, fields, p.userId);
  await appendCustody(
    env.DB,
    [{ councilId: p.councilId, actorId: p.userId, action: 'perpetrator_created', details: { perpetratorId: view.id, displayName: view.displayName } }],
    [stmt],
  );
  return view;
}
