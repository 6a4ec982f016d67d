/**
 * Machine-readable times only. Anything shown to humans ("3h ago", "Mar 1") is kept as text by the
 * caller but never converted here: a guessed time in an evidence pack is worse than none.
 */

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)$/i;
// X / Twitter API `created_at`: "Wed Oct 10 20:19:24 +0000 2018"
const TWITTER_RE = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}) (\d{4})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const MIN_MS = Date.UTC(1995, 0, 1);
const MAX_MS = Date.UTC(2100, 0, 1);

function toIso(ms: number): string | null {
  return Number.isFinite(ms) && ms >= MIN_MS && ms < MAX_MS ? new Date(ms).toISOString() : null;
}

function offsetMinutes(offset: string): number {
  if (/^(Z|UTC)$/i.test(offset)) return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

function fromParts(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset: string) {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  return toIso(Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes(offset) * 60_000);
}

/** Epoch seconds or milliseconds (told apart by magnitude) to ISO 8601 UTC. */
export function isoFromEpoch(value: number | string): string | null {
  const n = typeof value === 'number' ? value : /^\d{9,13}(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n <= 0) return null;
  return toIso(n < 1e11 ? n * 1000 : n);
}

/**
 * ISO 8601 UTC from a machine-readable value: an ISO string with a zone (`Z` or an offset), epoch
 * seconds/milliseconds, or X's `created_at`. Returns null for anything else, including ISO strings
 * without a zone, whose UTC instant is unknown.
 */
export function isoFromMachineTime(raw: unknown): string | null {
  if (typeof raw === 'number') return isoFromEpoch(raw);
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (/^\d{9,13}(\.\d+)?$/.test(text)) return isoFromEpoch(text);
  const iso = ISO_RE.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, offset] = iso;
    const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
    return fromParts(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? '0'), ms, offset ?? '');
  }
  const tw = TWITTER_RE.exec(text);
  if (tw) {
    const [, mon, d, h, mi, s, offset, y] = tw;
    const mo = MONTHS.indexOf(mon ?? '') + 1;
    return fromParts(Number(y), mo, Number(d), Number(h), Number(mi), Number(s), 0, offset ?? '');
  }
  return null;
}
