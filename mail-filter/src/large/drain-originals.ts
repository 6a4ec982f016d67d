import type { Logger } from '../log.ts';
import { errorCode, isTransient, type WorkerClient } from '../worker/client.ts';
import type { OriginalQueue } from './original-queue.ts';
import { uploadOriginal } from './upload-original.ts';

/**
 * Uploads every queued original to the Worker, oldest record id first; each leaves the queue
 * only once the Worker has stored and checked it. Stops at the first transient failure (the
 * Worker is away: the next round, or the next start, tries again from the beginning of that
 * upload). One the Worker refuses for good (too large, hash mismatch, unknown record) is set
 * aside in `refused/` and logged as an error: the message is still whole in Quarantine.
 */
export async function drainOriginals(queue: OriginalQueue, worker: WorkerClient, log: Logger): Promise<{ stored: number; refused: number }> {
  let stored = 0;
  let refused = 0;
  for (const entry of await queue.list()) {
    const fields = { recordId: entry.recordId, mailbox: entry.mailbox, messageId: entry.messageId, bytes: entry.size };
    try {
      const kept = await uploadOriginal(worker, entry.recordId, queue.emlPath(entry.recordId));
      await queue.remove(entry.recordId);
      stored += 1;
      log.info('the whole original of a reduced message is kept in the Worker storage', { ...fields, sha256: kept.sha256 });
    } catch (err) {
      // A newer start overtook this one (two rounds at once): simply the next round's work.
      if (isTransient(err) || errorCode(err) === 'UPLOAD_SUPERSEDED') {
        log.warn('could not upload a reduced message original yet; will retry', { ...fields, error: (err as Error).message });
        return { stored, refused };
      }
      const path = await queue.reject(entry.recordId);
      refused += 1;
      log.error('the Worker REFUSED the original of a reduced message; it stays whole in Quarantine only', {
        ...fields,
        path,
        code: errorCode(err),
        error: (err as Error).message,
      });
    }
  }
  return { stored, refused };
}
