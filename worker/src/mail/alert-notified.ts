import { WardguardError } from '@wardguard/shared';
import type { MailAlert } from '@wardguard/shared/api/mail';
import type { Bindings, Principal } from '../env.ts';
import { getAlert, notifiedStatement } from '../db/mail-alerts.ts';
import { isLostRace } from '../db/write-guard.ts';
import { appendRecordEvent } from '../custody/record-event.ts';

/**
 * The mail filter has e-mailed an open alert again: the count, the time and an
 * `alert_notified` custody event in one transaction. An alert acknowledged meanwhile needs
 * nothing more (`repeated: true`). E-mail only: the webhook is the Worker's own (pushed at
 * filing, repeated by its cron).
 */
export async function recordAlertNotified(env: Bindings, p: Principal, alertId: string): Promise<Partial<MailAlert> & { repeated: boolean }> {
  const alert = await getAlert(env.DB, p.councilId, alertId);
  if (!alert) throw new WardguardError('NOT_FOUND', 'No such alert.');
  if (alert.acknowledgedAt) return { ...alert, repeated: true };
  let at: string;
  try {
    at = await appendRecordEvent(env, p, alert.recordId, 'alert_notified', { alertId: alert.id, channel: 'email', count: alert.notifyCount + 1 }, (at) =>
      notifiedStatement(env.DB, alert.id, at),
    );
  } catch (err) {
    // Acknowledged while the filter was notifying: nothing more to push.
    if (!isLostRace(err)) throw err;
    return { ...(await getAlert(env.DB, p.councilId, alert.id)), repeated: true };
  }
  return { ...alert, lastNotifiedAt: at, notifyCount: alert.notifyCount + 1, repeated: false };
}
