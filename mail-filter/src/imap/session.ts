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
 * Scans every unscanned INBOX message, oldest first, until none are left, in fetch batches
 * bounded by bytes and count (config `batch`). Pipelined one batch deep: while batch k+1 is
 * scanned (and its flagged messages filed), batch k's last filings settle and its durable
 * messages are flagged and MOVEd (see process-batch.ts). So at most two batches' flagged
 * sources are held, one batch's clean ones. A message that fails for a reason other than the
 * connection is logged and left for the next pass; it is never counted as clean.
 */
async function scanInbox(client: ImapFlow, progress: ScanProgress, deps: SessionDeps): Promise<void> {
  const lock = await client.getMailboxLock(deps.account.folders.inbox);
  const limits = { maxBytes: deps.batch.fetchBytes, maxMessages: deps.batch.fetchMessages };
  const filings = createFilingQueue(deps.batch.filingConcurrency);
  const failed = new Set<number>();
  let pending: StartedBatch | null = null;
  let starting: Promise<StartedBatch> | null = null;
  let behindFailure = false;
  /** Finishes the batch in hand; false when the pass must end (high-water mark behind a failure). */
  const finish = async (): Promise<boolean> => {
    const batch = pending;
    pending = null;
    if (!batch) return true;
    const result = await finishBatch(client, batch, progress, deps);
    for (const uid of result.failed) failed.add(uid);
    // With a high-water mark nothing past a failed message may be marked done: the pass ends here.
    behindFailure = result.failed.length > 0 && progress.mode === 'high-water';
    return !behindFailure;
  };
  try {
    for (;;) {
      const uids = (await progress.pending()).filter((u) => !failed.has(u));
      if (uids.length === 0 || deps.stopSignal.aborted) return;
      for (let w = 0; w < uids.length; w += SIZE_WINDOW) {
        for (const batch of planBatches(await fetchSizes(client, uids.slice(w, w + SIZE_WINDOW)), limits)) {
          if (deps.stopSignal.aborted) return;
          const msgs = await fetchBatch(client, batch);
          starting = startBatch(msgs, deps, filings);
          const [goOn, next] = await Promise.all([finish(), starting]);
          starting = null;
          pending = next;
          if (!goOn) return;
        }
      }
      if (!(await finish())) return;
    }
  } finally {
    try {
      // Leaving early (shutdown, a failure under a high-water mark, a lost connection): the
      // batch in hand is finished if that is still allowed and possible; otherwise only its
      // filings are waited for, and its messages stay in the inbox for the next pass to file
      // (de-duplicated) and move.
      const inHand = pending ?? (starting ? await starting : null);
      pending = inHand;
      if (inHand && client.usable && !behindFailure)
        await finish().catch((err: unknown) => deps.log.warn('last batch not finished', { error: (err as Error).message }));
      else if (inHand) await abandonBatch(inHand);
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
        if (!deps.outage?.active()) await applyPendingActions(client, account, deps.worker, log, deps.released);
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
