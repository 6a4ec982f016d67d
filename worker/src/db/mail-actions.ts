import type { MailAction, MailDecision } from '@wardguard/shared/api/mail';

interface ActionRow {
  id: string;
  record_id: string;
  mailbox: string;
  decision: MailDecision;
  created_at: string;
  message_id: string;
  source_sha256: string;
  source_size: number;
  acked_at: string | null;
  outcome: string | null;
}

const SELECT = `SELECT a.*, r.message_id, r.source_sha256, r.source_size FROM mail_actions a JOIN mail_records r ON r.id = a.record_id`;

const toAction = (r: ActionRow): MailAction => ({
  id: r.id,
  recordId: r.record_id,
  mailbox: r.mailbox,
  messageId: r.message_id,
  sourceSha256: r.source_sha256,
  sourceSize: r.source_size,
  decision: r.decision,
  createdAt: r.created_at,
});

export function insertActionStatement(
  db: D1Database,
  a: { id: string; councilId: string; recordId: string; mailbox: string; decision: MailDecision; createdBy: string; createdAt: string },
): D1PreparedStatement {
  return db
    .prepare('INSERT INTO mail_actions (id, council_id, record_id, mailbox, decision, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .bind(a.id, a.councilId, a.recordId, a.mailbox, a.decision, a.createdBy, a.createdAt);
}

/** Actions not yet acknowledged, oldest first (decisions are applied in the order taken). */
export async function listPendingActions(db: D1Database, councilId: string, mailbox: string | undefined, limit: number): Promise<MailAction[]> {
  const { results } = await db
    .prepare(`${SELECT} WHERE a.council_id = ? AND a.acked_at IS NULL AND (? IS NULL OR a.mailbox = ?) ORDER BY a.created_at, a.id LIMIT ?`)
    .bind(councilId, mailbox ?? null, mailbox ?? null, limit)
    .all<ActionRow>();
  return results.map(toAction);
}

export async function getAction(
  db: D1Database,
  councilId: string,
  id: string,
): Promise<(MailAction & { ackedAt: string | null; outcome: string | null }) | null> {
  const row = await db.prepare(`${SELECT} WHERE a.id = ? AND a.council_id = ?`).bind(id, councilId).first<ActionRow>();
  return row ? { ...toAction(row), ackedAt: row.acked_at, outcome: row.outcome } : null;
}

export function ackActionStatement(db: D1Database, id: string, outcome: string, at: string): D1PreparedStatement {
  return db.prepare('UPDATE mail_actions SET acked_at = ?, outcome = ? WHERE id = ? AND acked_at IS NULL').bind(at, outcome, id);
}
