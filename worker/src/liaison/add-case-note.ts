import type { CaseNoteView, CaseView, CreateCaseNote } from '@wardguard/shared';
import type { Bindings, Principal } from '../env.ts';
import { getCase } from '../db/cases.ts';
import { insertNoteStatement, setPoliceReferenceStatement } from '../db/case-notes.ts';
import { appendCustody } from '../db/custody.ts';
import { conflictOnLostRace, requireChange } from '../db/write-guard.ts';

/**
 * A liaison's note or update on a referred case: the note, the crime number when the update
 * brings a new one, and the `case_note_added` custody event in one D1 transaction. `kase` is
 * the case as the caller read it (through scope.ts `referredCase`); a crime number an officer
 * changed since then is not overwritten, and nothing of the note is kept.
 */
export async function addCaseNote(env: Bindings, p: Principal, kase: CaseView, input: CreateCaseNote): Promise<{ note: CaseNoteView; case: CaseView }> {
  const { stmt, view } = insertNoteStatement(env.DB, p.councilId, kase.id, { id: p.userId, name: p.name }, input.kind, input.text);
  const reference = input.policeReference && input.policeReference !== kase.policeReference ? input.policeReference : null;
  const details = {
    noteId: view.id,
    kind: input.kind,
    text: input.text,
    ...(reference ? { policeReference: reference, previous: { policeReference: kase.policeReference } } : {}),
  };
  const statements = [stmt];
  if (reference) statements.push(setPoliceReferenceStatement(env.DB, kase.id, kase.policeReference, reference, view.createdAt), requireChange(env.DB));
  await appendCustody(env.DB, [{ councilId: p.councilId, actorId: p.userId, action: 'case_note_added', caseId: kase.id, details }], statements).catch(
    conflictOnLostRace('The crime number on this case changed while you were writing; reload it and try again.'),
  );
  return { note: view, case: (await getCase(env.DB, p.councilId, kase.id)) ?? kase };
}
