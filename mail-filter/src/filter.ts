import { join } from 'node:path';
import type { FileMail } from '@wardguard/shared/api/mail';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import { createWorkerClient } from './worker/client.ts';
import { createRepliesClient } from './replies/replies-client.ts';
import { createSpool } from './spool/spool.ts';
import { drainSpool } from './spool/drain.ts';
import { superviseAccount } from './imap/supervisor.ts';
import { createAlertMailer } from './outbox/alert-mail.ts';
import { sendDueAlerts } from './outbox/alert-loop.ts';
import { createLocalAlerts } from './outbox/local-alerts.ts';
import { createOutage } from './worker/outage.ts';
import { repeat } from './repeat.ts';
import { checkWorkerConfig, warnMissingAlerts } from './startup-check.ts';
import { createReleasedSet } from './state/released-set.ts';
import { createQuarantineIndex } from './state/quarantine-index.ts';
import { withLargeMail } from './large/file-message.ts';
import { createOriginalQueue } from './large/original-queue.ts';
import { drainOriginals } from './large/drain-originals.ts';

/**
 * The whole filter: one supervised IMAP session per account, plus background loops (drain
 * the spool into the Worker; upload the originals of reduced messages; repeat due threat
 * alerts by email). `stop()` ends
 * every loop after the message in hand.
 */
export function createFilter(config: Config, log: Logger) {
  const originals = createOriginalQueue(join(config.spoolDir, 'originals'));
  let uploadOriginalsNow = () => {};
  // Every filing (at arrival and from the spool) falls back to a reduced copy for a message
  // too large to file whole; its whole original is then queued on disk and uploaded by the
  // 'originals' loop, never in the way of the move to Quarantine or the alert.
  const worker = withLargeMail(createWorkerClient(config.worker), {
    maxMessageBytes: config.worker.maxMessageBytes,
    log,
    onReduced: (result, record, eml) => {
      const entry = { recordId: result.recordId, mailbox: record.mailbox, messageId: record.messageId, sha256: record.sourceSha256, size: eml.byteLength };
      originals.put(entry, eml).then(
        () => uploadOriginalsNow(),
        (err: unknown) =>
          log.error('could not queue the original of a reduced message for upload; it stays whole in Quarantine only', {
            ...entry,
            error: (err as Error).message,
          }),
      );
    },
  });
  const replies = createRepliesClient(config.worker);
  const spool = createSpool(join(config.spoolDir, 'outbox'));
  const mailer = config.alerts ? createAlertMailer(config.alerts, config.worker.url) : null;
  const localAlerts = createLocalAlerts({ mailer, dir: join(config.spoolDir, 'state', 'alerted'), log });
  const outage = createOutage(config.pollSeconds * 1000);
  const stop = new AbortController();
  let alertNow = () => {};
  const retryRefused = new Set(config.accounts.map((a) => a.id));
  const onUnfiledThreatToLife = (record: FileMail) => localAlerts.alertOnce(record);

  return {
    /** Throws INVALID_CONFIG (a bad token or councillorId) before any mailbox is touched. */
    async run(): Promise<void> {
      warnMissingAlerts(config, log);
      await checkWorkerConfig(config, worker, log);
      const released = await createReleasedSet(join(config.spoolDir, 'state'));
      const located = createQuarantineIndex();
      const pollMs = config.pollSeconds * 1000;
      const tasks = config.accounts.map((account) =>
        superviseAccount(
          {
            account,
            worker,
            spool,
            log,
            onUnfiledThreatToLife,
            outage,
            // Threats first: a new alert is emailed now, not at the next alerts poll.
            onAlert: () => alertNow(),
            retryRefused,
            released,
            located,
            stateDir: join(config.spoolDir, 'state'),
            pollMs,
            batch: config.batch,
            stopSignal: stop.signal,
            replies,
          },
          config.reconnect,
        ),
      );
      tasks.push(
        repeat(
          'spool drain',
          pollMs,
          async () => {
            const { sent } = await drainSpool(spool, worker, log, (r) => {
              outage.ended();
              if (r.alertId) alertNow();
            });
            if (sent) log.info('spool drained', { sent });
          },
          { stop: stop.signal, log },
        ),
      );
      tasks.push(
        repeat(
          'originals',
          pollMs,
          async () => {
            const { stored, refused } = await drainOriginals(originals, worker, log);
            if (stored || refused) log.info('reduced messages originals uploaded', { stored, refused });
          },
          { stop: stop.signal, log, onWake: (wake) => (uploadOriginalsNow = wake) },
        ),
      );
      if (mailer)
        tasks.push(
          repeat('alerts', config.alerts!.pollSeconds * 1000, () => sendDueAlerts(worker, mailer, log), {
            stop: stop.signal,
            log,
            onWake: (wake) => (alertNow = wake),
          }),
        );
      await Promise.all(tasks);
      mailer?.close();
    },
    stop(): void {
      stop.abort();
    },
  };
}
