import { WardguardError } from '@wardguard/shared';
import type { z } from 'zod';
import type { ackActionSchema } from '@wardguard/shared/api/mail';
import type { Bindings, Principal } from '../env.ts';
import { ackActionStatement, getAction } from '../db/mail-actions.ts';
import { getRecord } from '../db/mail-records.ts';
import { appendCustody } from '../db/custody.ts';
import { isLostRace, requireChange } from '../db/write-guard.ts';
import { now } from '../db/ids.ts';

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
  const record = await getRecord(env.DB, p.councilId, action.recordId);
  const at = now();
  try {
    await appendCustody(
      env.DB,
      [
        {
          councilId: p.councilId,
          actorId: p.userId,
          action: body.outcome === 'applied' ? 'mail_action_applied' : 'mail_action_not_applied',
          itemId: record?.itemId ?? null,
          at,
          details: { actionId: action.id, decision: action.decision, outcome: body.outcome, detail: body.detail ?? null },
        },
      ],
      [ackActionStatement(env.DB, action.id, body.outcome, at), requireChange(env.DB)],
    );
  } catch (err) {
    if (!isLostRace(err)) throw err;
    const first = await getAction(env.DB, p.councilId, action.id);
    return { id: action.id, ackedAt: first?.ackedAt ?? null, outcome: first?.outcome ?? null, repeated: true };
  }
  return { id: action.id, ackedAt: at, outcome: body.outcome, repeated: false };
}
