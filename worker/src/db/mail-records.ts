import type { FileMail, MailRecordView, MailState } from '@wardguard/shared/api/mail';
import { parseJsonColumn } from './json-column.ts';

interface RecordRow {
  id: string;
  council_id: string;
  councillor_id: string;
  mailbox: string;
  message_id: string;
  source_sha256: string;
  source_size: number;
  item_id: string;
  exhibit_ref: string;
  sender: string;
  recipients: string;
  subject: string;
  sent_at: string | null;
  received_at: string;
  received_chain: string;
  unreadable: string | null;
  verdict: string;
  severity: MailRecordView['severity'];
  state: MailState;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
  action_applied_at: string | null;
  no_reply_needed: number;
}

/** Queue order: threat to life first, then threat, abuse…; `review` (unreadable) sits with abuse. */
export const SEVERITY_RANK: Record<MailRecordView['severity'], number> = {
  threat_to_life: 0,
  threat: 1,
  abuse: 2,
  review: 2,
  profanity: 3,
  clean: 4,
};

// The latest decision's acknowledgement tells officers when the filter carried it out.
const SELECT = `SELECT r.*, i.exhibit_ref,
  (SELECT a.acked_at FROM mail_actions a WHERE a.record_id = r.id ORDER BY a.created_at DESC LIMIT 1) AS action_applied_at,
  -- From a person the council has disengaged from: by the perpetrator linked to this item,
  -- or by one of their recorded addresses appearing in the From line.
  (EXISTS (SELECT 1 FROM perpetrators p WHERE p.council_id = r.council_id AND p.disengaged_at IS NOT NULL
     AND (p.id = i.perpetrator_id OR EXISTS (SELECT 1 FROM json_each(p.emails) e WHERE instr(lower(r.sender), lower(e.value)) > 0)))) AS no_reply_needed
  FROM mail_records r JOIN evidence_items i ON i.id = r.item_id`;

const toView = (r: RecordRow): MailRecordView => ({
  id: r.id,
  councillorId: r.councillor_id,
  mailbox: r.mailbox,
  messageId: r.message_id,
  sourceSha256: r.source_sha256,
  sourceSize: r.source_size,
  from: r.sender,
  to: r.recipients,
  subject: r.subject,
  sentAt: r.sent_at,
  receivedAt: r.received_at,
  receivedChain: parseJsonColumn(r.received_chain, []),
  unreadable: r.unreadable,
  severity: r.severity,
  verdict: parseJsonColumn(r.verdict, {} as MailRecordView['verdict']),
  state: r.state,
  itemId: r.item_id,
  exhibitRef: r.exhibit_ref,
  createdAt: r.created_at,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
  actionAppliedAt: r.action_applied_at,
  noReplyNeeded: r.no_reply_needed === 1,
});

export interface NewMailRecord {
  id: string;
  councilId: string;
  itemId: string;
  createdAt: string;
  mail: FileMail;
}

export function insertRecordStatement(db: D1Database, r: NewMailRecord): D1PreparedStatement {
  const m = r.mail;
  return db
    .prepare(
      `INSERT INTO mail_records (id, council_id, councillor_id, mailbox, message_id, source_sha256, source_size, item_id, sender, recipients,
         subject, sent_at, received_at, received_chain, unreadable, verdict, severity, severity_rank, state, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'quarantined', ?)`,
    )
    .bind(
      r.id, r.councilId, m.councillorId, m.mailbox, m.messageId, m.sourceSha256, m.sourceSize, r.itemId, m.from, m.to,
      m.subject, m.sentAt, m.receivedAt, JSON.stringify(m.receivedChain), m.unreadable, JSON.stringify(m.verdict),
      m.verdict.severity, SEVERITY_RANK[m.verdict.severity], r.createdAt,
    );
}

export async function getRecord(db: D1Database, councilId: string, id: string): Promise<MailRecordView | null> {
  const row = await db.prepare(`${SELECT} WHERE r.id = ? AND r.council_id = ?`).bind(id, councilId).first<RecordRow>();
  return row ? toView(row) : null;
}

/** The record for this exact message in this mailbox, however often it was filed. */
export async function findRecord(db: D1Database, councilId: string, mailbox: string, messageId: string, sha256: string): Promise<MailRecordView | null> {
  const row = await db
    .prepare(`${SELECT} WHERE r.council_id = ? AND r.mailbox = ? AND r.message_id = ? AND r.source_sha256 = ?`)
    .bind(councilId, mailbox, messageId, sha256)
    .first<RecordRow>();
  return row ? toView(row) : null;
}

/** The review queue: threats to life first, then by severity, then oldest first. */
export async function listQueue(db: D1Database, councilId: string, f: { state: MailState; councillorId?: string; limit: number }): Promise<MailRecordView[]> {
  const { results } = await db
    .prepare(`${SELECT} WHERE r.council_id = ? AND r.state = ? AND (? IS NULL OR r.councillor_id = ?) ORDER BY r.severity_rank, r.received_at, r.id LIMIT ?`)
    .bind(councilId, f.state, f.councillorId ?? null, f.councillorId ?? null, f.limit)
    .all<RecordRow>();
  return results.map(toView);
}

export function decideRecordStatement(db: D1Database, id: string, state: MailState, by: string, at: string, from: MailState): D1PreparedStatement {
  // Guarded on the state we read, so two officers deciding at once cannot both win.
  return db.prepare('UPDATE mail_records SET state = ?, decided_by = ?, decided_at = ? WHERE id = ? AND state = ?').bind(state, by, at, id, from);
}

/** Records for many evidence items at once (an export); json_each keeps it to one bound parameter. */
export async function recordsForItems(db: D1Database, councilId: string, itemIds: string[]): Promise<MailRecordView[]> {
  const { results } = await db
    .prepare(`${SELECT} WHERE r.council_id = ? AND r.item_id IN (SELECT value FROM json_each(?))`)
    .bind(councilId, JSON.stringify(itemIds))
    .all<RecordRow>();
  return results.map(toView);
}
