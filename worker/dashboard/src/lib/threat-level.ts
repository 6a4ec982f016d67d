import type { Severity } from './types.ts';

/**
 * As the Worker's guard (worker/src/mail/threat-guard.ts): deciding a message at threat level
 * needs a written reason of at least this many characters (THREAT_REASON_MIN_CHARS in
 * shared/src/api/mail.ts; copied, so the dashboard does not bundle the zod schemas).
 */
export const THREAT_REASON_MIN_CHARS = 10;

export const isThreatLevel = (severity: Severity): boolean => severity === 'threat' || severity === 'threat_to_life';

/** Queue order, most severe first, for counting a selection by severity. */
export const SEVERITY_ORDER: Severity[] = ['threat_to_life', 'threat', 'abuse', 'review', 'profanity', 'clean'];
