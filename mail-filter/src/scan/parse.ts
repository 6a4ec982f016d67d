import { parseEmail, rawHeaders, type Address, type Attachment, type Email } from '@wardguard/shared/mime';
import { headerParam } from '../large/mime-tree.ts';
import { declaresWideCharset, looksMisdecoded, looksReadable, looksWide, relabel } from './charset.ts';

/** What the filter keeps of a message: the fields for the record and the text to score. */
export interface ParsedMessage {
  messageId: string | null;
  from: string;
  to: string;
  subject: string;
  sentAt: string | null;
  receivedChain: string[];
  text: string;
  html: string | null;
  /** Why there is nothing to score (fail closed: such mail goes to review), or null. */
  unreadable: string | null;
  /** Messages attached whole (`message/rfc822`, e.g. forwarded), parsed the same way. */
  attached: ParsedMessage[];
}

/** Attached messages inside attached messages are read this deep; deeper ones go to review. */
export const MAX_ATTACHED_DEPTH = 3;
const ATTACHED_MESSAGE = /^message\/(rfc822|global)$/i;
// Attached messages (message/rfc822, inline or not) are kept apart and read by parseAttached on
// their own, instead of being merged into the text under a header block that the classifier
// would set aside as a quoted forward.
const PARSE_OPTIONS = { attachedMessages: 'separate' } as const;

const ENCRYPTED = /^(multipart\/encrypted|application\/(pkcs7-mime|x-pkcs7-mime|pgp-encrypted))/i;
const MAX_FIELD = 2000;

/** Display names quoted, as records filed before this parser wrote them: `"Name" <address>`, a group `"Name": a, b;`. */
const quoted = (name: string): string => `"${name.replace(/["\\]/g, '\\$&')}"`;
const addressText = (a: Address): string =>
  a.group ? `${a.name ? `${quoted(a.name)}: ` : ''}${a.group.map(addressText).join(', ')};` : a.name ? `${quoted(a.name)} <${a.address}>` : a.address;

const addresses = (a: Address | Address[] | undefined): string => (Array.isArray(a) ? a.map(addressText).join(', ') : a ? addressText(a) : '').slice(0, 4000);

/** The Date header as ISO 8601, or null when it is missing or no date (the parser then hands back the raw value). */
const validIso = (d: string | undefined): string | null => {
  const t = d ? new Date(d) : null;
  return t && !Number.isNaN(t.getTime()) ? t.toISOString() : null;
};

/** Received headers, unfolded, in message order (newest hop first). */
function receivedChain(parsed: Email): string[] {
  return parsed.headerLines
    .filter((h) => h.key === 'received')
    .map((h) =>
      h.line
        .replace(/^received:\s*/i, '')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, MAX_FIELD),
    )
    .slice(0, 100);
}

/** The top-level Content-Type: its media type and boundary, or null when there is none. */
function contentTypeOf(parsed: Email): { value: string; boundary: string | null } | null {
  const raw = parsed.headers.find((h) => h.key === 'content-type')?.value;
  if (raw === undefined) return null;
  return { value: (raw.split(';')[0] ?? '').trim().toLowerCase(), boundary: headerParam(raw, 'boundary') };
}

