import { WardguardError, type CaseView } from '@wardguard/shared';
import type { Bindings, Principal } from '../env.ts';
import { insertCaseStatement } from '../db/cases.ts';
import { appendCustody } from '../db/custody.ts';
import { getUser } from '../db/users.ts';

/** A new case for a councillor of the caller's council, and its `case_created` custody event, in one transaction. */
export async function createCase(env: Bindings, p: Principal, councillorId: string, title: string): Promise<CaseView> {
  const councillor = await getUser(env.DB, p.councilId, councillorId);
  if (!councillor || councillor.role !== 'councillor') throw new WardguardError('NOT_FOUND', 'No such councillor in this council.');
  const { stmt, view } = insertCaseStatement(env.DB, p.councilId, councillorId, title, p.userId);
  await appendCustody(
    env.DB,
    [{ councilId: p.councilId, actorId: p.userId, action: 'case_created', caseId: view.id, details: { title, councillorId } }],
    [stmt],
  );
  return view;
}
