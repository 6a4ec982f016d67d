import type { MailAlert } from '@wardguard/shared/api/mail';

interface AlertRow {
  id: string;
  record_id: string;
  councillor_id: string;
  councillor_name: string;
  mailbox: string;
  severity: MailAlert['severity'];
  sender: string;
  subject: string;
  exhibit_ref: string;
  created_at: string;
  last_notified_at: string | null;
  notify_count: number;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}

const SELECT = `SELECT a.*, r.item_id, r.councillor_id, u.name AS councillor_name, r.mailbox, r.severity, r.sender, r.subject, i.exhibit_ref
  FROM mail_alerts a JOIN mail_records r ON r.id = a.record_id JOIN users u ON u.id = r.councillor_id JOIN evidence_items i ON i.id = r.item_id`;

const toAlert = (r: AlertRow): MailAlert => ({
  id: r.id,
  recordId: r.record_id,
  councillorId: r.councillor_id,
  councillorName: r.councillor_name,
  mailbox: r.mailbox,
  severity: r.severity,
  from: r.sender,
  subject: r.subject,
  exhibitRef: r.exhibit_ref,
  createdAt: r.created_at,
  lastNotifiedAt: r.last_notified_at,
  notifyCount: r.notify_count,
  acknowledgedAt: r.acknowledged_at,
  acknowledgedBy: r.acknowledged_by,
});

export function insertAlertStatement(db: D1Database, a: { id: string; councilId: string; recordId: string; createdAt: string }): D1PreparedStatement {
  return db.prepare('INSERT INTO mail_alerts (id, council_id, record_id, created_at) VALUES (?, ?, ?, ?)').bind(a.id, a.councilId, a.recordId, a.createdAt);
}

export async function getAlert(db: D1Database, councilId: string, id: string): Promise<MailAlert | null> {
  return alertFromResult(await getAlertStatement(db, councilId, id).all());
}

export const getAlertStatement = (db: D1Database, councilId: string, id: string): D1PreparedStatement =>
  db.prepare(`${SELECT} WHERE a.id = ? AND a.council_id = ?`).bind(id, councilId);

export function alertFromResult(result: D1Result | undefined): MailAlert | null {
  const row = (result?.results as AlertRow[] | undefined)?.[0];
  return row ? toAlert(row) : null;
}

/** The alert id of the record a filing names (mailbox, Message-ID, source hash), for a batch that also reads the record. */
export const alertForFilingStatement = (db: D1Database, councilId: string, mailbox: string, messageId: string, sha256: string): D1PreparedStatement =>
  db
    .prepare(
      `SELECT a.id FROM mail_alerts a JOIN mail_records r ON r.id = a.record_id
       WHERE r.council_id = ? AND r.mailbox = ? AND r.message_id = ? AND r.source_sha256 = ?`,
    )
    .bind(councilId, mailbox, messageId, sha256);

/**
 * Unacknowledged alerts; with `dueBefore`, only those never notified or last notified
 * before that time (what the filter must send again now).
 */
export async function listOpenAlerts(db: D1Database, councilId: string, dueBefore?: string): Promise<MailAlert[]> {
  const { results } = await db
    .prepare(
      `${SELECT} WHERE a.council_id = ? AND a.acknowledged_at IS NULL AND (? IS NULL OR a.last_notified_at IS NULL OR a.last_notified_at < ?) ORDER BY a.created_at`,
    )
    .bind(councilId, dueBefore ?? null, dueBefore ?? null)
    .all<AlertRow>();
  return results.map(toAlert);
}

export function notifiedStatement(db: D1Database, id: string, at: string): D1PreparedStatement {
  return db.prepare('UPDATE mail_alerts SET last_notified_at = ?, notify_count = notify_count + 1 WHERE id = ? AND acknowledged_at IS NULL').bind(at, id);
}

/** An open alert with its webhook bookkeeping (kept apart from the filter's email count). */
export interface WebhookDueAlert {
  alert: MailAlert;
  councilId: string;
  itemId: string;
  webhookPushedAt: string | null;
  webhookPushCount: number;
}

/**
 * Unacknowledged alerts of every council whose webhook was never pushed or last pushed
 * before `dueBefore` (the Worker's cron repeats them), oldest first.
 */
export async function listWebhookDueAlerts(db: D1Database, dueBefore: string, limit = 500): Promise<WebhookDueAlert[]> {
  const { results } = await db
    .prepare(`${SELECT} WHERE a.acknowledged_at IS NULL AND (a.webhook_pushed_at IS NULL OR a.webhook_pushed_at < ?) ORDER BY a.created_at LIMIT ?`)
    .bind(dueBefore, limit)
    .all<AlertRow & { council_id: string; item_id: string; webhook_pushed_at: string | null; webhook_push_count: number }>();
  return results.map((r) => ({
    alert: toAlert(r),
    councilId: r.council_id,
    itemId: r.item_id,
    webhookPushedAt: r.webhook_pushed_at,
    webhookPushCount: r.webhook_push_count,
  }));
}

/**
 * Claims one webhook push before it is sent: true only for the one caller whose UPDATE
 * changed the row (the filing request and a cron run racing cannot both push).
 */
export async function claimWebhookPush(db: D1Database, id: string, at: string, dueBefore: string): Promise<boolean> {
  const res = await db
    .prepare(
      'UPDATE mail_alerts SET webhook_pushed_at = ?, webhook_push_count = webhook_push_count + 1 WHERE id = ? AND acknowledged_at IS NULL AND (webhook_pushed_at IS NULL OR webhook_pushed_at < ?)',
    )
    .bind(at, id, dueBefore)
    .run();
  return res.meta.changes === 1;
}

/** A claimed push that did not get through: due again at the next cron run. */
export async function releaseWebhookPush(db: D1Database, id: string, claimedAt: string, previous: string | null): Promise<void> {
  await db
    .prepare('UPDATE mail_alerts SET webhook_pushed_at = ?, webhook_push_count = webhook_push_count - 1 WHERE id = ? AND webhook_pushed_at = ?')
    .bind(previous, id, claimedAt)
    .run();
}

export function ackAlertStatement(db: D1Database, id: string, by: string, at: string): D1PreparedStatement {
  return db.prepare('UPDATE mail_alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND acknowledged_at IS NULL').bind(at, by, id);
}
