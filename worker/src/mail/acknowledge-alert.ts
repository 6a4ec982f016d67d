import { WardguardError } from '@wardguard/shared';
import type { MailAlert } from '@wardguard/shared/api/mail';
import type { Bindings, Principal } from '../env.ts';
import { ackAlertStatement, getAlert } from '../db/mail-alerts.ts';
import { getUser } from '../db/users.ts';
import { isLostRace } from '../db/write-guard.ts';
import { appendRecordEvent } from '../custody/record-event.ts';

/**
 * An officer acknowledges a threat-to-life alert: the alert and its `alert_acknowledged`
 * custody event in one transaction. Acknowledging twice, or a moment after another officer,
 * is not an error: the answer is the alert as on record, named after whoever acknowledged it.
 */
export async function acknowledgeAlert(env: Bindings, p: Principal, alertId: string): Promise<MailAlert> {
  const alert = await getAlert(env.DB, p.councilId, alertId);
  if (!alert) throw new WardguardError('NOT_FOUND', 'No such alert.');
  // Every answer names whoever is on record as acknowledging it, not the caller.
  const named = async (a: MailAlert): Promise<MailAlert> => ({
    ...a,
    acknowledgedByName: a.acknowledgedBy ? ((await getUser(env.DB, p.councilId, a.acknowledgedBy))?.name ?? null) : null,
  });
  if (alert.acknowledgedAt) return named(alert);
  let at: string;
  try {
    at = await appendRecordEvent(env, p, alert.recordId, 'alert_acknowledged', { alertId: alert.id }, (at) =>
      ackAlertStatement(env.DB, alert.id, p.userId, at),
    );
  } catch (err) {
    // Another officer acknowledged it a moment earlier: theirs is the acknowledgement on record.
    if (isLostRace(err)) return named((await getAlert(env.DB, p.councilId, alert.id))!);
    throw err;
  }
  return named({ ...alert, acknowledgedAt: at, acknowledgedBy: p.userId });
}
