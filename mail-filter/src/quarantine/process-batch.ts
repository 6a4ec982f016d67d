import type { ImapFlow } from 'imapflow';
import type { FileMail } from '@wardguard/shared/api/mail';
import type { ScanProgress } from '../scan/progress.ts';
import { isThreat, type Verdict } from '../scan/classify.ts';
import { FLAGGED, QUARANTINED, REFUSED, RELEASED, THREAT } from '../imap/keywords.ts';
import { uidSet } from '../imap/uid-set.ts';
import { errorCode } from '../worker/client.ts';
import { fileFlagged, triageMessage, type FetchedMessage, type Filed, type ProcessDeps } from './process-message.ts';

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

/** A batch scanned, its flagged messages' filings under way; `finishBatch` moves them. */
export interface StartedBatch {
  failed: number[];
  notMoved: number[];
  flagged: Flagged[];
}

/**
 * Filings for one scan of the inbox: at most `concurrency` at once (the rest start in the
 * order they were queued), and the same bytes twice one after the other, so they make one
 * spool entry and one record.
 */
export function createFilingQueue(concurrency: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  const sameBytes = new Map<string, Promise<unknown>>();
  async function limited<T>(task: () => Promise<T>): Promise<T> {
    if (running >= concurrency) await new Promise<void>((r) => waiting.push(r));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  }
  return {
    file<T>(sourceSha256: string, task: () => Promise<T>): Promise<T> {
      const before = sameBytes.get(sourceSha256) ?? Promise.resolve();
      const filing = before.then(() => limited(task));
      const settled = filing.then(
        () => undefined,
        () => undefined,
      );
      sameBytes.set(sourceSha256, settled);
      void settled.then(() => {
        if (sameBytes.get(sourceSha256) === settled) sameBytes.delete(sourceSha256);
      });
      return filing;
    },
  };
}
export type FilingQueue = ReturnType<typeof createFilingQueue>;

const leftForNextPass = (client: ImapFlow, deps: ProcessDeps, failed: number[], uid: number, err: unknown) => {
  if (!client.usable) throw err;
  deps.log.error('message left in the inbox for the next pass', { account: deps.account.id, uid, error: (err as Error).message });
  failed.push(uid);
};

/**
 * Scans a fetched batch of INBOX messages in UID order (never rejects); each flagged message is filed
 * (Worker, or the fsynced spool) through `filings` as soon as it is scanned, while the
 * rest are scanned. Touches no mailbox: `finishBatch` does that once the filings settle,
 * so the session can scan the next batch meanwhile.
 */
export async function startBatch(msgs: FetchedMessage[], deps: ProcessDeps, filings: FilingQueue): Promise<StartedBatch> {
  const started: StartedBatch = { failed: [], notMoved: [], flagged: [] };
  for (const msg of msgs) {
    let triage;
    try {
      triage = await triageMessage(msg, deps);
    } catch (err) {
      // Never rejects: its filings are under way and must be waited for (finishBatch or abandonBatch).
      deps.log.error('message left in the inbox for the next pass', { account: deps.account.id, uid: msg.uid, error: (err as Error).message });
      started.failed.push(msg.uid);
      continue;
    }
    if (triage.kind === 'clean') started.notMoved.push(msg.uid);
    else if (triage.kind === 'released-earlier') {
      started.notMoved.push(msg.uid);
      deps.log.info('left in the inbox: an officer released it earlier', { account: deps.account.id, uid: msg.uid });
    } else if (triage.kind === 'flagged') {
      const { record } = triage;
      const source = msg.source!;
      const filing = filings.file(record.sourceSha256, () => fileFlagged(deps, record, source));
      filing.catch(() => undefined); // settled and read in finishBatch; never an unhandled rejection meanwhile
      started.flagged.push({ msg: { ...msg, source }, record, verdict: triage.verdict, filing });
    }
  }
  return started;
}

/** Waits for a started batch's filings without moving anything (the batch is abandoned). */
export async function abandonBatch(started: StartedBatch): Promise<void> {
  await Promise.allSettled(started.flagged.map((f) => f.filing));
}

/**
 * Once every filing of a started batch has settled, flags and MOVEs the messages whose
 * records are durable together: one STORE per keyword set and ONE UID MOVE for the batch.
 * A message whose filing failed, or that the Worker refused, is never moved. Nothing is
 * marked done until the MOVE is over, and with a high-water mark nothing past a failed
 * message is marked done at all.
 */
