import { z } from 'zod';
import { severitySchema, verdictSchema } from '../classify/verdict.ts';

/**
 * The mail contract between the mail filter (service token) and the Worker.
 *
 * Filing is multipart: a `record` field (JSON, `fileMailSchema`) and an `eml` file holding
 * the original message byte-for-byte (or, for a message too large to file, the reduced copy
 * that `record.reduced` describes). The Worker re-hashes the bytes and refuses a mismatch.
 * The same (mailbox, Message-ID, SHA-256) is recorded once however often it is filed.
 */
export const MAIL_DECISIONS = ['release', 'keep', 'not_abuse'] as const;
export type MailDecision = (typeof MAIL_DECISIONS)[number];

export const MAIL_STATES = ['quarantined', 'released', 'kept', 'not_abuse'] as const;
export type MailState = (typeof MAIL_STATES)[number];

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256');

/** The most replaced parts one reduced filing may list. */
export const REDUCED_PARTS_MAX = 1000;

/** One part of a message left out of a reduced filing: what it was, so the original can be matched. */
export const replacedPartSchema = z.object({
  /** The attachment's file name as the sender gave it (sender-chosen text), or null. */
  name: z.string().max(1000).nullable(),
  mediaType: z.string().max(255),
  /** Bytes after transfer decoding (base64, quoted-printable), as the attachment would be saved. */
  size: z.number().int().nonnegative(),
  /** SHA-256 of those decoded bytes. */
  sha256,
});
export type ReplacedPart = z.infer<typeof replacedPartSchema>;

/**
 * A message too large for the Worker is filed as a reduced copy: the same headers and text,
 * each oversized part replaced by a short text/plain note naming it (file name, media type,
 * size, SHA-256). The record's `sourceSha256`/`sourceSize` stay the original's (the message
 * kept whole in the mailbox's quarantine folder); the `eml` sent is the copy described here.
 */
export const reducedFilingSchema = z.object({
  emlSha256: sha256,
  emlSize: z.number().int().nonnegative(),
  parts: z.array(replacedPartSchema).min(1).max(REDUCED_PARTS_MAX),
});
export type ReducedFiling = z.infer<typeof reducedFilingSchema>;

export const fileMailSchema = z.object({
  councillorId: z.string().min(1).max(64),
  /** The account the filter watches (its config id, usually the address). */
  mailbox: z.string().min(1).max(320),
  /** Message-ID header, or `<sha256@wardguard.invalid>` when the message had none. */
  messageId: z.string().min(1).max(998),
  sourceSha256: sha256,
  sourceSize: z.number().int().nonnegative(),
  from: z.string().max(2000),
  to: z.string().max(4000),
  subject: z.string().max(4000),
  /** Date header as ISO-8601, or null when missing or unparseable. */
  sentAt: z.string().max(64).nullable(),
  /** When the filter first saw it (IMAP INTERNALDATE when known). */
  receivedAt: z.string().max(64),
  /** One line per Received header, oldest last, as in the message. */
  receivedChain: z.array(z.string().max(2000)).max(100),
  /** Why the text could not be read (parse failure, image only…), or null. */
  unreadable: z.string().max(200).nullable(),
  verdict: verdictSchema,
  /** Present when the `eml` is a reduced copy of a message too large for the Worker. */
  reduced: reducedFilingSchema.optional(),
});
export type FileMail = z.infer<typeof fileMailSchema>;

export const fileMailResultSchema = z.object({
  recordId: z.string(),
  exhibitRef: z.string(),
  state: z.enum(MAIL_STATES),
  created: z.boolean(),
  alertId: z.string().nullable(),
});
export type FileMailResult = z.infer<typeof fileMailResultSchema>;

/** The most records one page of the review queue may hold. */
export const QUEUE_PAGE_MAX = 500;

/**
 * Filters and paging for GET /mail/queue. Filtering happens in the database, so a filter
 * sees every waiting message, not just the ones on the page. `after` is the opaque cursor
 * from the previous page's `nextCursor` (keyset paging in queue order).
 */
