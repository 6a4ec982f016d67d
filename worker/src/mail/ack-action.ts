import { WardguardError } from '@wardguard/shared';
import type { z } from 'zod';
import type { ackActionSchema } from '@wardguard/shared/api/mail';
import { isLostRace } from '../db/write-guard.ts';
import { appendRecordEvent } from '../custody/record-event.ts';
import type { Bindings, Principal } from '../env.ts';
import { ackActionStatement, getAction } from '../db/mail-actions.ts';

export type AckActionInput = z.infer<typeof ackActionSchema>;

export interface AckedAction {
  id: string;
  ackedAt: string | null;
  outcome: string | null;
  /** True when the action had been acknowledged before this call. */
  repeated: boolean;
}

/**
 * The mail filter reports what became of a decision in the mailbox: the action's outcome and
 * its custody event in one transaction. A decision the filter could not carry out (the
 * message was not where it should be) is logged as not applied: the custody log must never
 * claim a move that did not happen. Acknowledging twice is a no-op, because the filter may
 * crash between applying and hearing back.
 */
export async function ackAction(env: Bindings, p: Principal, actionId: string, body: AckActionInput): Promise<AckedAction> {
  const action = await getAction(env.DB, p.councilId, actionId);
  if (!action) throw new WardguardError('NOT_FOUND', 'No such action.');
  if (action.ackedAt) return { id: action.id, ackedAt: action.ackedAt, outcome: action.outcome, repeated: true };
  let at: string;
  try {
    at = await appendRecordEvent(
      env,
      p,
      action.recordId,
      body.outcome === 'applied' ? 'mail_action_applied' : 'mail_action_not_applied',
      { actionId: action.id, decision: action.decision, outcome: body.outcome, detail: body.detail ?? null },
      (at) => ackActionStatement(env.DB, action.id, body.outcome, at),
    );
  } catch (err) {
    if (!isLostRace(err)) throw err;
    const first = await getAction(env.DB, p.councilId, action.id);
    return { id: action.id, ackedAt: first?.ackedAt ?? null, outcome: first?.outcome ?? null, repeated: true };
  }
  return { id: action.id, ackedAt: at, outcome: body.outcome, repeated: false };
}
