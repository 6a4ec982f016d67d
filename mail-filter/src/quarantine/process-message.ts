import type { FileMail } from '@wardguard/shared/api/mail';
import type { AccountConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Spool } from '../spool/spool.ts';
import type { WorkerClient } from '../worker/client.ts';
import { isTransient } from '../worker/client.ts';
import type { Outage } from '../worker/outage.ts';
import { WardguardError } from '@wardguard/shared';
import { scanMessage, sha256 } from '../scan/scan-message.ts';
import type { ReleasedSet } from '../state/released-set.ts';
import type { QuarantineIndex } from '../state/quarantine-index.ts';
import { shouldQuarantine, type Verdict } from '../scan/classify.ts';
import { RELEASED, SCANNED } from '../imap/keywords.ts';

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
  /** Where each quarantined message went (the MOVE's COPYUID), so decisions read one message. */
  located: QuarantineIndex;
  /** The Worker failed a moment ago: spool at once rather than wait out another timeout. */
  outage?: Outage;
}

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
        ? deps
            .onUnfiledThreatToLife(record)
            .catch((e: unknown) => deps.log.error('local threat alert failed', { messageId: record.messageId, error: (e as Error).message }))
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

/** What one fetched INBOX message needs, decided without touching the mailbox. */
export type Triage =
  | { kind: 'gone' | 'skipped' | 'clean' }
  /** Released by an officer earlier: stays in the inbox, marked done. */
  | { kind: 'released-earlier' }
  | { kind: 'flagged'; record: FileMail; verdict: Verdict };

/**
 * Parses and scores one fetched message. Touches neither the mailbox nor the Worker, so a
 * batch can be scanned first and its flagged messages filed together (see process-batch.ts).
 */
export async function triageMessage(msg: FetchedMessage, deps: Pick<ProcessDeps, 'account' | 'released'>): Promise<Triage> {
  if (!msg.source) return { kind: 'gone' };
  if (msg.flags?.has(SCANNED)) return { kind: 'skipped' };
  const { account } = deps;
  // Released by an officer: it belongs in the inbox, whatever the scan would say now. The
  // keyword where the server kept it; the local set where it did not (new UID, no keywords).
  const sourceSha256 = sha256(msg.source);
  if (msg.flags?.has(RELEASED) || deps.released.has(account.id, sourceSha256)) return { kind: 'released-earlier' };
  const internal = msg.internalDate ? new Date(msg.internalDate) : null;
  const { record, verdict } = await scanMessage(msg.source, {
    mailbox: account.id,
    councillorId: account.councillorId,
    receivedAt: internal,
    sourceSha256,
  });
  if (!shouldQuarantine(verdict.severity, account.quarantineAt)) return { kind: 'clean' };
  return { kind: 'flagged', record, verdict };
}

/** What filing a flagged message came to. Only `durable` messages may leave the inbox. */
export type Filed =
  | { kind: 'durable'; spooled: boolean }
  /** The Worker will never take it (too large, invalid…): it stays in the inbox, marked refused. */
  | { kind: 'refused'; error: unknown }
  /** An officer already released this exact message: it belongs in the inbox. */
  | { kind: 'released' };

/**
 * Makes a flagged message's record durable (Worker, or the fsynced spool) and alerts a
 * threat to life the Worker will not take. Touches no mailbox. Throws only if the spool
 * write failed; the message must then stay in the inbox.
 */
export async function fileFlagged(deps: ProcessDeps, record: FileMail, eml: Buffer): Promise<Filed> {
  const durable = await makeDurable(deps, record, eml);
  if ('refused' in durable) {
    // Left in the inbox, where the councillor still has it; not marked scanned-clean. A threat
    // to life the Worker will not record is still told to the duty officers, once.
    if (record.verdict.severity === 'threat_to_life') {
      await deps
        .onUnfiledThreatToLife(record)
        .catch((e: unknown) => deps.log.error('local threat alert failed', { messageId: record.messageId, error: (e as Error).message }));
    }
    return { kind: 'refused', error: durable.refused };
  }
  if (durable.state === 'released' || durable.state === 'not_abuse') {
    await deps.released.add(deps.account.id, record.sourceSha256);
    return { kind: 'released' };
  }
  return { kind: 'durable', spooled: durable.spooled };
}
