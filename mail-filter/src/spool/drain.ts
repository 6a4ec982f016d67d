import type { FileMailResult } from '@wardguard/shared/api/mail';
import type { WorkerClient } from '../worker/client.ts';
import { errorCode, isTransient } from '../worker/client.ts';
import type { Spool } from './spool.ts';
import type { Logger } from '../log.ts';

/**
 * Sends every spooled record to the Worker; removes each one only once the Worker has
 * acknowledged it. Stops at the first transient failure (the Worker is still away). A
 * record the Worker refuses outright is set aside in `refused/` and logged as an error:
 * its message is already in Quarantine (it was spooled while the Worker was away), so a
 * person must file it by hand; retrying it every round would change nothing. A message
 * too large to file whole is not refused here: `worker.fileMail` (large/file-message.ts)
 * files its reduced copy.
 */
export async function drainSpool(
  spool: Spool,
  worker: WorkerClient,
  log: Logger,
  onFiled?: (r: FileMailResult) => void,
): Promise<{ sent: number; left: number; refused: number }> {
  const names = await spool.list();
  let sent = 0;
  let refused = 0;
  for (const name of names) {
    let entry;
    try {
      entry = await spool.read(name);
    } catch (err) {
      log.error('spool entry unreadable; left in place', { name, error: (err as Error).message });
      continue;
    }
    try {
      const result = await worker.fileMail(entry.record, entry.eml);
      await spool.remove(name);
      sent += 1;
      onFiled?.(result);
    } catch (err) {
      if (isTransient(err)) return { sent, left: names.length - sent - refused, refused };
      const path = await spool.reject(name);
      refused += 1;
      log.error('the Worker REFUSED a spooled record: its message is in Quarantine with no Worker record; file it by hand', {
        name,
        path,
        code: errorCode(err),
        mailbox: entry.record.mailbox,
        messageId: entry.record.messageId,
        error: (err as Error).message,
      });
    }
  }
  return { sent, left: names.length - sent - refused, refused };
}
