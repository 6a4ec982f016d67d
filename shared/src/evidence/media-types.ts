/** Media types an evidence bundle may carry. Anything else is refused. */
export const ALLOWED_MEDIA_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'text/html',
  'text/plain',
  'application/json',
  'application/pdf',
  'message/rfc822',
  'multipart/related', // MHTML from chrome.pageCapture
  'video/mp4',
] as const;
export type AllowedMediaType = (typeof ALLOWED_MEDIA_TYPES)[number];

export function isAllowedMediaType(t: string): t is AllowedMediaType {
  return (ALLOWED_MEDIA_TYPES as readonly string[]).includes(t);
}

const startsWith = (bytes: Uint8Array, sig: number[], offset = 0) => bytes.length >= offset + sig.length && sig.every((b, i) => bytes[offset + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

// Binary formats must carry their magic number, so a renamed executable cannot pass
// as a screenshot. Text formats are not sniffed: any bytes are legitimate evidence.
const SIGNATURES: Partial<Record<AllowedMediaType, (b: Uint8Array) => boolean>> = {
  'image/png': (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  'image/gif': (b) => startsWith(b, ascii('GIF8')),
  'image/webp': (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8),
  'application/pdf': (b) => startsWith(b, ascii('%PDF-')),
  'video/mp4': (b) => startsWith(b, ascii('ftyp'), 4),
};

/** True when the bytes look like the declared type (always true for text types). */
export function contentMatchesMediaType(type: AllowedMediaType, head: Uint8Array): boolean {
  const check = SIGNATURES[type];
  return check ? check(head) : true;
}
