import { WardguardError } from '@wardguard/shared';
import { THREAT_REASON_MIN_CHARS, type MailRecordView } from '@wardguard/shared/api/mail';

type Severity = MailRecordView['severity'];

/** Severities at which a decision is never casual: a threat, or a possible threat to life. */
const THREAT_LEVEL: ReadonlySet<Severity> = new Set<Severity>(['threat', 'threat_to_life']);

export const isThreatLevel = (severity: Severity): boolean => THREAT_LEVEL.has(severity);

/**
 * The reason to record with a decision on `record`: for a message at threat level, a written
 * reason is required and its threat-to-life alert must have been acknowledged first (the
 * duty officers are told until someone has; deciding must not quietly end that).
 * Elsewhere a reason is optional and recorded when given.
 *
 * Applies to every decision, not only release: the Worker cannot tell a bulk Keep from a
 * considered one, so the rule is the same for all of them.
 */
export function threatDecisionReason(record: Pick<MailRecordView, 'severity' | 'exhibitRef' | 'threatAlert'>, reason: string | undefined): string | null {
  const given = reason?.trim() || null;
  if (!isThreatLevel(record.severity)) return given;
  if (!given || given.length < THREAT_REASON_MIN_CHARS) {
    throw new WardguardError(
      'THREAT_REASON_REQUIRED',
      `Exhibit ${record.exhibitRef} is at threat level: a decision needs a written reason (at least ${THREAT_REASON_MIN_CHARS} characters).`,
    );
  }
  if (record.threatAlert && !record.threatAlert.acknowledgedAt) {
    throw new WardguardError(
      'THREAT_ALERT_UNACKNOWLEDGED',
      `The threat-to-life alert for exhibit ${record.exhibitRef} is not acknowledged yet: acknowledge it before deciding.`,
    );
  }
  return given;
}
