import type { ImapFlow } from 'imapflow';
import type { MailAction } from '@wardguard/shared/api/mail';
import type { AccountConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import type { WorkerClient } from '../worker/client.ts';
import { sha256 } from '../scan/scan-message.ts';
import { KEPT, RELEASED, SCANNED } from '../imap/keywords.ts';
import type { ReleasedSet } from '../state/released-set.ts';

/** UIDs in the selected folder holding exactly this message (Message-ID + SHA-256 of the source). */
async function findMessage(client: ImapFlow, action: MailAction): Promise<number[]> {
  const synthetic = action.messageId.endsWith('@wardguard.invalid>');
  const candidates = synthetic
    ? await client.search({ all: true }, { uid: true })
    : await client.search({ header: { 'message-id': action.messageId } }, { uid: true });
  const found: number[] = [];
  for (const uid of candidates || []) {
    const msg = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
    if (msg && msg.source && sha256(msg.source) === action.sourceSha256) found.push(uid);
  }
  return found;
}

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
  released: ReleasedSet,
): Promise<{ outcome: 'applied' | 'not_found'; detail: string }> {
  const { inbox, quarantine } = account.folders;
  const lock = await client.getMailboxLock(quarantine);
  try {
    const uids = await findMessage(client, action);
    if (uids.length > 0) {
      const range = uids.join(',');
      if (action.decision === 'keep') {
        await client.messageFlagsAdd(range, [KEPT], { uid: true });
        return { outcome: 'applied', detail: `kept ${uids.length} in ${quarantine}` };
      }
      // Durable before the MOVE: once back in the inbox it must never be quarantined again.
      await released.add(account.id, action.sourceSha256);
      await client.messageFlagsAdd(range, [RELEASED, SCANNED], { uid: true });
      const moved = await client.messageMove(range, inbox, { uid: true });
      if (!moved) throw new Error(`MOVE back to ${inbox} failed`);
      return { outcome: 'applied', detail: `moved ${uids.length} to ${inbox}` };
    }
  } finally {
    lock.release();
  }
  const inboxLock = await client.getMailboxLock(inbox);
  try {
    const there = await findMessage(client, action);
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
export async function applyPendingActions(client: ImapFlow, account: AccountConfig, worker: WorkerClient, log: Logger, released: ReleasedSet): Promise<number> {
  const actions = await worker.pendingActions(account.id);
  for (const action of actions) {
    const { outcome, detail } = await applyOne(client, account, action, released);
    await worker.ackAction(action.id, outcome, detail);
    log.info('applied decision', { actionId: action.id, decision: action.decision, outcome, detail });
  }
  return actions.length;
}
