import { WardguardError } from '@wardguard/shared';
import type { EscalateMail, MailRecordView } from '@wardguard/shared/api/mail';
import type { Bindings, Principal } from '../env.ts';
import { decideRecordStatement, getRecord, insertEscalationStatement, isAlreadyEscalated } from '../db/mail-records.ts';
import { getItem, linkItemStatement } from '../db/evidence.ts';
import { getCase, referCaseStatement } from '../db/cases.ts';
import { getPerpetrator } from '../db/perpetrators.ts';
import { insertActionStatement } from '../db/mail-actions.ts';
import { appendCustody } from '../db/custody.ts';
import { isLostRace, requireChange } from '../db/write-guard.ts';
import { newId, now } from '../db/ids.ts';
import { DECIDABLE } from './decide.ts';

/**
 * A possible threat goes to the police, as one D1 transaction: the record is kept (with the
 * filter's 'keep' when it was still quarantined), the referral is recorded, the case and
 * perpetrator are linked and the case referred, and one `mail_escalated` custody event says
 * all of it. Returns the record as it now stands.
 */
export async function escalateMail(env: Bindings, p: Principal, recordId: string, input: EscalateMail): Promise<MailRecordView | null> {
  const record = await getRecord(env.DB, p.councilId, recordId);
  if (!record) throw new WardguardError('NOT_FOUND', 'No such mail record.');
  if (record.escalation)
    throw new WardguardError('CONFLICT', `This message was already escalated (${record.escalation.policeReference ?? 'no police reference yet'}).`);
  if (!DECIDABLE.includes(record.state))
    throw new WardguardError('CONFLICT', `This message was already decided (${record.state}); it is no longer in quarantine.`);
  const item = await getItem(env.DB, p.councilId, record.itemId);
  if (!item) throw new WardguardError('NOT_FOUND', 'The evidence item for this message is missing.');
  if (input.caseId && !(await getCase(env.DB, p.councilId, input.caseId, record.councillorId))) {
    throw new WardguardError('NOT_FOUND', "No such case among this councillor's cases.");
  }
  if (input.perpetratorId && !(await getPerpetrator(env.DB, p.councilId, input.perpetratorId))) throw new WardguardError('NOT_FOUND', 'No such perpetrator.');
  const at = now();
  const policeReference = input.policeReference ?? null;
  const caseId = input.caseId ?? item.caseId;
  const perpetratorId = input.perpetratorId ?? item.perpetratorId;
  // Quarantined mail gets the filter's 'keep'; kept mail already has it and stays where it is.
  const actionId = record.state === 'quarantined' ? newId() : null;
  const statements = [
    decideRecordStatement(env.DB, record.id, 'kept', p.userId, at, record.state),
    requireChange(env.DB),
    insertEscalationStatement(env.DB, {
      id: newId(),
      councilId: p.councilId,
      recordId: record.id,
      policeReference,
      caseId,
      perpetratorId,
      note: input.note ?? null,
      by: p.userId,
      at,
    }),
  ];
  if (actionId)
    statements.push(
      insertActionStatement(env.DB, {
        id: actionId,
        councilId: p.councilId,
        recordId: record.id,
        mailbox: record.mailbox,
        decision: 'keep',
        createdBy: p.userId,
        createdAt: at,
      }),
    );
  if (caseId !== item.caseId || perpetratorId !== item.perpetratorId) {
    statements.push(linkItemStatement(env.DB, item.id, { caseId, perpetratorId }, item), requireChange(env.DB));
  }
  if (input.caseId) statements.push(referCaseStatement(env.DB, input.caseId, policeReference, at));
  await appendCustody(
    env.DB,
    [
      {
        councilId: p.councilId,
        actorId: p.userId,
        action: 'mail_escalated',
        itemId: record.itemId,
        caseId,
        at,
        details: {
          recordId: record.id,
          policeReference,
          caseId,
          perpetratorId,
          previous: { state: record.state, caseId: item.caseId, perpetratorId: item.perpetratorId },
          actionId,
          note: input.note ?? null,
        },
      },
    ],
    statements,
  ).catch((err: unknown) => {
    // Another officer decided, escalated or relinked it at the same moment: nothing of this one is kept.
    if (isLostRace(err) || isAlreadyEscalated(err)) throw new WardguardError('CONFLICT', 'Someone else decided this message at the same time; reload it.');
    throw err;
  });
  return getRecord(env.DB, p.councilId, record.id);
}
