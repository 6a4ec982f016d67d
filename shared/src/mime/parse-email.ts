import PostalMime, { type Email } from 'postal-mime';

export type { Address, Attachment, Email, Header } from 'postal-mime';

/** A hostile message can nest parts far beyond any real mail; the parse rejects past this many levels. */
export const MAX_NESTING_DEPTH = 50;
/** Header bytes across every part (10,000 ordinary header lines fit); the parse rejects past this. */
export const MAX_HEADERS_BYTES = 1024 * 1024;

export interface ParseEmailOptions {
  /**
   * What to do with a message attached whole (`message/rfc822`, a forward). `inline` (the
   * default, what a reader sees) folds its text into the body under a header block; `separate`
   * keeps it as an attachment so the caller reads it on its own (the mail filter classifies it
   * as a message of its own, since a quoted-looking header block would set its words aside).
   */
  attachedMessages?: 'inline' | 'separate';
}

/**
 * Wardguard's one MIME parse (postal-mime), used by the mail filter to classify and by the
 * Worker to show and report a message, so both read the same text. Attachments come back as
 * bytes. Rejects a message past the nesting or header limits; bytes that are not MIME at all
 * are read as a body.
 *
 * @example
 * const parsed = await parseEmail(eml);
 * const { text } = readerText(parsed);
 */
export function parseEmail(eml: Uint8Array | ArrayBuffer, options: ParseEmailOptions = {}): Promise<Email> {
  return PostalMime.parse(eml, {
    maxNestingDepth: MAX_NESTING_DEPTH,
    maxHeadersSize: MAX_HEADERS_BYTES,
    attachmentEncoding: 'arraybuffer',
    forceRfc822Attachments: options.attachedMessages === 'separate',
  });
}