/** A multipart message whose boundary is empty or never closed was cut off or built wrong. */
function brokenMultipart(source: Buffer, contentType: { value: string; boundary: string | null } | null): boolean {
  if (!contentType || !/^multipart\//i.test(contentType.value)) return false;
  const boundary = contentType.boundary;
  return !boundary || !source.includes(`--${boundary}--`);
}

/** Text that decoded to mostly replacement characters or control bytes is not readable. */
function undecodable(text: string): boolean {
  if (text.length === 0) return false;
  const bad = text.match(/[\uFFFD\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
  return bad / text.length > 0.05;
}

function unreadableReason(parsed: Email, source: Buffer, text: string, html: string | null, attached: ParsedMessage[]): string | null {
  const contentType = contentTypeOf(parsed);
  if (ENCRYPTED.test(contentType?.value ?? '') || parsed.attachments.some((a) => ENCRYPTED.test(a.mimeType))) return 'ENCRYPTED';
  if (brokenMultipart(source, contentType)) return 'MALFORMED_MIME';
  if (undecodable(text)) return 'UNDECODABLE_TEXT';
  if (text.trim() !== '' || (html ?? '').trim() !== '') return null;
  // A forward with no covering note: the attached message is what there is to read.
  if (attached.some((a) => !a.unreadable || a.attached.length > 0)) return null;
  const files = parsed.attachments;
  if (files.length === 0) return 'EMPTY';
  if (files.every((a) => a.mimeType.startsWith('image/'))) return 'IMAGE_ONLY';
  return 'ATTACHMENT_ONLY';
}

/**
 * A message the parser refused still gets its top headers, read by hand, so the record names
 * the sender, subject and Message-ID (decisions and repeats match on it) beside the reason.
 */
function unparsed(err: unknown, source: Buffer): ParsedMessage {
  const head = new Map<string, string>();
  for (const h of rawHeaders(source)) if (!head.has(h.key)) head.set(h.key, h.value);
  const field = (name: string, max: number): string => (head.get(name) ?? '').slice(0, max);
  const messageId = field('message-id', 998);
  return {
    messageId: /^<[^<>\s]+>$/.test(messageId) ? messageId : null,
    from: field('from', MAX_FIELD),
    to: field('to', 4000),
    subject: field('subject', 4000),
    sentAt: validIso(head.get('date')),
    receivedChain: [],
    text: '',
    html: null,
    attached: [],
    unreadable: `PARSE_FAILED: ${(err as Error).message}`.slice(0, 200),
  };
}

/**
 * A wide charset label (UTF-16/32) on bytes that are not: the text decodes to CJK-looking
 * nonsense. Read the bytes again as UTF-8, then as Windows-1252, and keep the first reading
 * a person could read. Bytes that really are wide (NULs between ASCII letters) keep their
 * label. When no reading makes sense, `undecodable` sends the message to review.
 */
async function rereadMislabelled(source: Buffer, parsed: Email): Promise<{ parsed: Email; undecodable: boolean }> {
  const text = parsed.text ?? '';
  const html = parsed.html ?? '';
  if (!(looksMisdecoded(text) || (html !== '' && looksMisdecoded(html))) || !declaresWideCharset(source)) return { parsed, undecodable: false };
  for (const charset of ['utf-8', 'windows-1252'] as const) {
    let again: Email;
    try {
      again = await parseEmail(relabel(source, charset), PARSE_OPTIONS);
    } catch {
      continue;
    }
    const t = again.text ?? '';
    if (charset === 'utf-8' && looksWide(t)) return { parsed, undecodable: false };
    const h = again.html ?? '';
    if ((t.trim() === '' || looksReadable(t)) && (h.trim() === '' || looksReadable(h)) && (t + h).trim() !== '') return { parsed: again, undecodable: false };
  }
  return { parsed, undecodable: true };
}

/** An attachment's bytes as a Buffer (the parser hands back an ArrayBuffer). */
const bytesOf = (a: Attachment): Buffer => (typeof a.content === 'string' ? Buffer.from(a.content, 'utf8') : Buffer.from(a.content as ArrayBuffer));

/** The messages attached whole, each parsed like the outer one (one level deeper). */
async function parseAttached(attachments: Attachment[], depth: number): Promise<{ attached: ParsedMessage[]; tooDeep: boolean }> {
  const messages = attachments.filter((a) => ATTACHED_MESSAGE.test(a.mimeType));
  if (messages.length === 0) return { attached: [], tooDeep: false };
  if (depth >= MAX_ATTACHED_DEPTH) return { attached: [], tooDeep: true };
  const attached: ParsedMessage[] = [];
  for (const a of messages) attached.push(await parseMessage(bytesOf(a), depth + 1));
  return { attached, tooDeep: false };
}

/**
 * Parses a raw message with Wardguard's one MIME parser (`@wardguard/shared/mime`, the one the
 * Worker shows messages with, so evidence offsets refer to the text an officer sees), and the
 * messages attached to it whole (forwarded as attachments) up to `MAX_ATTACHED_DEPTH` levels
 * down. Never throws: a message the parser refuses (nested past its limit, headers past theirs)
 * comes back with `unreadable: 'PARSE_FAILED: …'` so it is reviewed by a person, never passed
 * as clean; so does one nested deeper than the cap, or text no charset reading makes sense of.
 */
export async function parseMessage(source: Buffer, depth = 0): Promise<ParsedMessage> {
  let parsed: Email;
  try {
    parsed = await parseEmail(source, PARSE_OPTIONS);
  } catch (err) {
    return unparsed(err, source);
  }
  const reread = await rereadMislabelled(source, parsed);
  parsed = reread.parsed;
  const text = parsed.text ?? '';
  const html = parsed.html ?? null;
  const { attached, tooDeep } = await parseAttached(parsed.attachments, depth);
  const why = tooDeep ? 'NESTED_TOO_DEEP' : reread.undecodable ? 'UNDECODABLE_TEXT' : unreadableReason(parsed, source, text, html, attached);
  return {
    messageId: parsed.messageId?.trim() || null,
    from: addresses(parsed.from).slice(0, MAX_FIELD),
    to: addresses(parsed.to),
    subject: (parsed.subject ?? '').slice(0, 4000),
    sentAt: validIso(parsed.date),
    receivedChain: receivedChain(parsed),
    text,
    html,
    unreadable: why,
    attached,
  };
}
