import { htmlToText } from '../classify/html-text.ts';
import type { Email } from './parse-email.ts';

/** What a reader sees of a message: its plain part, or its HTML part as text (`fromHtml`). */
export interface ReaderText {
  text: string;
  fromHtml: boolean;
}

/**
 * HTML converted at most, by default. The Worker prints or shows the start of a message; converting
 * a multi-megabyte (or deeply nested) HTML body to show the start of it would spend its CPU on
 * text nobody sees. The mail filter passes `Infinity`: it must read every word.
 */
export const EMAIL_HTML_CHARS = 256 * 1024;

/**
 * The text of a parsed message as a reader would see it: the plain-text part, or the HTML part
 * converted to text (no scripts, styles, images or link targets) when there is no plain part;
 * empty when there are no words. The classifier's body offsets refer to this text, so the filter
 * and the Worker must both take it from here.
 *
 * @example
 * const { text, fromHtml } = readerText(await parseEmail(eml));
 */
export function readerText(parsed: Pick<Email, 'text' | 'html'>, htmlChars = EMAIL_HTML_CHARS): ReaderText {
  if (parsed.text != null && parsed.text.trim() !== '') return { text: parsed.text, fromHtml: false };
  if (parsed.html != null && parsed.html.trim() !== '') return { text: htmlText(parsed.html.slice(0, htmlChars)), fromHtml: true };
  return { text: '', fromHtml: false };
}

/** HTML as text; never throws. */
export function htmlText(html: string): string {
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
