import { htmlToText } from '@wardguard/shared/classify/html-text';
import PostalMime, { type Email } from 'postal-mime';
import type { ReportEmailText } from './report/types.ts';

/**
 * HTML converted for the report, at most. The report prints about 30,000 characters of an email;
 * converting a whole multi-megabyte (or deeply nested) HTML body to print the start of it would
 * spend the Worker's CPU on text nobody sees, so only the start is converted.
 */
export const EMAIL_HTML_CHARS = 256 * 1024;
/** A hostile message can nest parts and headers far beyond any real mail; the parser rejects it past these. */
const MAX_NESTING_DEPTH = 50;
const MAX_HEADERS_BYTES = 1024 * 1024;

/**
 * The text of an email as a reader would see it: the plain-text part, or the HTML part converted
 * to text (no scripts, styles, images or link targets) when the message has no plain part.
 * A message with no words gives empty text. Bytes that are not MIME at all are read as a body, never thrown on;
 * a message the parser refuses (nesting or headers past the limits) rejects.
 *
 * @example
 * const { text, fromHtml } = await emailBodyText(await (await bucket.get(key))!.arrayBuffer());
 */
export async function emailBodyText(eml: Uint8Array | ArrayBuffer): Promise<ReportEmailText> {
  return readerText(await parseEmail(eml));
}

/** The Worker's one MIME parse, with the limits above; attachments as bytes. Rejects a message past the limits. */
export function parseEmail(eml: Uint8Array | ArrayBuffer): Promise<Email> {
  return PostalMime.parse(eml, { maxNestingDepth: MAX_NESTING_DEPTH, maxHeadersSize: MAX_HEADERS_BYTES, attachmentEncoding: 'arraybuffer' });
}

/** What a reader sees of a parsed message: its plain part, or its HTML part (the start of it) as text. */
export function readerText(parsed: Pick<Email, 'text' | 'html'>): ReportEmailText {
  if (parsed.text != null && parsed.text.trim() !== '') return { text: parsed.text, fromHtml: false };
  if (parsed.html != null && parsed.html.trim() !== '') return { text: htmlText(parsed.html.slice(0, EMAIL_HTML_CHARS)), fromHtml: true };
  return { text: '', fromHtml: false };
}

function htmlText(html: string): string {
  try {
    return htmlToText(html);
  } catch {
    // html-to-text walks the tree recursively: pathological nesting can exhaust the stack. Then a
    // cruder reading (blocks that are never shown dropped, tags removed) still gives the words.
    return html
      .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(br|\/p|\/div|\/tr|\/li|\/h\d)\b[^>]*>/gi, '\n')
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/[ \t]+/g, ' ')
      .replace(/\n\s*\n+/g, '\n\n')
      .trim();
  }
}
