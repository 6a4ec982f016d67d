import { mkdir, open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileMail } from '@wardguard/shared/api/mail';
import type { Logger } from '../log.ts';
import { recordKey } from '../spool/key.ts';
import type { AlertMailer } from './alert-mail.ts';

/**
 * The filter's own duty e-mail for a threat to life the Worker has not taken (unreachable,
 * hung, or the record could not even be spooled). Sent BEFORE the spool write, so a full
 * disk cannot silence it, and once per message per mailbox: every send is remembered in
 * memory and, where the disk allows, as an empty marker file under `dir` (fsynced), so
 * later passes, re-spools and restarts do not repeat it. A send that fails is not
 * remembered: the next attempt tries again. The Worker's own alert, once the record is
 * filed, repeats until an officer acknowledges it, as for any threat.
 */
export function createLocalAlerts(opts: { mailer: AlertMailer | null; dir: string; log: Logger }) {
  const sent = new Set<string>();
  const marker = (key: string) => join(opts.dir, key);

  async function remembered(key: string): Promise<boolean> {
    if (sent.has(key)) return true;
    try {
      await stat(marker(key));
      sent.add(key);
      return true;
    } catch {
      return false;
    }
  }

  async function remember(key: string): Promise<void> {
    sent.add(key);
    try {
      await mkdir(opts.dir, { recursive: true });
      const fh = await open(marker(key), 'w');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
    } catch (err) {
      // Still once for the life of this process; a restart may send it once more.
      opts.log.warn('local alert sent but not remembered on disk', { key, error: (err as Error).message });
    }
  }

  return {
    /** Throws only if the e-mail could not be sent (then it is not remembered). */
    async alertOnce(record: FileMail): Promise<'sent' | 'sent-earlier' | 'no-mailer'> {
      if (!opts.mailer) return 'no-mailer';
      const key = recordKey(record);
      if (await remembered(key)) return 'sent-earlier';
      await opts.mailer.send({
        alertId: null,
        recordId: null,
        councillor: record.councillorId,
        mailbox: record.mailbox,
        from: record.from,
        exhibitRef: null,
        receivedAt: record.receivedAt,
        repeat: 0,
        spooled: true,
      });
      await remember(key);
      opts.log.warn('threat-to-life alert sent by the filter: the Worker did not take the record', { mailbox: record.mailbox, messageId: record.messageId });
      return 'sent';
    },
  };
}
export type LocalAlerts = ReturnType<typeof createLocalAlerts>;
