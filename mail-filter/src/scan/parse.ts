import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from 'mailparser';
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
// `ignoreEmbedded` (passed on to mailsplit): an inline message/rfc822 stays one attachment, read by
// parseAttached on its own, instead of being merged into the text under a header block that
// the classifier would set aside as a quoted forward.
const PARSER_OPTIONS = { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true, keepCidLinks: true, ignoreEmbedded: true } as const;

const ENCRYPTED = /^(multipart\/encrypted|application\/(pkcs7-mime|x-pkcs7-mime|pgp-encrypted))/i;
const MAX_FIELD = 2000;

const addresses = (a: AddressObject | AddressObject[] | undefined): string =>
  (Array.isArray(a) ? a.map((x) => x.text).join(', ') : (a?.text ?? '')).slice(0, 4000);

const validIso = (d: Date | undefined): string | null => (d && !Number.isNaN(d.getTime()) ? d.toISOString() : null);

/** Received headers, unfolded, in message order (newest hop first). */
function receivedChain(parsed: ParsedMail): string[] {
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

/** A multipart message whose boundary is empty or never closed was cut off or built wrong. */
function brokenMultipart(source: Buffer, contentType: { value: string; params: Record<string, string> } | null): boolean {
  if (!contentType || !/^multipart\//i.test(contentType.value)) return false;
  const boundary = contentType.params.boundary;
  return !boundary || !source.includes(`--${boundary}--`);
}

/** Text that decoded to mostly replacement characters or control bytes is not readable. */
function undecodable(text: string): boolean {
  if (text.length === 0) return false;
  const bad = text.match(/[\uFFFD\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
  return bad / text.length > 0.05;
}

function unreadableReason(parsed: ParsedMail, source: Buffer, text: string, html: string | null, attached: ParsedMessage[]): string | null {
  const contentType = (parsed.headers.get('content-type') as { value: string; params: Record<string, string> } | undefined) ?? null;
  const rawContentType = contentType?.value ?? '';
  if (ENCRYPTED.test(rawContentType) || parsed.attachments.some((a) => ENCRYPTED.test(a.contentType))) return 'ENCRYPTED';
  if (brokenMultipart(source, contentType)) return 'MALFORMED_MIME';
  if (undecodable(text)) return 'UNDECODABLE_TEXT';
  if (text.trim() !== '' || (html ?? '').trim() !== '') return null;
  // A forward with no covering note: the attached message is what there is to read.
  if (attached.some((a) => !a.unreadable || a.attached.length > 0)) return null;
  const files = parsed.attachments;
  if (files.length === 0) return 'EMPTY';
  if (files.every((a) => a.contentType.startsWith('image/'))) return 'IMAGE_ONLY';
  return 'ATTACHMENT_ONLY';
}

const unparsed = (err: unknown): ParsedMessage => ({
  messageId: null,
  from: '',
  to: '',
  subject: '',
  sentAt: null,
  receivedChain: [],
  text: '',
  html: null,
  attached: [],
  unreadable: `PARSE_FAILED: ${(err as Error).message}`.slice(0, 200),
});

/**
 * A wide charset label (UTF-16/32) on bytes that are not: the text decodes to CJK-looking
 * nonsense. Read the bytes again as UTF-8, then as Windows-1252, and keep the first reading
 * a person could read. Bytes that really are wide (NULs between ASCII letters) keep their
 * label. When no reading makes sense, `undecodable` sends the message to review.
 */
async function rereadMislabelled(source: Buffer, parsed: ParsedMail): Promise<{ parsed: ParsedMail; undecodable: boolean }> {
  const text = parsed.text ?? '';
  const html = typeof parsed.html === 'string' ? parsed.html : '';
  if (!(looksMisdecoded(text) || (html !== '' && looksMisdecoded(html))) || !declaresWideCharset(source)) return { parsed, undecodable: false };
  for (const charset of ['utf-8', 'windows-1252'] as const) {
    let again: ParsedMail;
    try {
      again = await simpleParser(relabel(source, charset), PARSER_OPTIONS);
    } catch {
      continue;
    }
    const t = again.text ?? '';
    if (charset === 'utf-8' && looksWide(t)) return { parsed, undecodable: false };
    const h = typeof again.html === 'string' ? again.html : '';
    if ((t.trim() === '' || looksReadable(t)) && (h.trim() === '' || looksReadable(h)) && (t + h).trim() !== '') return { parsed: again, undecodable: false };
  }
  return { parsed, undecodable: true };
}

/** The messages attached whole, each parsed like the outer one (one level deeper). */
async function parseAttached(attachments: Attachment[], depth: number): Promise<{ attached: ParsedMessage[]; tooDeep: boolean }> {
  const messages = attachments.filter((a) => ATTACHED_MESSAGE.test(a.contentType));
  if (messages.length === 0) return { attached: [], tooDeep: false };
  if (depth >= MAX_ATTACHED_DEPTH) return { attached: [], tooDeep: true };
  const attached: ParsedMessage[] = [];
  for (const a of messages) attached.push(await parseMessage(a.content, depth + 1));
  return { attached, tooDeep: false };
}

/**
 * Parses a raw message, and the messages attached to it whole (forwarded as attachments)
 * up to `MAX_ATTACHED_DEPTH` levels down. Never throws: a message mailparser cannot read
 * comes back with `unreadable: 'PARSE_FAILED'` so it is reviewed by a person, never passed
 * as clean; so does one nested deeper than the cap, or text no charset reading makes sense of.
 */
export async function parseMessage(source: Buffer, depth = 0): Promise<ParsedMessage> {
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(source, PARSER_OPTIONS);
  } catch (err) {
    return unparsed(err);
  }
  const reread = await rereadMislabelled(source, parsed);
  parsed = reread.parsed;
  const text = parsed.text ?? '';
  const html = typeof parsed.html === 'string' ? parsed.html : null;
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
