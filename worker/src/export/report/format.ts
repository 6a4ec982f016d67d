import type { PackIndexEntry } from '@wardguard/shared';
import { PLATFORM_NAMES } from '@wardguard/shared/evidence/platform-names';

/** `2024-05-01 14:03:22 UTC`; anything that is not a date is printed as it came. */
export function utc(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The same instant on the capturing computer's clock (`Europe/London` → `15:03:22 BST`). */
export function inZone(iso: string, timeZone: string | null): string | null {
  if (!timeZone) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  try {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    }).formatToParts(d);
    const p = (type: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === type)?.value ?? '';
    return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}:${p('second')} ${p('timeZoneName')} (${timeZone})`;
  } catch {
    // An unknown zone name from a misconfigured computer: say what it claimed.
    return `time zone ${timeZone}`;
  }
}

export const thousands = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function byteSize(n: number): string {
  if (n < 1024) return `${thousands(n)} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${thousands(n)} bytes (${v.toFixed(1)} ${units[u]})`;
}

export const KIND_LABEL: Record<PackIndexEntry['kind'], string> = {
  web_capture: 'Web capture',
  email: 'Email',
  upload: 'Uploaded file',
  diary: 'Diary entry',
};

/** When the incident happened, as best the exhibit knows: posted or sent, else captured. */
export const incidentTime = (e: PackIndexEntry): string => e.postTime ?? e.email?.date ?? e.capturedAt;

const PLATFORM_LABELS: Record<string, string> = { ...PLATFORM_NAMES, generic: 'a website' };
/** `x` → `X`; an id we do not know is printed as it is. */
export const platformName = (id: string | null): string | null => (id ? (PLATFORM_LABELS[id] ?? id) : null);
