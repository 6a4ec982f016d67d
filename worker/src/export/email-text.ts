import { parseEmail, readerText } from '@wardguard/shared/mime';
import type { ReportEmailText } from './report/types.ts';

// The one MIME parse lives in shared (the mail filter classifies the same text the Worker shows).
export { EMAIL_HTML_CHARS, parseEmail, readerText } from '@wardguard/shared/mime';

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
