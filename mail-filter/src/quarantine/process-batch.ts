import type { ImapFlow } from 'imapflow';
import type { FileMail } from '@wardguard/shared/api/mail';
import type { ScanProgress } from '../scan/progress.ts';
import { isThreat, type Verdict } from '../scan/classify.ts';
import { FLAGGED, QUARANTINED, REFUSED, RELEASED, THREAT } from '../imap/keywords.ts';
import { uidSet } from '../imap/uid-set.ts';
import { errorCode } from '../worker/client.ts';
import { fileFlagged, triageMessage, type FetchedMessage, type Filed, type ProcessDeps } from './process-message.ts';

export interface BatchOptions {
  /** Flagged messages filed with the Worker at once. */
  filingConcurrency: number;
}

export interface BatchResult {
  /** Left in the inbox for the next pass after an error; never counted as clean. */
  failed: number[];
  quarantined: number;
}

interface Flagged {
  msg: FetchedMessage & { source: Buffer };
  record: FileMail;
  verdict: Verdict;
  filing: Promise<Filed>;
}

/** At most `n` tasks at once; the rest start in the order they were queued. */
function createLimit(n: number) {
  let running = 0;
  const queue: Array<() => void> = [];
  return async function limited<T>(task: () => Promise<T>): Promise<T> {
    if (running >= n) await new Promise<void>((r) => queue.push(r));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      queue.shift()?.();
    }
  };
}

/**
 * One fetched batch of INBOX messages, with the INBOX lock held. Scans them in UID order;
 * each flagged message is filed (Worker, or the fsynced spool) as soon as it is scanned,
 * `filingConcurrency` at a time, while the rest are scanned. Once every filing has settled,
 * the messages whose records are durable are flagged and MOVEd to quarantine together: one
 * STORE per keyword set and ONE UID MOVE for the batch. A message whose filing failed, or
 * that the Worker refused, is never moved. Nothing is marked done until the MOVE is over,
 * and with a high-water mark nothing past a failed message is marked done at all.
 */
