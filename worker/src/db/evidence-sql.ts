import type { EvidenceKind } from '@wardguard/shared';
import type { FileMail, MailRecordView } from '@wardguard/shared/api/mail';
import type { SqlCommand } from './sql-command.ts';

// Evidence rows as the Worker files them (db/evidence.ts, mail-records.ts, diary.ts,
// search-index.ts bind these) and as the benches seed thousands of them straight into D1
// (inlined for `wrangler d1 execute`): one statement for both, so a seeded row is a filed one.

export interface NewItem {
  id: string;
  councilId: string;
  councillorId: string;
  caseId: string | null;
  perpetratorId: string | null;
  kind: EvidenceKind;
  title: string;
  metadata: Record<string, unknown>;
  capturedAt: string;
  capturedBy: string;
  receivedAt: string;
  idempotencyKey: string;
  manifestSha256: string;
  signatureKeySha256?: string | null;
  signature?: string | null;
}

/**
 * An item without its files: the councillor's exhibit counter moves and the item takes
 * "<initials>/<n>" in the same transaction, so a failed upload leaves no gap.
 */
export const insertItemSql = (item: NewItem): SqlCommand[] => [
  { sql: 'UPDATE users SET exhibit_seq = exhibit_seq + 1 WHERE id = ?', params: [item.councillorId] },
  {
    sql: `INSERT INTO evidence_items (id, council_id, councillor_id, case_id, perpetrator_id, kind, exhibit_ref, title, metadata,
           captured_at, captured_by, received_at, idempotency_key, manifest_sha256, signature_key_sha256, signature)
         SELECT ?, ?, ?, ?, ?, ?, initials || '/' || exhibit_seq, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM users WHERE id = ?`,
    params: [
      item.id,
      item.councilId,
      item.councillorId,
      item.caseId,
      item.perpetratorId,
      item.kind,
      item.title,
      JSON.stringify(item.metadata),
      item.capturedAt,
      item.capturedBy,
      item.receivedAt,
      item.idempotencyKey,
      item.manifestSha256,
      item.signatureKeySha256 ?? null,
      item.signature ?? null,
      item.councillorId,
    ],
  },
];

/** Queue order: threat to life first, then threat, abuse…; `review` (unreadable) sits with abuse. */
export const SEVERITY_RANK: Record<MailRecordView['severity'], number> = {
  threat_to_life: 0,
  threat: 1,
  abuse: 2,
  review: 2,
  profanity: 3,
  clean: 4,
};

export interface NewMailRecord {
  id: string;
  councilId: string;
  itemId: string;
  createdAt: string;
  mail: FileMail;
}

/** A filed message's record, quarantined (its insert trigger makes its search row). */
export function insertRecordSql(r: NewMailRecord): SqlCommand {
  const m = r.mail;
  return {
    sql: `INSERT INTO mail_records (id, council_id, councillor_id, mailbox, message_id, source_sha256, source_size, item_id, sender, recipients,
         subject, sent_at, received_at, received_chain, unreadable, verdict, severity, severity_rank, state, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'quarantined', ?)`,
    params: [
      r.id,
      r.councilId,
      m.councillorId,
      m.mailbox,
      m.messageId,
      m.sourceSha256,
      m.sourceSize,
      r.itemId,
      m.from,
      m.to,
      m.subject,
      m.sentAt,
      m.receivedAt,
      JSON.stringify(m.receivedChain),
      m.unreadable,
      JSON.stringify(m.verdict),
      m.verdict.severity,
      SEVERITY_RANK[m.verdict.severity],
      r.createdAt,
    ],
  };
}

/**
 * A filed message's body text into its index row, after the mail_records INSERT (whose
 * trigger makes the row). Empty text keeps what the trigger indexed from the classifier's verdict.
 */
export const mailTextSql = (recordId: string, text: string): SqlCommand[] => [
  ...(text.trim()
    ? [
        {
          sql: "UPDATE search_fts SET body = ?2 WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'message' AND record_id = ?1)",
          params: [recordId, text],
        },
      ]
    : []),
  { sql: "UPDATE search_docs SET body_pending = 0 WHERE kind = 'message' AND record_id = ?", params: [recordId] },
];

export interface DiaryText {
  occurredAt: string;
  whatHappened: string;
  impact: string;
}

/** A new diary version row numbered max+1 inside SQL, so two edits never claim the same number. */
export const insertVersionSql = (itemId: string, text: DiaryText, editedBy: string, editedAt: string): SqlCommand => ({
  sql: `INSERT INTO diary_versions (item_id, version, occurred_at, what_happened, impact, edited_by, edited_at)
       SELECT ?, COALESCE(MAX(version), 0) + 1, ?, ?, ?, ?, ? FROM diary_versions WHERE item_id = ?`,
  params: [itemId, text.occurredAt, text.whatHappened, text.impact, editedBy, editedAt, itemId],
});
