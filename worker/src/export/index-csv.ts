import type { PackIndexEntry } from '@wardguard/shared';

const COLUMNS: [string, (e: PackIndexEntry) => string | null][] = [
  ['exhibit_ref', (e) => e.exhibitRef],
  ['kind', (e) => e.kind],
  ['title', (e) => e.title],
  ['platform', (e) => e.platform],
  ['url', (e) => e.url],
  ['permalink', (e) => e.permalink],
  ['author_handle', (e) => e.authorHandle],
  ['author_display_name', (e) => e.authorDisplayName],
  ['author_id', (e) => e.authorId],
  ['author_profile_url', (e) => e.authorProfileUrl],
  ['post_id', (e) => e.postId],
  ['post_time_utc', (e) => e.postTime],
  ['post_time_as_shown', (e) => e.postTimeText],
  ['captured_at_utc', (e) => e.capturedAt],
  ['capture_time_zone', (e) => e.captureTimeZone],
  ['captured_by', (e) => e.capturedBy],
  ['tool', (e) => e.tool],
  ['perpetrator', (e) => e.perpetrator?.displayName ?? null],
  ['email_from', (e) => e.email?.from ?? null],
  ['email_subject', (e) => e.email?.subject ?? null],
  ['email_message_id', (e) => e.email?.messageId ?? null],
  ['files', (e) => e.files.map((f) => `${f.path} sha256:${f.sha256}`).join('; ')],
];

/**
 * RFC 4180 quoting, and a leading apostrophe on anything a spreadsheet would run as a
 * formula: abusive text is attacker-controlled and the CSV is opened in Excel.
 */
export function csvCell(value: string | null): string {
  let v = value ?? '';
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

export function indexCsv(entries: PackIndexEntry[]): string {
  const lines = [COLUMNS.map(([h]) => h).join(',')];
  for (const e of entries) lines.push(COLUMNS.map(([, get]) => csvCell(get(e))).join(','));
  return lines.join('\r\n') + '\r\n';
}