export const queueQuerySchema = z.object({
  state: z.enum(MAIL_STATES).default('quarantined'),
  councillorId: z.string().min(1).max(64).optional(),
  severity: severitySchema.optional(),
  /** Part of the From line, case-insensitive. */
  sender: z.string().trim().min(1).max(320).optional(),
  limit: z.coerce.number().int().min(1).max(QUEUE_PAGE_MAX).default(50),
  after: z.string().min(1).max(1000).optional(),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

/** The shortest written reason the Worker accepts for a decision on a message at threat level. */
export const THREAT_REASON_MIN_CHARS = 10;

/**
 * POST /mail/records/:id/decision. At threat level (`threat`, `threat_to_life`) every decision
 * needs `reason` (THREAT_REASON_REQUIRED, 422) and is refused while the message's threat-to-life
 * alert is unacknowledged (THREAT_ALERT_UNACKNOWLEDGED, 409); the reason is recorded in the
 * decision's one custody event.
 */
export const decideMailSchema = z.object({
  decision: z.enum(MAIL_DECISIONS),
  note: z.string().max(2000).optional(),
  reason: z.string().max(2000).optional(),
});

/**
 * POST /mail/records/:id/escalate: a possible threat goes to the police. One server decision:
 * the message stays in quarantine (the filter's 'keep'), the referral is recorded, the case
 * and perpetrator are linked, and one custody event `mail_escalated` says all of it.
 */
export const escalateMailSchema = z.object({
  /** The police's crime or incident number, when they have given one. */
  policeReference: z.string().trim().min(1).max(100).optional(),
  caseId: z.string().min(1).max(64).optional(),
  perpetratorId: z.string().min(1).max(64).optional(),
  note: z.string().max(2000).optional(),
});
export type EscalateMail = z.infer<typeof escalateMailSchema>;

export const mailActionSchema = z.object({
  id: z.string(),
  recordId: z.string(),
  mailbox: z.string(),
  messageId: z.string(),
  sourceSha256: sha256,
  /** Octets of the source as the IMAP server serves it: narrows the filter's search to one message. */
  sourceSize: z.number().int().nonnegative(),
  decision: z.enum(MAIL_DECISIONS),
  createdAt: z.string(),
});
export type MailAction = z.infer<typeof mailActionSchema>;
export const mailActionListSchema = z.object({ actions: z.array(mailActionSchema) });

/** What the mail filter reports after trying to carry out a decision in the mailbox. */
export const ACTION_OUTCOMES = ['applied', 'not_found'] as const;
export type ActionOutcome = (typeof ACTION_OUTCOMES)[number];

export const ackActionSchema = z.object({
  outcome: z.enum(ACTION_OUTCOMES),
  detail: z.string().max(2000).optional(),
});

export const mailAlertSchema = z.object({
  id: z.string(),
  recordId: z.string(),
  councillorId: z.string(),
  councillorName: z.string(),
  mailbox: z.string(),
  severity: severitySchema,
  from: z.string(),
  subject: z.string(),
  exhibitRef: z.string(),
  createdAt: z.string(),
  lastNotifiedAt: z.string().nullable(),
  notifyCount: z.number().int(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  /** The acknowledging officer's name, where the answer is for the dashboard. */
  acknowledgedByName: z.string().nullable().optional(),
});
export type MailAlert = z.infer<typeof mailAlertSchema>;
export const mailAlertListSchema = z.object({ alerts: z.array(mailAlertSchema) });

/** What an officer sees in the queue (never rendered HTML; the text is the verdict's spans). */
export interface MailRecordView {
  id: string;
  councillorId: string;
  mailbox: string;
  messageId: string;
  sourceSha256: string;
  sourceSize: number;
  from: string;
  to: string;
  subject: string;
  sentAt: string | null;
  receivedAt: string;
  receivedChain: string[];
  unreadable: string | null;
  severity: z.infer<typeof severitySchema>;
  verdict: z.infer<typeof verdictSchema>;
  state: MailState;
  itemId: string;
  exhibitRef: string;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  /** When the mail filter carried out the latest decision in the mailbox (outcome 'applied' only). */
  actionAppliedAt: string | null;
  /**
   * What the filter reported for the latest decision: 'applied', or 'not_found' when the
   * message was no longer where it was quarantined (moved or deleted in the mailbox);
   * null while it has not reported yet (or nothing was decided).
   */
  actionOutcome: ActionOutcome | null;
  /** When the filter reported that outcome, whatever it was. */
  actionAckedAt: string | null;
  /** The sender is a perpetrator the council has disengaged from: recorded, but no reply. */
  noReplyNeeded: boolean;
  /** Set once an officer escalated the message as a threat (it stays in quarantine, state 'kept'). */
  escalation: MailEscalation | null;
  /** The threat-to-life alert raised for this message, and who acknowledged it when; null when none was raised. */
  threatAlert: { id: string; raisedAt: string; acknowledgedAt: string | null; acknowledgedBy: string | null; acknowledgedByName: string | null } | null;
  /**
   * For a message filed as a reduced copy, its whole original once the filter has uploaded it
   * and the Worker has checked it against `sourceSha256` / `sourceSize` (GET /mail/records/:id/original); else null.
   */
  original?: { size: number; sha256: string; storedAt: string } | null;
}

export interface MailEscalation {
  policeReference: string | null;
  caseId: string | null;
  perpetratorId: string | null;
  escalatedAt: string;
  escalatedBy: string;
}

/**
 * GET /mail/records/:id/status: where a decision has got to, for polling while the filter
 * works. Unlike opening the record it reads no message content, so it is not a custody event.
 */
export type MailRecordStatus = Pick<MailRecordView, 'id' | 'state' | 'decidedAt' | 'decidedBy' | 'actionAppliedAt' | 'actionOutcome' | 'actionAckedAt'>;

/** One page of the review queue, with how many messages match the filters in all. */
export interface MailQueuePage {
  records: MailRecordView[];
  total: number;
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}
