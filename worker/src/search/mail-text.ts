import { emailBodyText } from '../export/email-text.ts';

/** Body text indexed per message; a longer body is found by its first this-many characters. */
export const MAIL_TEXT_MAX_CHARS = 100_000;
/**
 * Bytes of an .eml read for its text. The text parts come before large attachments in real mail,
 * so a big message is read only this far rather than decoding every attachment on the filing path.
 */
export const MAIL_PARSE_MAX_BYTES = 4 * 1024 * 1024;

/**
 * The text a reader of the message would see (plain part, or the HTML part as text), for the
 * index. Never throws: a message the parser refuses indexes by its subject and addresses only.
 *
 * @example
 * const text = await mailBodyText(eml);
 */
export async function mailBodyText(eml: Uint8Array): Promise<string> {
  try {
    const { text } = await emailBodyText(eml.byteLength > MAIL_PARSE_MAX_BYTES ? eml.subarray(0, MAIL_PARSE_MAX_BYTES) : eml);
    return text.slice(0, MAIL_TEXT_MAX_CHARS);
  } catch {
    return '';
  }
}

/**
 * Statements that put a filed message's body text into its index row, for the same batch as the
 * mail_records INSERT (after it: that INSERT's trigger makes the row). Empty text keeps what the
 * trigger indexed from the classifier's verdict.
 */
export function mailTextStatements(db: D1Database, recordId: string, text: string): D1PreparedStatement[] {
  return [
    ...(text.trim()
      ? [
          db
            .prepare("UPDATE search_fts SET body = ?2 WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'message' AND record_id = ?1)")
            .bind(recordId, text),
        ]
      : []),
    db.prepare("UPDATE search_docs SET body_pending = 0 WHERE kind = 'message' AND record_id = ?").bind(recordId),
  ];
}

/** Messages indexed per call of indexPendingMail: each is one R2 read and one parse. */
export const PENDING_BATCH = 25;

/**
 * Reads the body text of messages whose index row is still waiting for it (filed before search
 * existed) from their .eml in R2. Returns how many it indexed and how many still wait.
 */
export async function indexPendingMail(
  db: D1Database,
  bucket: R2Bucket,
  councilId: string,
  limit = PENDING_BATCH,
): Promise<{ indexed: number; remaining: number }> {
  const { results } = await db
    .prepare(
      `SELECT d.record_id, a.r2_key FROM search_docs d JOIN artifacts a ON a.item_id = d.item_id
       WHERE d.council_id = ? AND d.kind = 'message' AND d.body_pending = 1 AND a.media_type = 'message/rfc822'
       ORDER BY d.id LIMIT ?`,
    )
    .bind(councilId, limit)
    .all<{ record_id: string; r2_key: string }>();
  const statements: D1PreparedStatement[] = [];
  for (const r of results) {
    const obj = await bucket.get(r.r2_key);
    const text = obj ? await mailBodyText(new Uint8Array(await obj.arrayBuffer())) : '';
    statements.push(...mailTextStatements(db, r.record_id, text));
  }
  if (statements.length) await db.batch(statements);
  const left = await db
    .prepare("SELECT COUNT(*) AS n FROM search_docs WHERE council_id = ? AND kind = 'message' AND body_pending = 1")
    .bind(councilId)
    .first<{ n: number }>();
  return { indexed: results.length, remaining: left?.n ?? 0 };
}
