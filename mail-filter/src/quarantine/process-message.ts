import type { ImapFlow } from 'imapflow';
import type { FileMail } from '@wardguard/shared/api/mail';
import type { AccountConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Spool } from '../spool/spool.ts';
import type { WorkerClient } from '../worker/client.ts';
import type { ScanProgress } from '../scan/progress.ts';
import { scanMessage } from '../scan/scan-message.ts';
import { isThreat, shouldQuarantine } from '../scan/classify.ts';
import { FLAGGED, QUARANTINED, RELEASED, SCANNED, THREAT } from '../imap/keywords.ts';

export interface ProcessDeps {
  account: AccountConfig;
  worker: WorkerClient;
  spool: Spool;
  log: Logger;
  /** A threat to life that could only be spooled: alert the duty officers from here, now. */
  onSpooledThreatToLife(record: FileMail): Promise<void>;
}

export type Outcome = 'gone' | 'skipped' | 'clean' | 'quarantined' | 'spooled' | 'released-earlier';

/**
 * Makes the record durable: the Worker's acknowledgement, or failing that an fsynced
 * spool entry. Throws only if neither happened, and then the message must stay put.
 */
async function makeDurable(deps: ProcessDeps, record: FileMail, eml: Buffer): Promise<{ state: string; spooled: boolean }> {
  try {
    const result = await deps.worker.fileMail(record, eml);
    return { state: result.state, spooled: false };
  } catch (err) {
    deps.log.warn('the Worker did not take the record; spooling it', { messageId: record.messageId, error: (err as Error).message });
    await deps.spool.put(record, eml);
    if (record.verdict.severity === 'threat_to_life') {
      await deps.onSpooledThreatToLife(record).catch((e: unknown) => deps.log.error('local threat alert failed', { error: (e as Error).message }));
    }
    return { state: 'quarantined', spooled: true };
  }
}

/** What the scan loop fetched for one INBOX message. */
export interface FetchedMessage {
  uid: number;
  source?: Buffer;
  flags?: Set<string>;
  internalDate?: Date | string;
}

export const FETCH_QUERY = { uid: true, source: true, flags: true, internalDate: true } as const;

/**
 * One fetched INBOX message, with the INBOX lock held: parse, score. Clean mail is left to
 * the caller to mark done (in one STORE per batch); flagged or unreadable mail is recorded
 * durably FIRST, then flagged and MOVEd to the quarantine folder. Never deletes anything.
 */
export async function processMessage(client: ImapFlow, msg: FetchedMessage, progress: ScanProgress, deps: ProcessDeps): Promise<Outcome> {
  const { uid } = msg;
  if (!msg.source) return 'gone';
  if (msg.flags?.has(SCANNED)) return 'skipped';
  const { account } = deps;
  const internal = msg.internalDate ? new Date(msg.internalDate) : null;
  const { record, verdict } = await scanMessage(msg.source, { mailbox: account.id, councillorId: account.councillorId, receivedAt: internal });
  if (!shouldQuarantine(verdict.severity, account.quarantineAt)) return 'clean';
  const durable = await makeDurable(deps, record, msg.source);
  if (durable.state === 'released' || durable.state === 'not_abuse') {
    // An officer already released this exact message: it belongs in the inbox.
    await client.messageFlagsAdd(String(uid), [RELEASED], { uid: true });
    await progress.done([uid], { moved: false });
    return 'released-earlier';
  }
  const flags = [QUARANTINED, ...(isThreat(verdict.severity) ? [FLAGGED, THREAT] : [])];
  await client.messageFlagsAdd(String(uid), flags, { uid: true });
  const moved = await client.messageMove(String(uid), account.folders.quarantine, { uid: true });
  if (!moved) throw new Error(`MOVE of UID ${uid} to ${account.folders.quarantine} failed`);
  await progress.done([uid], { moved: true });
  deps.log.info('quarantined', { uid, severity: verdict.severity, messageId: record.messageId, spooled: durable.spooled });
  return durable.spooled ? 'spooled' : 'quarantined';
}
