/**
 * A UID set in IMAP's compact form (`3:5,9`), for one STORE or MOVE over many messages.
 * imapflow sends an array as `3,4,5,9`; a batch of hundreds of UIDs stays short this way.
 */
export function uidSet(uids: readonly number[]): string {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i]! + 1) i++;
    out.push(start === sorted[i] ? String(start) : `${start}:${sorted[i]}`);
  }
  return out.join(',');
}
