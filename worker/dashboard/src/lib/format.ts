import type { Severity } from './types.ts';

export const SEVERITY_LABEL: Record<Severity, string> = {
  threat_to_life: 'Threat to life',
  threat: 'Threat',
  abuse: 'Abuse',
  profanity: 'Profanity',
  review: 'Needs review',
  clean: 'Clean',
};

export const when = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }) : '—';

export const bytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);
