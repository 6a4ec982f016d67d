import type { ImapFlow } from 'imapflow';
import type { FileMail } from '@wardguard/shared/api/mail';
import type { AccountConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Spool } from '../spool/spool.ts';
import type { WorkerClient } from '../worker/client.ts';
import { errorCode, isTransient } from '../worker/client.ts';
import type { Outage } from '../worker/outage.ts';
import { WardguardError } from '@wardguard/shared';
import type { ScanProgress } from '../scan/progress.ts';
import { scanMessage, sha256 } from '../scan/scan-message.ts';
import type { ReleasedSet } from '../state/released-set.ts';
import { isThreat, shouldQuarantine } from '../scan/classify.ts';
import { FLAGGED, QUARANTINED, REFUSED, RELEASED, SCANNED, THREAT } from '../imap/keywords.ts';

export interface ProcessDeps {
  account: AccountConfig;
  worker: WorkerClient;
  spool: Spool;
  log: Logger;
  /**
   * A threat to life the Worker did not take: alert the duty officers from here, now, and
   * only once per message (see outbox/local-alerts.ts). Called before the spool write.
   */
  onUnfiledThreatToLife(record: FileMail): Promise<unknown>;
  /** The Worker raised a new threat alert for a message just filed: email the duty officers now. */
  onAlert?(alertId: string): void;
  /** Messages officers released: never filed or moved again. */
  released: ReleasedSet;
  /** The Worker failed a moment ago: spool at once rather than wait out another timeout. */
  outage?: Outage;
}

export type Outcome = 'gone' | 'skipped' | 'clean' | 'quarantined' | 'spooled' | 'released-earlier' | 'refused';

type Durable = { state: string; spooled: boolean; alertId: string | null } | { refused: unknown };

async function fileWithWorker(deps: ProcessDeps, record: FileMail, eml: Buffer) {
  if (deps.outage?.active()) throw new WardguardError('WORKER_UNAVAILABLE', 'The Worker failed a moment ago; not asked again yet.');
  try {
    const result = await deps.worker.fileMail(record, eml);
    deps.outage?.ended();
    return result;
  } catch (err) {
    if (isTransient(err)) deps.outage?.failed();
    throw err;
  }
}

/**
 * Makes the record durable: the Worker's acknowledgement, or failing a transient error an
 * fsynced spool entry. A permanent refusal (too large, invalid, unknown councillor, bad
 * token) is returned, never spooled: the message must then stay in the inbox, because no
 * officer would ever see a record the Worker will not take. Throws only if the spool
 * write failed, and then too the message must stay put. A threat to life is alerted
 * before the spool write: a full or read-only disk must not silence it.
 */
async function makeDurable(deps: ProcessDeps, record: FileMail, eml: Buffer): Promise<Durable> {
  try {
    const result = await fileWithWorker(deps, record, eml);
    if (result.alertId && result.created) deps.onAlert?.(result.alertId);
    return { state: result.state, spooled: false, alertId: result.alertId };
  } catch (err) {
    if (!isTransient(err)) return { refused: err };
    deps.log.warn('the Worker did not take the record; spooling it', { messageId: record.messageId, error: (err as Error).message });
    // The alert is on its way before the spool write starts, and is seen through whether or
    // not the write works (it runs beside it, so a slow SMTP server does not delay the write).
    const alerted =
      record.verdict.severity === 'threat_to_life'
        ? deps.onUnfiledThreatToLife(record).catch((e: unknown) => deps.log.error('local threat alert failed', { messageId: record.messageId, error: (e as Error).message }))
        : null;
    try {
      await deps.spool.put(record, eml);
    } finally {
      await alerted;
    }
    return { state: 'quarantined', spooled: true, alertId: null };
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
  // Released by an officer: it belongs in the inbox, whatever the scan would say now. The
  // keyword where the server kept it; the local set where it did not (new UID, no keywords).
  if (msg.flags?.has(RELEASED) || deps.released.has(account.id, sha256(msg.source))) {
    await progress.done([uid], { moved: false });
    deps.log.info('left in the inbox: an officer released it earlier', { account: account.id, uid });
    return 'released-earlier';
  }
  const internal = msg.internalDate ? new Date(msg.internalDate) : null;
  const { record, verdict } = await scanMessage(msg.source, { mailbox: account.id, councillorId: account.councillorId, receivedAt: internal });
  if (!shouldQuarantine(verdict.severity, account.quarantineAt)) return 'clean';
  const durable = await makeDurable(deps, record, msg.source);
  if ('refused' in durable) {
    // Left in the inbox, where the councillor still has it; not marked scanned-clean. A threat
    // to life the Worker will not record is still told to the duty officers, once.
    if (record.verdict.severity === 'threat_to_life') {
      await deps.onUnfiledThreatToLife(record).catch((e: unknown) => deps.log.error('local threat alert failed', { messageId: record.messageId, error: (e as Error).message }));
    }
    await progress.refused(uid);
    deps.log.error('the Worker REFUSED this message; it stays in the inbox, unrecorded, until the cause is fixed and the filter restarts', {
      account: account.id,
      uid,
      code: errorCode(durable.refused),
      error: (durable.refused as Error).message,
      messageId: record.messageId,
      severity: verdict.severity,
    });
    return 'refused';
  }
  if (durable.state === 'released' || durable.state === 'not_abuse') {
    // An officer already released this exact message: it belongs in the inbox.
    await deps.released.add(account.id, record.sourceSha256);
    await client.messageFlagsAdd(String(uid), [RELEASED], { uid: true });
    await progress.done([uid], { moved: false });
    return 'released-earlier';
  }
  if (msg.flags?.has(REFUSED)) await client.messageFlagsRemove(String(uid), [REFUSED], { uid: true });
  // \Flagged in its own STORE: a server that refuses our keywords must still flag a threat.
  const keywords = [QUARANTINED, ...(isThreat(verdict.severity) ? [THREAT] : [])];
  if (!(await client.messageFlagsAdd(String(uid), keywords, { uid: true }))) {
    deps.log.warn('keywords not set before quarantining', { account: account.id, uid, keywords });
  }
  if (isThreat(verdict.severity) && !(await client.messageFlagsAdd(String(uid), [FLAGGED], { uid: true }))) {
    deps.log.error('could not set \\Flagged on a threat before quarantining it', { account: account.id, uid, messageId: record.messageId });
  }
  const moved = await client.messageMove(String(uid), account.folders.quarantine, { uid: true });
  if (!moved) throw new Error(`MOVE of UID ${uid} to ${account.folders.quarantine} failed`);
  await progress.done([uid], { moved: true });
  deps.log.info('quarantined', { uid, severity: verdict.severity, messageId: record.messageId, spooled: durable.spooled });
  return durable.spooled ? 'spooled' : 'quarantined';
}
