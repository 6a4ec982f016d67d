import type { IncidentSeverity } from '@wardguard/shared/api/overview';
import { PLATFORM_NAMES } from '@wardguard/shared/evidence/platform-names';

/** Severities in queue order (mail-records.ts SEVERITY_RANK: `review` sits with abuse), then captures. */
export const SEVERITY_ORDER: readonly IncidentSeverity[] = ['threat_to_life', 'threat', 'abuse', 'review', 'profanity', 'clean', 'ungraded'];

export const SEVERITY_LABELS: Record<IncidentSeverity, string> = {
  threat_to_life: 'Threat to life',
  threat: 'Threat',
  abuse: 'Abuse',
  review: 'Needs review',
  profanity: 'Profanity',
  clean: 'Clean',
  ungraded: 'Not graded (captures and uploads)',
};

const CHANNEL_LABELS: Record<string, string> = { email: 'Email', ...PLATFORM_NAMES, generic: 'Other websites', upload: 'Uploaded files' };

/** Email first; the platforms then follow by how many incidents each had. */
export const CHANNEL_ORDER: readonly string[] = ['email'];

/** `facebook` → `Facebook`; a platform Wardguard does not know is shown as it was recorded. */
export const channelLabel = (key: string): string => CHANNEL_LABELS[key] ?? key;

export const severityLabel = (key: string): string => SEVERITY_LABELS[key as IncidentSeverity] ?? key;
