import type { ImapFlow } from 'imapflow';
import type { MailAction } from '@wardguard/shared/api/mail';
import type { AccountConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import type { WorkerClient } from '../worker/client.ts';
import { findMessage } from './find-message.ts';
import type { QuarantineIndex } from '../state/quarantine-index.ts';
import { KEPT, RELEASED, SCANNED } from '../imap/keywords.ts';
import type { ReleasedSet } from '../state/released-set.ts';

export interface DecisionState {
  released: ReleasedSet;
  /** Where this filter moved each message it quarantined (a shortcut; see quarantine-index.ts). */
  located: QuarantineIndex;
}

const FOUND_BY = { uid: 'found by the UID it was quarantined to', size: 'found by Message-ID and size', search: 'found by a full search' } as const;

/**
 * Carries out one officer decision, idempotently: release / not_abuse MOVE the message
 * from quarantine back to the inbox, marked so it is never quarantined again; keep marks
 * it. A released message already back in the inbox (a crash before the ack) counts as
 * applied; a kept one found in the inbox does not (it is reported, and left there).
 */
async function applyOne(
  client: ImapFlow,
  account: AccountConfig,
  action: MailAction,
  state: DecisionState,
): Promise<{ outcome: 'applied' | 'not_found'; detail: string }> {
  const { inbox, quarantine } = account.folders;
  const { released, located } = state;
  const lock = await client.getMailboxLock(quarantine);
  try {
    const { uids, by } = await findMessage(client, action, located.lookup(account.id, action.sourceSha256));
    const how = FOUND_BY[by];
    if (uids.length > 0) {
      const range = uids.join(',');
      if (action.decision === 'keep') {
        await client.messageFlagsAdd(range, [KEPT], { uid: true });
        return { outcome: 'applied', detail: `kept ${uids.length} in ${quarantine} (${how})` };
      }
      // Durable before the MOVE: once back in the inbox it must never be quarantined again.
      await released.add(account.id, action.sourceSha256);
      await client.messageFlagsAdd(range, [RELEASED, SCANNED], { uid: true });
      const moved = await client.messageMove(range, inbox, { uid: true });
      if (!moved) throw new Error(`MOVE back to ${inbox} failed`);
      located.forget(account.id, action.sourceSha256);
      return { outcome: 'applied', detail: `moved ${uids.length} to ${inbox} (${how})` };
    }
  } finally {
    lock.release();
  }
  const inboxLock = await client.getMailboxLock(inbox);
  try {
    const { uids: there } = await findMessage(client, action);
    if (there.length > 0) {
      // Keep: the councillor has moved it back to the inbox. The filter does not move it out
      // of their sight again on its own; it reports that the decision was not carried out.
      if (action.decision === 'keep')
        return { outcome: 'not_found', detail: `not in ${quarantine}: found in ${inbox} (moved back by the councillor?); left there` };
      await released.add(account.id, action.sourceSha256);
      await client.messageFlagsAdd(there.join(','), [RELEASED, SCANNED], { uid: true });
      return { outcome: 'applied', detail: `already in ${inbox}` };
    }
  } finally {
    inboxLock.release();
  }
  return { outcome: 'not_found', detail: `not in ${quarantine} or ${inbox} (moved by the councillor?)` };
}

/** Polls this mailbox's pending decisions, applies each and acknowledges it. */
export async function applyPendingActions(client: ImapFlow, account: AccountConfig, worker: WorkerClient, log: Logger, state: DecisionState): Promise<number> {
  const actions = await worker.pendingActions(account.id);
  for (const action of actions) {
    const { outcome, detail } = await applyOne(client, account, action, state);
    await worker.ackAction(action.id, outcome, detail);
    log.info('applied decision', { actionId: action.id, decision: action.decision, outcome, detail });
  }
  return actions.length;
}
