import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';

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
}

const ENCRYPTED = /^(multipart\/encrypted|application\/(pkcs7-mime|x-pkcs7-mime|pgp-encrypted))/i;
const MAX_FIELD = 2000;

const addresses = (a: AddressObject | AddressObject[] | undefined): string =>
  (Array.isArray(a) ? a.map((x) => x.text).join(', ') : (a?.text ?? '')).slice(0, 4000);

const validIso = (d: Date | undefined): string | null => (d && !Number.isNaN(d.getTime()) ? d.toISOString() : null);

/** Received headers, unfolded, in message order (newest hop first). */
function receivedChain(parsed: ParsedMail): string[] {
  return parsed.headerLines
    .filter((h) => h.key === 'received')
    .map((h) => h.line.replace(/^received:\s*/i, '').replace(/\s+/g, ' ').trim().slice(0, MAX_FIELD))
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

function unreadableReason(parsed: ParsedMail, source: Buffer, text: string, html: string | null): string | null {
  const contentType = (parsed.headers.get('content-type') as { value: string; params: Record<string, string> } | undefined) ?? null;
  const rawContentType = contentType?.value ?? '';
  if (ENCRYPTED.test(rawContentType) || parsed.attachments.some((a) => ENCRYPTED.test(a.contentType))) return 'ENCRYPTED';
  if (brokenMultipart(source, contentType)) return 'MALFORMED_MIME';
  if (undecodable(text)) return 'UNDECODABLE_TEXT';
  if (text.trim() !== '' || (html ?? '').trim() !== '') return null;
  const files = parsed.attachments;
  if (files.length === 0) return 'EMPTY';
  if (files.every((a) => a.contentType.startsWith('image/'))) return 'IMAGE_ONLY';
  return 'ATTACHMENT_ONLY';
}

/**
 * Parses a raw message. Never throws: a message mailparser cannot read comes back with
 * `unreadable: 'PARSE_FAILED'` so it is reviewed by a person, never passed as clean.
 */
export async function parseMessage(source: Buffer): Promise<ParsedMessage> {
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true, keepCidLinks: true });
  } catch (err) {
    return { messageId: null, from: '', to: '', subject: '', sentAt: null, receivedChain: [], text: '', html: null, unreadable: `PARSE_FAILED: ${(err as Error).message}`.slice(0, 200) };
  }
  const text = parsed.text ?? '';
  const html = typeof parsed.html === 'string' ? parsed.html : null;
  return {
    messageId: parsed.messageId?.trim() || null,
    from: addresses(parsed.from).slice(0, MAX_FIELD),
    to: addresses(parsed.to),
    subject: (parsed.subject ?? '').slice(0, 4000),
    sentAt: validIso(parsed.date),
    receivedChain: receivedChain(parsed),
    text,
    html,
    unreadable: unreadableReason(parsed, source, text, html),
  };
}