export async function finishBatch(client: ImapFlow, started: StartedBatch, progress: ScanProgress, deps: ProcessDeps): Promise<BatchResult> {
  const { account, log } = deps;
  const { flagged, notMoved } = started;
  const failed = [...started.failed];
  const waitStarted = performance.now();
  const settled = await Promise.allSettled(flagged.map((f) => f.filing));
  const filingWaitMs = Math.round(performance.now() - waitStarted);
  const durable: Array<Flagged & { spooled: boolean }> = [];
  const refused: Array<{ f: Flagged; error: unknown }> = [];
  const releasedNow: number[] = [];
  flagged.forEach((f, i) => {
    const s = settled[i]!;
    if (s.status === 'rejected') return leftForNextPass(client, deps, failed, f.msg.uid, s.reason);
    if (s.value.kind === 'durable') durable.push({ ...f, spooled: s.value.spooled });
    else if (s.value.kind === 'refused') refused.push({ f, error: s.value.error });
    else releasedNow.push(f.msg.uid);
  });

  if (releasedNow.length > 0) {
    try {
      await client.messageFlagsAdd(uidSet(releasedNow), [RELEASED], { uid: true, silent: true });
      notMoved.push(...releasedNow);
    } catch (err) {
      for (const uid of releasedNow) leftForNextPass(client, deps, failed, uid, err);
    }
  }

  const moved: number[] = [];
  const moveStarted = performance.now();
  if (durable.length > 0) {
    try {
      await quarantine(client, durable, deps);
      moved.push(...durable.map((d) => d.msg.uid));
    } catch (err) {
      for (const d of durable) leftForNextPass(client, deps, failed, d.msg.uid, err);
    }
  }
  for (const d of durable.filter((d) => moved.includes(d.msg.uid))) {
    log.info('quarantined', { uid: d.msg.uid, severity: d.verdict.severity, messageId: d.record.messageId, spooled: d.spooled });
  }
  if (moved.length > 0)
    log.info('quarantined a batch', {
      account: account.id,
      moved: moved.length,
      uids: uidSet(moved),
      filingWaitMs,
      moveMs: Math.round(performance.now() - moveStarted),
    });

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
  await progress.done(
    notMoved.filter(settle).sort((a, b) => a - b),
    { moved: false },
  );
  return { failed, quarantined: moved.length };
}

/**
 * Flags and MOVEs messages whose records are durable: keywords first, \Flagged in its own
 * STORE (a server that refuses our keywords must still flag a threat), then one UID MOVE.
 * The STOREs are .SILENT: nothing reads the flags back.
 */
async function quarantine(client: ImapFlow, batch: Array<Flagged & { spooled: boolean }>, deps: ProcessDeps): Promise<void> {
  const { account, log } = deps;
  const all = batch.map((d) => d.msg.uid);
  const threats = batch.filter((d) => isThreat(d.verdict.severity)).map((d) => d.msg.uid);
  const others = all.filter((uid) => !threats.includes(uid));
  const wasRefused = batch.filter((d) => d.msg.flags?.has(REFUSED)).map((d) => d.msg.uid);
  if (wasRefused.length > 0) await client.messageFlagsRemove(uidSet(wasRefused), [REFUSED], { uid: true, silent: true });
  for (const [uids, keywords] of [
    [others, [QUARANTINED]],
    [threats, [QUARANTINED, THREAT]],
  ] as const) {
    if (uids.length > 0 && !(await client.messageFlagsAdd(uidSet(uids), [...keywords], { uid: true, silent: true }))) {
      log.warn('keywords not set before quarantining', { account: account.id, uids: uidSet(uids), keywords });
    }
  }
  if (threats.length > 0 && !(await client.messageFlagsAdd(uidSet(threats), [FLAGGED], { uid: true, silent: true }))) {
    log.error('could not set \\Flagged on threats before quarantining them', { account: account.id, uids: uidSet(threats) });
  }
  const result = await client.messageMove(uidSet(all), account.folders.quarantine, { uid: true });
  if (!result) throw new Error(`MOVE of UIDs ${uidSet(all)} to ${account.folders.quarantine} failed`);
  // Servers without UIDPLUS give no COPYUID: decisions then search by Message-ID and size.
  if (result.uidMap && result.uidValidity !== undefined) {
    for (const d of batch) {
      const to = result.uidMap.get(d.msg.uid);
      if (to !== undefined) deps.located.remember(account.id, d.record.sourceSha256, result.uidValidity, to);
    }
  }
}
