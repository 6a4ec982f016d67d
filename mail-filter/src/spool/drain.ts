import type { FileMailResult } from '@wardguard/shared/api/mail';
import type { WorkerClient } from '../worker/client.ts';
import { isTransient } from '../worker/client.ts';
import type { Spool } from './spool.ts';
import type { Logger } from '../log.ts';

/**
 * Sends every spooled record to the Worker; removes each one only once the Worker has
 * acknowledged it. Stops at the first transient failure (the Worker is still away) and
 * leaves refused records in place, logged, for a person to look at.
 */
export async function drainSpool(spool: Spool, worker: WorkerClient, log: Logger, onFiled?: (r: FileMailResult) => void): Promise<{ sent: number; left: number }> {
  const names = await spool.list();
  let sent = 0;
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
      if (isTransient(err)) return { sent, left: names.length - sent };
      log.error('the Worker refused a spooled record; left in the spool', { name, error: (err as Error).message });
    }
  }
  return { sent, left: names.length - sent };
}
