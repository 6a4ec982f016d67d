import { mailTextSql } from './evidence-sql.ts';
import { bindCommand } from './sql-command.ts';

/** Statements that put a filed message's body text into its index row (evidence-sql.ts mailTextSql), for the mail_records INSERT's batch. */
export const mailTextStatements = (db: D1Database, recordId: string, text: string): D1PreparedStatement[] =>
  mailTextSql(recordId, text).map((c) => bindCommand(db, c));

export interface PendingMailBody {
  recordId: string;
  /** The filed .eml in R2. */
  r2Key: string;
}

/** Messages whose index row still waits for their body text (filed before search existed), oldest first. */
export async function listPendingMailBodies(db: D1Database, councilId: string, limit: number): Promise<PendingMailBody[]> {
  const { results } = await db
    .prepare(
      `SELECT d.record_id, a.r2_key FROM search_docs d JOIN artifacts a ON a.item_id = d.item_id
       WHERE d.council_id = ? AND d.kind = 'message' AND d.body_pending = 1 AND a.media_type = 'message/rfc822'
       ORDER BY d.id LIMIT ?`,
    )
    .bind(councilId, limit)
    .all<{ record_id: string; r2_key: string }>();
  return results.map((r) => ({ recordId: r.record_id, r2Key: r.r2_key }));
}

export async function countPendingMailBodies(db: D1Database, councilId: string): Promise<number> {
  const row = await db
    .prepare("SELECT COUNT(*) AS n FROM search_docs WHERE council_id = ? AND kind = 'message' AND body_pending = 1")
    .bind(councilId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}