export async function processBatch(client: ImapFlow, msgs: FetchedMessage[], progress: ScanProgress, deps: ProcessDeps, opts: BatchOptions): Promise<BatchResult> {
  const { account, log } = deps;
  const limit = createLimit(opts.filingConcurrency);
  const failed: number[] = [];
  const notMoved: number[] = [];
  const flagged: Flagged[] = [];
  // The same bytes twice in one batch are filed one after the other: one spool entry, one record.
  const sameBytes = new Map<string, Promise<unknown>>();
  const leftForNextPass = (uid: number, err: unknown) => {
    if (!client.usable) throw err;
    log.error('message left in the inbox for the next pass', { account: account.id, uid, error: (err as Error).message });
    failed.push(uid);
  };

  for (const msg of msgs) {
    let triage;
    try {
      triage = await triageMessage(msg, deps);
    } catch (err) {
      leftForNextPass(msg.uid, err);
      continue;
    }
    if (triage.kind === 'clean') notMoved.push(msg.uid);
    else if (triage.kind === 'released-earlier') {
      notMoved.push(msg.uid);
      log.info('left in the inbox: an officer released it earlier', { account: account.id, uid: msg.uid });
    } else if (triage.kind === 'flagged') {
      const { record } = triage;
      const source = msg.source!;
      const before = sameBytes.get(record.sourceSha256) ?? Promise.resolve();
      const filing = before.then(() => limit(() => fileFlagged(deps, record, source)));
      filing.catch(() => undefined); // settled and read below; never an unhandled rejection meanwhile
      sameBytes.set(record.sourceSha256, filing.catch(() => undefined));
      flagged.push({ msg: { ...msg, source }, record, verdict: triage.verdict, filing });
    }
  }

  const settled = await Promise.allSettled(flagged.map((f) => f.filing));
  const durable: Array<Flagged & { spooled: boolean }> = [];
  const refused: Array<{ f: Flagged; error: unknown }> = [];
  const releasedNow: number[] = [];
  flagged.forEach((f, i) => {
    const s = settled[i]!;
    if (s.status === 'rejected') return leftForNextPass(f.msg.uid, s.reason);
    if (s.value.kind === 'durable') durable.push({ ...f, spooled: s.value.spooled });
    else if (s.value.kind === 'refused') refused.push({ f, error: s.value.error });
    else releasedNow.push(f.msg.uid);
  });

  if (releasedNow.length > 0) {
    try {
      await client.messageFlagsAdd(uidSet(releasedNow), [RELEASED], { uid: true });
      notMoved.push(...releasedNow);
    } catch (err) {
      for (const uid of releasedNow) leftForNextPass(uid, err);
    }
  }

  const moved: number[] = [];
  if (durable.length > 0) {
    try {
      await quarantine(client, durable, deps);
      moved.push(...durable.map((d) => d.msg.uid));
    } catch (err) {
      for (const d of durable) leftForNextPass(d.msg.uid, err);
    }
  }
  for (const d of durable.filter((d) => moved.includes(d.msg.uid))) {
    log.info('quarantined', { uid: d.msg.uid, severity: d.verdict.severity, messageId: d.record.messageId, spooled: d.spooled });
  }
  if (moved.length > 0) log.info('quarantined a batch', { account: account.id, moved: moved.length, uids: uidSet(moved) });

  // With a high-water mark, the mark may not pass a message left for the next pass.
  const firstFailed = failed.length > 0 ? Math.min(...failed) : Infinity;
  const settle = (uid: number) => progress.mode === 'keyword' || uid < firstFailed;
  for (const { f, error } of refused) {
    if (settle(f.msg.uid)) await progress.refused(f.msg.uid);
    log.error('the Worker REFUSED this message; it stays in the inbox, unrecorded, until the cause is fixed and the filter restarts', {
      account: account.id,
      uid: f.msg.uid,
      code: errorCode(error),
      error: (error as Error).message,
      messageId: f.record.messageId,
      severity: f.verdict.severity,
    });
  }
  await progress.done(moved.filter(settle), { moved: true });
  await progress.done(notMoved.filter(settle).sort((a, b) => a - b), { moved: false });
  return { failed, quarantined: moved.length };
}

/**
 * Flags and MOVEs messages whose records are durable: keywords first, \Flagged in its own
 * STORE (a server that refuses our keywords must still flag a threat), then one UID MOVE.
 */
async function quarantine(client: ImapFlow, batch: Array<Flagged & { spooled: boolean }>, deps: ProcessDeps): Promise<void> {
  const { account, log } = deps;
  const all = batch.map((d) => d.msg.uid);
  const threats = batch.filter((d) => isThreat(d.verdict.severity)).map((d) => d.msg.uid);
  const others = all.filter((uid) => !threats.includes(uid));
  const wasRefused = batch.filter((d) => d.msg.flags?.has(REFUSED)).map((d) => d.msg.uid);
  if (wasRefused.length > 0) await client.messageFlagsRemove(uidSet(wasRefused), [REFUSED], { uid: true });
  for (const [uids, keywords] of [[others, [QUARANTINED]], [threats, [QUARANTINED, THREAT]]] as const) {
    if (uids.length > 0 && !(await client.messageFlagsAdd(uidSet(uids), [...keywords], { uid: true }))) {
      log.warn('keywords not set before quarantining', { account: account.id, uids: uidSet(uids), keywords });
    }
  }
  if (threats.length > 0 && !(await client.messageFlagsAdd(uidSet(threats), [FLAGGED], { uid: true }))) {
    log.error('could not set \\Flagged on threats before quarantining them', { account: account.id, uids: uidSet(threats) });
  }
  const result = await client.messageMove(uidSet(all), account.folders.quarantine, { uid: true });
  if (!result) throw new Error(`MOVE of UIDs ${uidSet(all)} to ${account.folders.quarantine} failed`);
}
