import type { ImapFlow } from 'imapflow';
import { WardguardError } from '@wardguard/shared';
import type { ProcessDeps } from '../quarantine/process-message.ts';
import { FETCH_QUERY, type FetchedMessage } from '../quarantine/process-message.ts';
import { processBatch } from '../quarantine/process-batch.ts';
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
 * bounded by bytes and count (config `batch`), each filed and quarantined together (see
 * process-batch.ts). A message that fails for a reason other than the connection is logged
 * and left for the next pass; it is never counted as clean.
 */
async function scanInbox(client: ImapFlow, progress: ScanProgress, deps: SessionDeps): Promise<void> {
  const lock = await client.getMailboxLock(deps.account.folders.inbox);
  const limits = { maxBytes: deps.batch.fetchBytes, maxMessages: deps.batch.fetchMessages };
  try {
    const failed = new Set<number>();
    for (;;) {
      const uids = (await progress.pending()).filter((u) => !failed.has(u));
      if (uids.length === 0 || deps.stopSignal.aborted) return;
      for (let w = 0; w < uids.length; w += SIZE_WINDOW) {
        for (const batch of planBatches(await fetchSizes(client, uids.slice(w, w + SIZE_WINDOW)), limits)) {
          if (deps.stopSignal.aborted) return;
          const result = await processBatch(client, await fetchBatch(client, batch), progress, deps, deps.batch);
          for (const uid of result.failed) failed.add(uid);
          // With a high-water mark nothing past a failed message may be marked done: the pass ends here.
          if (result.failed.length > 0 && progress.mode === 'high-water') return;
        }
      }
    }
  } finally {
    lock.release();
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
