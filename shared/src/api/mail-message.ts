import type { MailRecordView } from './mail.ts';

/** A filed message as its original reads, parsed on the server: nothing in it is ever rendered live. */
export interface MailMessageSource {
  /** SHA-256 of the .eml these were read from, checked as it was read. */
  sha256: string;
  /** The plain-text part, or the HTML part as text (`textFromHtml`) when there is none. */
  text: string;
  textFromHtml: boolean;
  html: string | null;
  headers: { key: string; value: string }[];
  attachments: { filename: string; mimeType: string; size: number }[];
}

/**
 * GET /mail/records/:id/message: the review record and its original in one request, recorded
 * as one `viewed` custody event (instead of the record, the item and the download: three).
 */
export interface MailMessageView {
  record: MailRecordView;
  source: MailMessageSource;
}
