import { newId, now } from './ids.ts';
import type { ComposedReply } from '../replies/compose.ts';

export type ReplyState = 'approved' | 'sending' | 'sent' | 'failed';
export interface ReplyView {
  id: string;
  recordId: string;
  mailbox: string;
  to: string;
  templateKey: string;
  templateVersion: number;
  subject: string;
  text: string;
  html: string;
  inReplyTo: string;
  overrideReason: string | null;
  state: ReplyState;
  approvedBy: string;
  approvedAt: string;
  claimedAt: string | null;
  finishedAt: string | null;
  smtpMessageId: string | null;
  detail: string | null;
}
interface Row {
  id: string;
  record_id: string;
  mailbox: string;
  recipient: string;
  template_key: string;
  template_version: number;
  subject: string;
  text_body: string;
  html_body: string;
  in_reply_to: string;
  override_reason: string | null;
  state: ReplyState;
  approved_by: string;
  approved_at: string;
  claimed_at: string | null;
  finished_at: string | null;
  smtp_message_id: string | null;
  detail: string | null;
}
const toView = (r: Row): ReplyView => ({
  id: r.id,
  recordId: r.record_id,
  mailbox: r.mailbox,
  to: r.recipient,
  templateKey: r.template_key,
  templateVersion: r.template_version,
  subject: r.subject,
  text: r.text_body,
  html: r.html_body,
  inReplyTo: r.in_reply_to,
  overrideReason: r.override_reason,
  state: r.state,
  approvedBy: r.approved_by,
  approvedAt: r.approved_at,
  claimedAt: r.claimed_at,
  finishedAt: r.finished_at,
  smtpMessageId: r.smtp_message_id,
  detail: r.detail,
});

export function insertReplyStatement(db: D1Database, councilId: string, recordId: string, mailbox: string, reply: ComposedReply, approvedBy: string, overrideReason: string | null) {
  const id = newId();
  const at = now();
  const stmt = db
    .prepare(
      `INSERT INTO replies (id, council_id, record_id, mailbox, recipient, template_key, template_version, subject, text_body, html_body, in_reply_to, override_reason, state, approved_by, approved_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'approved', ?, ?)`,
    )
    .bind(id, councilId, recordId, mailbox, reply.to, reply.templateKey, reply.templateVersion, reply.subject, reply.text, reply.html, reply.inReplyTo, overrideReason, approvedBy, at);
  return { id, at, stmt };
}

/** The last reply with this template to this address since `since`, if any. */
export async function recentReply(db: D1Database, councilId: string, to: string, templateKey: string, since: string): Promise<ReplyView | null> {
  const row = await db
    .prepare("SELECT * FROM replies WHERE council_id = ? AND recipient = ? AND template_key = ? AND approved_at >= ? AND state != 'failed' ORDER BY approved_at DESC LIMIT 1")
    .bind(councilId, to, templateKey, since)
    .first<Row>();
  return row ? toView(row) : null;
}

export async function getReply(db: D1Database, councilId: string, id: string): Promise<ReplyView | null> {
  const row = await db.prepare('SELECT * FROM replies WHERE id = ? AND council_id = ?').bind(id, councilId).first<Row>();
  return row ? toView(row) : null;
}

export async function listReplies(db: D1Database, councilId: string, filter: { recordId?: string; mailbox?: string; state?: ReplyState }): Promise<ReplyView[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM replies WHERE council_id = ?1 AND (?2 IS NULL OR record_id = ?2) AND (?3 IS NULL OR mailbox = ?3) AND (?4 IS NULL OR state = ?4)
       ORDER BY approved_at LIMIT 200`,
    )
    .bind(councilId, filter.recordId ?? null, filter.mailbox ?? null, filter.state ?? null)
    .all<Row>();
  return results.map(toView);
}

/** approved → sending, once: a second claim (a restarted filter) changes nothing and is told so. */
export function claimStatement(db: D1Database, id: string, at: string) {
  return db.prepare("UPDATE replies SET state = 'sending', claimed_at = ? WHERE id = ? AND state = 'approved'").bind(at, id);
}

export function finishStatement(db: D1Database, id: string, outcome: 'sent' | 'failed', at: string, smtpMessageId: string | null, detail: string | null) {
  return db
    .prepare("UPDATE replies SET state = ?, finished_at = ?, smtp_message_id = ?, detail = ? WHERE id = ? AND state = 'sending'")
    .bind(outcome, at, smtpMessageId, detail, id);
}
