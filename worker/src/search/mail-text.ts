import { emailBodyText } from '../export/email-text.ts';
import { countPendingMailBodies, listPendingMailBodies, mailTextStatements } from '../db/search-index.ts';

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
  const pending = await listPendingMailBodies(db, councilId, limit);
  const statements: D1PreparedStatement[] = [];
  for (const r of pending) {
    const obj = await bucket.get(r.r2Key);
    const text = obj ? await mailBodyText(new Uint8Array(await obj.arrayBuffer())) : '';
    statements.push(...mailTextStatements(db, r.recordId, text));
  }
  if (statements.length) await db.batch(statements);
  return { indexed: pending.length, remaining: await countPendingMailBodies(db, councilId) };
}
