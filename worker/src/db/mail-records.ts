import {
  ACTION_OUTCOMES,
  type ActionOutcome,
  type FileMail,
  type MailQueuePage,
  type MailRecordStatus,
  type MailRecordView,
  type MailState,
} from '@wardguard/shared/api/mail';
import { parseJsonColumn } from './json-column.ts';
import { encodeCursor, type QueueKey } from './queue-cursor.ts';
import { insertRecordSql, type NewMailRecord } from './evidence-sql.ts';
import { bindCommand } from './sql-command.ts';

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
  action_acked_at: string | null;
  action_outcome: string | null;
  no_reply_needed: number;
  esc_police_reference: string | null;
  esc_case_id: string | null;
  esc_perpetrator_id: string | null;
  esc_at: string | null;
  esc_by: string | null;
  alert_id: string | null;
  alert_at: string | null;
  alert_acked_at: string | null;
  alert_acked_by: string | null;
  alert_acked_by_name: string | null;
  original_size: number | null;
  original_sha256: string | null;
  original_stored_at: string | null;
}

export { SEVERITY_RANK } from './evidence-sql.ts';

// The latest decision's acknowledgement tells officers whether and when the filter carried it
// out: an acknowledgement with outcome 'not_found' is not an applied decision.
const SELECT = `SELECT r.*, i.exhibit_ref,
  (SELECT a.acked_at FROM mail_actions a WHERE a.record_id = r.id ORDER BY a.created_at DESC, a.id DESC LIMIT 1) AS action_acked_at,
  (SELECT a.outcome FROM mail_actions a WHERE a.record_id = r.id ORDER BY a.created_at DESC, a.id DESC LIMIT 1) AS action_outcome,
  -- From a person the council has disengaged from: by the perpetrator linked to this item,
  -- or by one of their recorded addresses being the From line's address: the whole line, or the
  -- part in angle brackets (a substring would let bob@evil.example match jimbob@evil.example.org).
  (EXISTS (SELECT 1 FROM perpetrators p WHERE p.council_id = r.council_id AND p.disengaged_at IS NOT NULL
     AND (p.id = i.perpetrator_id OR EXISTS (SELECT 1 FROM json_each(p.emails) e
       WHERE lower(trim(r.sender)) = lower(trim(e.value)) OR instr(lower(r.sender), '<' || lower(trim(e.value)) || '>') > 0)))) AS no_reply_needed,
  e.police_reference AS esc_police_reference, e.case_id AS esc_case_id, e.perpetrator_id AS esc_perpetrator_id,
  e.escalated_at AS esc_at, e.escalated_by AS esc_by,
  al.id AS alert_id, al.created_at AS alert_at, al.acknowledged_at AS alert_acked_at, al.acknowledged_by AS alert_acked_by, au.name AS alert_acked_by_name,
  mo.size AS original_size, mo.sha256 AS original_sha256, mo.stored_at AS original_stored_at
  FROM mail_records r JOIN evidence_items i ON i.id = r.item_id
  LEFT JOIN mail_escalations e ON e.record_id = r.id
  LEFT JOIN mail_alerts al ON al.record_id = r.id
  LEFT JOIN users au ON au.id = al.acknowledged_by
  LEFT JOIN mail_originals mo ON mo.record_id = r.id AND mo.stored_at IS NOT NULL`;

/** An acknowledgement's outcome as officers see it; 'applied' is the only one that sets actionAppliedAt. */
function actionOutcome(ackedAt: string | null, outcome: string | null): Pick<MailRecordView, 'actionAppliedAt' | 'actionOutcome' | 'actionAckedAt'> {
  if (!ackedAt) return { actionAppliedAt: null, actionOutcome: null, actionAckedAt: null };
  const known = (ACTION_OUTCOMES as readonly string[]).includes(outcome ?? '') ? (outcome as ActionOutcome) : 'not_found';
  return { actionAppliedAt: known === 'applied' ? ackedAt : null, actionOutcome: known, actionAckedAt: ackedAt };
}

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
  ...actionOutcome(r.action_acked_at, r.action_outcome),
  noReplyNeeded: r.no_reply_needed === 1,
  escalation:
    r.esc_at && r.esc_by
      ? { policeReference: r.esc_police_reference, caseId: r.esc_case_id, perpetratorId: r.esc_perpetrator_id, escalatedAt: r.esc_at, escalatedBy: r.esc_by }
      : null,
  threatAlert:
    r.alert_id && r.alert_at
      ? { id: r.alert_id, raisedAt: r.alert_at, acknowledgedAt: r.alert_acked_at, acknowledgedBy: r.alert_acked_by, acknowledgedByName: r.alert_acked_by_name }
      : null,
  original:
    r.original_stored_at && r.original_size !== null && r.original_sha256
      ? { size: r.original_size, sha256: r.original_sha256, storedAt: r.original_stored_at }
      : null,
});

export type { NewMailRecord } from './evidence-sql.ts';

export const insertRecordStatement = (db: D1Database, r: NewMailRecord): D1PreparedStatement => bindCommand(db, insertRecordSql(r));

export async function getRecord(db: D1Database, councilId: string, id: string): Promise<MailRecordView | null> {
  const row = await db.prepare(`${SELECT} WHERE r.id = ? AND r.council_id = ?`).bind(id, councilId).first<RecordRow>();
  return row ? toView(row) : null;
}

