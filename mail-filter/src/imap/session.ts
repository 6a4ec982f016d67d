import type { ImapFlow } from 'imapflow';
import { WardguardError } from '@wardguard/shared';
import type { ProcessDeps } from '../quarantine/process-message.ts';
import { FETCH_QUERY, type FetchedMessage } from '../quarantine/process-message.ts';
import { abandonBatch, createFilingQueue, finishBatch, startBatch, type StartedBatch } from '../quarantine/process-batch.ts';
import { planBatches } from '../scan/batches.ts';
import type { Config } from '../config.ts';
import { uidSet } from './uid-set.ts';
import { applyPendingActions } from '../actions/apply-actions.ts';
import { createScanProgress, type ScanProgress } from '../scan/progress.ts';
import { createImapClient, ensureFolder, requireMove } from './client.ts';
import { sleep } from '../sleep.ts';
import { sendPendingReplies } from '../replies/send-replies.ts';
import type { RepliesClient } from '../replies/replies-client.ts';

export interface SessionDeps extends ProcessDeps {
  stateDir: string;
  pollMs: number;
  /** Aborted when the filter is shutting down. */
  stopSignal: AbortSignal;
  /** The Worker's queue of approved disengagement replies (sent only for accounts with SMTP). */
  replies?: RepliesClient;
  /** Accounts whose refused messages the next scan retries (every account at start; emptied as they connect). */
  retryRefused?: Set<string>;
  /** Fetch batch bounds and filing concurrency (config `batch`). */
  batch: Config['batch'];
  /** Called after each full pass over the inbox (tests and the bench watch it). */
  onPass?(): void;
}

/** Pending messages whose sizes are asked for in one FETCH, before they are split into batches. */
const SIZE_WINDOW = 2000;

async function fetchSizes(client: ImapFlow, uids: number[]): Promise<Array<{ uid: number; size: number }>> {
  const out: Array<{ uid: number; size: number }> = [];
  for await (const m of client.fetch(uidSet(uids), { uid: true, size: true }, { uid: true })) out.push({ uid: m.uid, size: m.size ?? 0 });
  return out.sort((a, b) => a.uid - b.uid);
}

async function fetchBatch(client: ImapFlow, uids: number[]): Promise<FetchedMessage[]> {
  const out: FetchedMessage[] = [];
  for await (const m of client.fetch(uidSet(uids), FETCH_QUERY, { uid: true })) out.push(m as FetchedMessage);
  return out.sort((a, b) => a.uid - b.uid);
}

/**
 * A FETCH started before anyone awaits it: a lost connection rejects it while the batch
 * before is still being scanned, and an unhandled rejection would end the process. The
 * promise returned still rejects for whoever awaits it.
 */
function fetchAhead(client: ImapFlow, uids: number[]): Promise<FetchedMessage[]> {
  const fetching = fetchBatch(client, uids);
  fetching.catch(() => undefined);
  return fetching;
}

/** Scanned batches at most waiting for their filings to settle and their MOVE, beside the scan. */
const MAX_UNFINISHED = 4;

/** Bytes of flagged source a started batch holds until it is moved. */
const heldBytes = (b: StartedBatch): number => b.flagged.reduce((n, f) => n + f.msg.source.byteLength, 0);

/**
 * Scans every unscanned INBOX message, oldest first, until none are left, in fetch batches
 * bounded by bytes and count (config `batch`). The scan never waits for the Worker: the next
 * batch's FETCH is on the wire while this one is scanned, and a scanned batch is finished
 * (its filings awaited, its durable messages flagged and MOVEd; see process-batch.ts) in
 * order, beside the scan, while up to `MAX_UNFINISHED` batches (and a batch's worth of
 * flagged bytes, `fetchBytes`) wait for that. So memory holds two fetched batches plus the
 * flagged messages not yet moved. A message that fails for a reason other than the
 * connection is logged and left for the next pass; it is never counted as clean.
 */
