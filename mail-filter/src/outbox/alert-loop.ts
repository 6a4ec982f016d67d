import type { Logger } from '../log.ts';
import type { WorkerClient } from '../worker/client.ts';
import { noticeFromAlert, type AlertMailer } from './alert-mail.ts';

/**
 * One round of alert repetition. The Worker says which unacknowledged alerts are due
 * (never sent, or last sent ALERT_REPEAT_SECONDS ago); each is emailed and only then
 * reported as notified, so an SMTP failure leaves it due for the next round.
 */
export async function sendDueAlerts(worker: WorkerClient, mailer: AlertMailer, log: Logger): Promise<number> {
  const due = await worker.dueAlerts();
  let sent = 0;
  for (const alert of due) {
    try {
      await mailer.send(noticeFromAlert(alert));
    } catch (err) {
      log.error('alert email failed; will retry', { alertId: alert.id, error: (err as Error).message });
      continue;
    }
    await worker.alertNotified(alert.id);
    sent += 1;
    log.warn('threat-to-life alert sent', { alertId: alert.id, repeat: alert.notifyCount });
  }
  return sent;
}
