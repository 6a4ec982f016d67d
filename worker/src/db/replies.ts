import { REPLY_STUCK_AFTER_MS, type ReplyState, type ReplyView } from '@wardguard/shared';
import { newId, now } from './ids.ts';
import type { ComposedReply } from '../replies/compose.ts';

export type { ReplyState, ReplyView };
interface Row {
  id: string;
  record_id: string;
  mailbox: string;
  recipient: string;
  template_key: string;
  template_name: string | null;
  template_version: number;
  subject: string;
  text_body: string;
  html_body: string;
  in_reply_to: string;
  override_reason: string | null;
  state: ReplyState;
  approved_by: string;
  approved_by_name: string | null;
  approved_at: string;
  claimed_at: string | null;
  finished_at: string | null;
  smtp_message_id: string | null;
  detail: string | null;
}
const stuckFrom = (r: Row) => (r.state === 'sending' && r.claimed_at ? new Date(Date.parse(r.claimed_at) + REPLY_STUCK_AFTER_MS).toISOString() : null);
const toView = (r: Row, at = Date.now()): ReplyView => ({
  id: r.id,
  recordId: r.record_id,
  mailbox: r.mailbox,
  to: r.recipient,
  templateKey: r.template_key,
  templateName: r.template_name,
  templateVersion: r.template_version,
  subject: r.subject,
  text: r.text_body,
  html: r.html_body,
  inReplyTo: r.in_reply_to,
  overrideReason: r.override_reason,
  state: r.state,
  approvedBy: r.approved_by,
  approvedByName: r.approved_by_name,
  approvedAt: r.approved_at,
  claimedAt: r.claimed_at,
  finishedAt: r.finished_at,
  smtpMessageId: r.smtp_message_id,
  detail: r.detail,
  stuckFrom: stuckFrom(r),
  stuck: stuckFrom(r) !== null && Date.parse(stuckFrom(r)!) <= at,
});

// Who approved it and the name of the template version it used, for the officers' views.
const SELECT = `SELECT r.*, u.name AS approved_by_name, t.name AS template_name FROM replies r
  LEFT JOIN users u ON u.id = r.approved_by
  LEFT JOIN reply_templates t ON t.council_id = r.council_id AND t.key = r.template_key AND t.version = r.template_version`;

/**
 * Inserts an approved reply unless the same template already went to the same address since
 * `since` (a failed or withdrawn one does not count). The check and the insert are one statement, so two
 * approvals at once cannot both pass: put requireChange after it, and the loser's batch rolls back.
 */
export function insertReplyStatement(
  db: D1Database,
  councilId: string,
  recordId: string,
  mailbox: string,
  reply: ComposedReply,
  approvedBy: string,
  overrideReason: string | null,
  since: string,
) {
  const id = newId();
  const at = now();
  const stmt = db
    .prepare(
      `INSERT INTO replies (id, council_id, record_id, mailbox, recipient, template_key, template_version, subject, text_body, html_body, in_reply_to, override_reason, state, approved_by, approved_at)
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'approved', ?, ?
       WHERE NOT EXISTS (SELECT 1 FROM replies WHERE council_id = ? AND recipient = ? AND template_key = ? AND approved_at >= ? AND state NOT IN ('failed', 'withdrawn'))`,
    )
    .bind(
      id,
      councilId,
      recordId,
      mailbox,
      reply.to,
      reply.templateKey,
      reply.templateVersion,
      reply.subject,
      reply.text,
      reply.html,
      reply.inReplyTo,
      overrideReason,
      approvedBy,
      at,
      councilId,
      reply.to,
      reply.templateKey,
      since,
    );
  return { id, at, stmt };
}