async function scanInbox(client: ImapFlow, progress: ScanProgress, deps: SessionDeps): Promise<void> {
  const lock = await client.getMailboxLock(deps.account.folders.inbox);
  const limits = { maxBytes: deps.batch.fetchBytes, maxMessages: deps.batch.fetchMessages };
  const filings = createFilingQueue(deps.batch.filingConcurrency);
  const failed = new Set<number>();
  const unfinished: Array<{ batch: StartedBatch; bytes: number; finished: Promise<void> }> = [];
  let finishing: Promise<void> = Promise.resolve();
  let broken: { error: unknown } | null = null;
  // With a high-water mark nothing past a failed message may be marked done: the pass ends there.
  let behindFailure = false;
  const finishInOrder = (batch: StartedBatch) => {
    const entry = { batch, bytes: heldBytes(batch), finished: Promise.resolve() };
    unfinished.push(entry);
    entry.finished = finishing = finishing.then(async () => {
      if (behindFailure) return void (await abandonBatch(batch));
      const result = await finishBatch(client, batch, progress, deps);
      for (const uid of result.failed) failed.add(uid);
      behindFailure = result.failed.length > 0 && progress.mode === 'high-water';
    });
    // Read by the scan loop (and rethrown there); the chain stops at the first failure.
    entry.finished.then(
      () => {
        const i = unfinished.indexOf(entry);
        if (i !== -1) unfinished.splice(i, 1);
      },
      (error: unknown) => {
        broken ??= { error };
      },
    );
  };
  /** Waits while too many scanned batches, or too many flagged bytes, wait to be moved. */
  const makeRoom = async () => {
    const held = () => unfinished.reduce((n, u) => n + u.bytes, 0);
    while (!broken && unfinished.length > 0 && (unfinished.length > MAX_UNFINISHED || (unfinished.length > 1 && held() > limits.maxBytes)))
      await unfinished[0]!.finished.catch(() => undefined);
  };
  /** Whether to scan no further; a failed finish (the connection lost…) is thrown, so the session reconnects. */
  const stopScanning = () => {
    if (broken) throw broken.error;
    return behindFailure || deps.stopSignal.aborted;
  };
  let prefetch: Promise<FetchedMessage[]> | null = null;
  try {
    for (;;) {
      const uids = (await progress.pending()).filter((u) => !failed.has(u));
      if (uids.length === 0 || deps.stopSignal.aborted) return;
      for (let w = 0; w < uids.length; w += SIZE_WINDOW) {
        const plan = planBatches(await fetchSizes(client, uids.slice(w, w + SIZE_WINDOW)), limits);
        prefetch = fetchAhead(client, plan[0]!);
        for (let i = 0; i < plan.length; i++) {
          const msgs = await prefetch!;
          prefetch = i + 1 < plan.length ? fetchAhead(client, plan[i + 1]!) : null;
          finishInOrder(await startBatch(msgs, deps, filings));
          await makeRoom();
          if (stopScanning()) return;
        }
      }
      // The pass's last batches are moved before the inbox is asked again what is pending.
      await finishing;
      if (stopScanning()) return;
    }
  } finally {
    try {
      // A FETCH still on the wire is read and dropped; its messages stay for the next pass.
      await prefetch?.catch(() => undefined);
      // Leaving early (shutdown, a failure under a high-water mark, a lost connection): the
      // batches in hand are still finished in order while that is allowed and possible
      // (the chain); once it has failed, only the rest's filings are waited for, and their
      // messages stay in the inbox for the next pass to file (de-duplicated) and move.
      await finishing.catch((err: unknown) => deps.log.warn('batches in hand not finished', { error: (err as Error).message }));
      for (const { batch } of unfinished.splice(0)) await abandonBatch(batch);
    } finally {
      lock.release();
    }
  }
}

/**
 * One connection's life: ensure the quarantine folder, scan the backlog, apply officers'
 * decisions, then IDLE until new mail, the poll timer or shutdown. Returns on shutdown;
 * throws when the connection is lost, so the supervisor reconnects with a new client.
 */
export async function runSession(deps: SessionDeps): Promise<void> {
  const { account, log } = deps;
  const client = createImapClient(account.imap);
  let dirty = true;
  let wake = () => {};
  let replying: Promise<void> | null = null;
  client.on('error', (err: Error) => log.warn('imap error', { account: account.id, error: err.message }));
  client.on('exists', (ev: { path: string }) => {
    if (ev.path === account.folders.inbox) {
      dirty = true;
      wake();
    }
  });
  const closed = new AbortController();
  client.once('close', () => closed.abort());
  await client.connect();
  try {
    requireMove(client, account.id);
    await ensureFolder(client, account.folders.quarantine);
    const lock = await client.getMailboxLock(account.folders.inbox);
    let progress: ScanProgress;
    try {
      progress = await createScanProgress(client, deps.stateDir, account.id, { retryRefused: deps.retryRefused?.delete(account.id) ?? false });
    } finally {
      lock.release();
    }
    log.info('connected', { account: account.id, progress: progress.mode });
    while (!deps.stopSignal.aborted) {
      dirty = false;
      await scanInbox(client, progress, deps);
      try {
        // While the Worker is failing, asking it for decisions would only hold up the next scan.
        if (!deps.outage?.active()) await applyPendingActions(client, account, deps.worker, log, deps);
      } catch (err) {
        if (!client.usable) throw err;
        log.warn('decisions not applied this pass', { error: (err as Error).message });
      }
      // Replies run beside the scan, never in front of it: a slow or stalled SMTP server
      // (up to its timeouts) must not hold up quarantining the next threat.
      if (deps.replies && account.smtp && !replying) {
        replying = sendPendingReplies(client, account, deps.replies, log)
          .then(() => undefined)
          .catch((err: unknown) => log.warn('replies not sent this pass', { error: (err as Error).message }))
          .finally(() => {
            replying = null;
          });
      }
      deps.onPass?.();
      if (dirty || deps.stopSignal.aborted) continue;
      const select = await client.getMailboxLock(account.folders.inbox);
      select.release();
      const woken = new AbortController();
      wake = () => woken.abort();
      if (dirty) continue;
      void client.idle().catch(() => undefined);
      await sleep(deps.pollMs, [woken.signal, closed.signal, deps.stopSignal]);
      if (!client.usable && !deps.stopSignal.aborted) throw new WardguardError('IMAP_CLOSED', 'The IMAP connection closed.');
    }
  } finally {
    // A reply mid-send finishes (bounded by the SMTP timeouts) so its Sent copy and result are not cut off.
    await replying;
    if (client.usable) await client.logout().catch(() => client.close());
    else client.close();
  }
}