/** Only where a decision has got to (state and the filter's latest report), without the message. */
export async function getRecordStatus(db: D1Database, councilId: string, id: string): Promise<MailRecordStatus | null> {
  const row = await db
    .prepare(
      `SELECT r.id, r.state, r.decided_at, r.decided_by, a.acked_at, a.outcome FROM mail_records r
       LEFT JOIN mail_actions a ON a.id = (SELECT id FROM mail_actions WHERE record_id = r.id ORDER BY created_at DESC, id DESC LIMIT 1)
       WHERE r.id = ? AND r.council_id = ?`,
    )
    .bind(id, councilId)
    .first<{ id: string; state: MailState; decided_at: string | null; decided_by: string | null; acked_at: string | null; outcome: string | null }>();
  return row ? { id: row.id, state: row.state, decidedAt: row.decided_at, decidedBy: row.decided_by, ...actionOutcome(row.acked_at, row.outcome) } : null;
}

/** The record for this exact message in this mailbox, however often it was filed. */
/** The record a filing names (mailbox, Message-ID, source hash), for a batch that asks it together with other reads or after its own writes. */
export function findRecordStatement(db: D1Database, councilId: string, mailbox: string, messageId: string, sha256: string): D1PreparedStatement {
  return db
    .prepare(`${SELECT} WHERE r.council_id = ? AND r.mailbox = ? AND r.message_id = ? AND r.source_sha256 = ?`)
    .bind(councilId, mailbox, messageId, sha256);
}

/** The record from findRecordStatement's result. */
export function recordFromResult(result: D1Result | undefined): MailRecordView | null {
  const row = (result?.results as RecordRow[] | undefined)?.[0];
  return row ? toView(row) : null;
}

export interface QueueFilter {
  state: MailState;
  councillorId?: string;
  severity?: MailRecordView['severity'];
  sender?: string;
  limit: number;
  after?: QueueKey;
}

// Shared by the page and the count, so "N of M" counts exactly what the filters match.
const QUEUE_WHERE = `r.council_id = ?1 AND r.state = ?2 AND (?3 IS NULL OR r.councillor_id = ?3)
  AND (?4 IS NULL OR r.severity = ?4) AND (?5 IS NULL OR instr(lower(r.sender), lower(?5)) > 0)`;

/**
 * One page of the review queue: threats to life first, then by severity, then oldest
 * first, filtered in the database, with the total matching the filters.
 */
export async function listQueue(db: D1Database, councilId: string, f: QueueFilter): Promise<MailQueuePage> {
  const filter = [councilId, f.state, f.councillorId ?? null, f.severity ?? null, f.sender ?? null];
  const after = f.after ?? null;
  const [page, count] = await db.batch([
    db
      .prepare(
        `${SELECT} WHERE ${QUEUE_WHERE}
           AND (?6 IS NULL OR (r.severity_rank, r.received_at, r.id) > (?6, ?7, ?8))
         ORDER BY r.severity_rank, r.received_at, r.id LIMIT ?9`,
      )
      .bind(...filter, after?.rank ?? null, after?.receivedAt ?? null, after?.id ?? null, f.limit + 1),
    db.prepare(`SELECT COUNT(*) AS n FROM mail_records r WHERE ${QUEUE_WHERE}`).bind(...filter),
  ]);
  const rows = (page!.results as (RecordRow & { severity_rank: number })[]) ?? [];
  const more = rows.length > f.limit;
  const shown = more ? rows.slice(0, f.limit) : rows;
  const last = shown[shown.length - 1];
  return {
    records: shown.map(toView),
    total: (count!.results[0] as { n: number } | undefined)?.n ?? 0,
    nextCursor: more && last ? encodeCursor({ rank: last.severity_rank, receivedAt: last.received_at, id: last.id }) : null,
  };
}

export function decideRecordStatement(db: D1Database, id: string, state: MailState, by: string, at: string, from: MailState): D1PreparedStatement {
  // Guarded on the state we read, so two officers deciding at once cannot both win.
  return db.prepare('UPDATE mail_records SET state = ?, decided_by = ?, decided_at = ? WHERE id = ? AND state = ?').bind(state, by, at, id, from);
}

export function insertEscalationStatement(
  db: D1Database,
  e: {
    id: string;
    councilId: string;
    recordId: string;
    policeReference: string | null;
    caseId: string | null;
    perpetratorId: string | null;
    note: string | null;
    by: string;
    at: string;
  },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO mail_escalations (id, council_id, record_id, police_reference, case_id, perpetrator_id, note, escalated_by, escalated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(e.id, e.councilId, e.recordId, e.policeReference, e.caseId, e.perpetratorId, e.note, e.by, e.at);
}

/** True when a batch failed because the message had already been escalated. */
export const isAlreadyEscalated = (err: unknown) => /mail_escalations\.record_id/.test(String(err));

/** Records for many evidence items at once (an export); json_each keeps it to one bound parameter. */
export async function recordsForItems(db: D1Database, councilId: string, itemIds: string[]): Promise<MailRecordView[]> {
  const { results } = await db
    .prepare(`${SELECT} WHERE r.council_id = ? AND r.item_id IN (SELECT value FROM json_each(?))`)
    .bind(councilId, JSON.stringify(itemIds))
    .all<RecordRow>();
  return results.map(toView);
}

/** The From line of the filed message behind an evidence item, or null when the item is not filed mail. */
export async function senderOfItem(db: D1Database, councilId: string, itemId: string): Promise<string | null> {
  return (
    (await db.prepare('SELECT sender FROM mail_records WHERE council_id = ? AND item_id = ?').bind(councilId, itemId).first<{ sender: string }>())?.sender ??
    null
  );
}