/** The last reply with this template to this address since `since`, if any. */
export async function recentReply(db: D1Database, councilId: string, to: string, templateKey: string, since: string): Promise<ReplyView | null> {
  const row = await db
    .prepare(
      `${SELECT} WHERE r.council_id = ? AND r.recipient = ? AND r.template_key = ? AND r.approved_at >= ? AND r.state NOT IN ('failed', 'withdrawn') ORDER BY r.approved_at DESC LIMIT 1`,
    )
    .bind(councilId, to, templateKey, since)
    .first<Row>();
  return row ? toView(row) : null;
}

export async function getReply(db: D1Database, councilId: string, id: string): Promise<ReplyView | null> {
  const row = await db.prepare(`${SELECT} WHERE r.id = ? AND r.council_id = ?`).bind(id, councilId).first<Row>();
  return row ? toView(row) : null;
}

/** Replies of the council, oldest first; `caseId` takes those to any email linked to the case. */
export async function listReplies(
  db: D1Database,
  councilId: string,
  filter: { recordId?: string; caseId?: string; mailbox?: string; state?: ReplyState },
): Promise<ReplyView[]> {
  const { results } = await db
    .prepare(
      `${SELECT} WHERE r.council_id = ?1 AND (?2 IS NULL OR r.record_id = ?2) AND (?3 IS NULL OR r.mailbox = ?3) AND (?4 IS NULL OR r.state = ?4)
         AND (?5 IS NULL OR r.record_id IN (SELECT m.id FROM mail_records m JOIN evidence_items i ON i.id = m.item_id WHERE i.case_id = ?5 AND m.council_id = ?1))
       ORDER BY r.approved_at LIMIT 200`,
    )
    .bind(councilId, filter.recordId ?? null, filter.mailbox ?? null, filter.state ?? null, filter.caseId ?? null)
    .all<Row>();
  const at = Date.now();
  return results.map((r) => toView(r, at));
}

/** approved → sending, once: a second claim (a restarted filter) changes nothing and is told so. */
export function claimStatement(db: D1Database, id: string, at: string) {
  return db.prepare("UPDATE replies SET state = 'sending', claimed_at = ? WHERE id = ? AND state = 'approved'").bind(at, id);
}

/** The filter's report. A late "sent" overrides an officer's "not sent": what happened beats a guess. */
export function finishStatement(db: D1Database, id: string, outcome: 'sent' | 'failed', at: string, smtpMessageId: string | null, detail: string | null) {
  return db
    .prepare(
      "UPDATE replies SET state = ?1, finished_at = ?2, smtp_message_id = ?3, detail = ?4 WHERE id = ?5 AND (state = 'sending' OR (?1 = 'sent' AND state = 'failed' AND claimed_at IS NOT NULL))",
    )
    .bind(outcome, at, smtpMessageId, detail, id);
}

/** approved → withdrawn on an officer's word, only while no filter has claimed it. */
export function withdrawStatement(db: D1Database, id: string, at: string, detail: string) {
  return db.prepare("UPDATE replies SET state = 'withdrawn', finished_at = ?, detail = ? WHERE id = ? AND state = 'approved'").bind(at, detail, id);
}

/** sending → failed on an officer's word, once it can no longer be mid-send (see REPLY_STUCK_AFTER_MS). */
export function markFailedStatement(db: D1Database, id: string, at: string, claimedBefore: string, detail: string) {
  return db
    .prepare("UPDATE replies SET state = 'failed', finished_at = ?, detail = ? WHERE id = ? AND state = 'sending' AND claimed_at <= ?")
    .bind(at, detail, id, claimedBefore);
}

/** The mail records whose evidence is linked to this case, most recently received first. */
export async function caseRecordIds(db: D1Database, councilId: string, caseId: string): Promise<string[]> {
  const { results } = await db
    .prepare(
      'SELECT m.id FROM mail_records m JOIN evidence_items i ON i.id = m.item_id WHERE m.council_id = ? AND i.case_id = ? ORDER BY m.received_at DESC, m.id LIMIT 100',
    )
    .bind(councilId, caseId)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}
