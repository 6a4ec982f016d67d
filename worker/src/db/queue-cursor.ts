import { base64ToBytes, bytesToBase64url, utf8Decode, utf8Encode } from '@wardguard/shared/encoding';

/** A position in queue order (severity, then age, then id), as the opaque `after` cursor. */
export interface QueueKey {
  rank: number;
  receivedAt: string;
  id: string;
}

/** base64url, so the cursor goes into a query string unescaped (a '+' there would read as a space). */
export const encodeCursor = (k: QueueKey): string => bytesToBase64url(utf8Encode(JSON.stringify([k.rank, k.receivedAt, k.id])));

/** The key a cursor stands for, or null when it is not one this Worker made (cursors in standard base64 still read). */
export function decodeCursor(cursor: string): QueueKey | null {
  const bytes = base64ToBytes(cursor);
  if (!bytes) return null;
  try {
    const v: unknown = JSON.parse(utf8Decode(bytes));
    if (Array.isArray(v) && v.length === 3 && Number.isInteger(v[0]) && typeof v[1] === 'string' && typeof v[2] === 'string') {
      return { rank: v[0] as number, receivedAt: v[1], id: v[2] };
    }
  } catch {
    /* not UTF-8 JSON */
  }
  return null;
}
