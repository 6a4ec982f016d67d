import PostalMime from 'postal-mime';
import { htmlToText } from '@wardguard/shared/classify/html-text';

export interface ParsedEml {
  text: string;
  html: string | null;
  headers: { key: string; value: string }[];
  attachments: { filename: string; mimeType: string; size: number }[];
}

/** Parses the original message in the browser; nothing in it is ever rendered live. */
export async function parseEml(raw: ArrayBuffer): Promise<ParsedEml> {
  const email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
  return {
    // HTML-only mail is shown as text the same way the classifier read it.
    text: email.text ?? (email.html ? htmlToText(email.html) : ''),
    html: email.html ?? null,
    headers: email.headers.map((h) => ({ key: h.key, value: h.value })),
    attachments: email.attachments.map((a) => ({
      filename: a.filename ?? '(no name)',
      mimeType: a.mimeType,
      size: typeof a.content === 'string' ? a.content.length : (a.content as ArrayBuffer).byteLength,
    })),
  };
}
