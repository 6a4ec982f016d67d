import { z } from 'zod';
import type { MailRecordView } from './mail.ts';

export const REPLY_STATES = ['approved', 'sending', 'sent', 'failed', 'withdrawn'] as const;
/** approved → sending (claimed by the mail filter) → sent | failed; or approved → withdrawn by an officer before the claim. */
export type ReplyState = (typeof REPLY_STATES)[number];

/**
 * The filter gives up on an SMTP step after this long without progress, and the Worker lets
 * an officer mark a reply "not sent" only once it has been `sending` for REPLY_STUCK_AFTER_MS,
 * comfortably longer: by then the filter that claimed it cannot still be in the transaction.
 */
export const REPLY_SMTP_TIMEOUT_MS = 2 * 60_000;
export const REPLY_STUCK_AFTER_MS = 15 * 60_000;

/** A reply as officers see it (`GET /api/v1/replies`). */
export interface ReplyView {
  id: string;
  recordId: string;
  mailbox: string;
  to: string;
  templateKey: string;
  /** The name of the template version the reply used (null if that version is gone). */
  templateName: string | null;
  templateVersion: number;
  subject: string;
  text: string;
  html: string;
  inReplyTo: string;
  overrideReason: string | null;
  state: ReplyState;
  approvedBy: string;
  approvedByName: string | null;
  approvedAt: string;
  claimedAt: string | null;
  finishedAt: string | null;
  smtpMessageId: string | null;
  detail: string | null;
  /** When a `sending` reply may be marked not sent (REPLY_STUCK_AFTER_MS after the filter claimed it); null otherwise. */
  stuckFrom: string | null;
  /** `sending` since before `stuckFrom`: the filter cannot still be sending it, so an officer should check the councillor's Sent folder. */
  stuck: boolean;
}

/** `GET /api/v1/replies?caseId=…`: the case's emails (what can be answered) and every reply to them. */
export interface CaseRepliesView {
  records: MailRecordView[];
  replies: ReplyView[];
}

/** An officer's word that a stuck reply did not go (it is not in the councillor's Sent folder). */
export const markReplyFailedSchema = z.object({ note: z.string().trim().min(5).max(2000) });

/** Why an officer withdraws an approved reply before the mail filter sends it. */
export const withdrawReplySchema = z.object({ reason: z.string().trim().min(5).max(2000) });

/** A reply as the mail filter receives it to send: everything needed, nothing else. */
export const replyToSendSchema = z.object({
  id: z.string(),
  recordId: z.string(),
  mailbox: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  inReplyTo: z.string(),
  state: z.enum(REPLY_STATES),
});
export type ReplyToSend = z.infer<typeof replyToSendSchema>;
export const replyToSendListSchema = z.object({ replies: z.array(replyToSendSchema) });

/** The Message-ID a reply is sent with: fixed in advance, so its copy in Sent can be found. */
export const replyMessageId = (replyId: string, domain: string): string => `<wardguard-reply-${replyId}@${domain}>`;
