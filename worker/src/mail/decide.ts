import { WardguardError } from '@wardguard/shared';
import type { z } from 'zod';
import type { decideMailSchema, MailDecision, MailRecordView, MailState } from '@wardguard/shared/api/mail';
import type { Bindings, Principal } from '../env.ts';
import { decideRecordStatement, getRecord } from '../db/mail-records.ts';
import { insertActionStatement } from '../db/mail-actions.ts';
import { appendGuarded, conflictOnLostRace } from '../db/write-guard.ts';
import { newId, now } from '../db/ids.ts';
import { threatDecisionReason } from './threat-guard.ts';

const STATE_AFTER: Record<MailDecision, MailState> = { release: 'released', keep: 'kept', not_abuse: 'not_abuse' };
/** Kept mail can still be released later; released mail is back with the councillor. */
export const DECIDABLE: readonly MailState[] = ['quarantined', 'kept'];

export type DecideInput = z.infer<typeof decideMailSchema>;

/**
 * An officer's decision on a quarantined message: in one D1 transaction the record's new
 * state (guarded against a decision racing this one), the action the mail filter will carry
 * out, and the `mail_decided` custody event. Returns the record as it now stands.
 */
export async function decideMail(env: Bindings, p: Principal, recordId: string, input: DecideInput): Promise<MailRecordView & { actionId: string }> {
  const { decision, note, reason: given } = input;
  const record = await getRecord(env.DB, p.councilId, recordId);
  if (!record) throw new WardguardError('NOT_FOUND', 'No such mail record.');
  if (!DECIDABLE.includes(record.state)) throw new WardguardError('CONFLICT', `This message was already decided (${record.state}).`);
  // Threat level: a written reason, and the alert acknowledged (an alert is never un-acknowledged, so reading it here cannot race).
  const reason = threatDecisionReason(record, given);
  const at = now();
  const actionId = newId();
  // The losing officer's decision leaves no action for the filter and no custody event.
  await appendGuarded(
    env.DB,
    {
      councilId: p.councilId,
      actorId: p.userId,
      action: 'mail_decided',
      itemId: record.itemId,
      at,
      details: { recordId: record.id, decision, actionId, note: note ?? null, severity: record.severity, reason },
    },
    decideRecordStatement(env.DB, record.id, STATE_AFTER[decision], p.userId, at, record.state),
    insertActionStatement(env.DB, {
      id: actionId,
      councilId: p.councilId,
      recordId: record.id,
      mailbox: record.mailbox,
      decision,
      createdBy: p.userId,
      createdAt: at,
    }),
  ).catch(conflictOnLostRace('Someone else decided this message at the same time.'));
  return {
    ...record,
    state: STATE_AFTER[decision],
    decidedAt: at,
    decidedBy: p.userId,
    actionAppliedAt: null,
    actionOutcome: null,
    actionAckedAt: null,
    actionId,
  };
}
