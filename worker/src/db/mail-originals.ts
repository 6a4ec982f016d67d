import type { StoredOriginal } from '@wardguard/shared/api/mail-original';

/** A reduced record, as far as keeping its original goes; null when the record is not this council's. */
export interface OriginalTarget {
  recordId: string;
  councilId: string;
  itemId: string;
  /** The original's SHA-256 and size, as the record declares them. */
  sourceSha256: string;
  sourceSize: number;
  /** Whether the record was filed as a reduced copy (only those have an original to keep). */
  reduced: boolean;
  r2Key: string | null;
  uploadId: string | null;
  partBytes: number | null;
  stored: StoredOriginal | null;
}

interface TargetRow {
  id: string;
  council_id: string;
  item_id: string;
  source_sha256: string;
  source_size: number;
  reduced: number;
  r2_key: string | null;
  upload_id: string | null;
  part_bytes: number | null;
  stored_at: string | null;
  size: number | null;
  sha256: string | null;
}

export async function getOriginalTarget(db: D1Database, councilId: string, recordId: string): Promise<OriginalTarget | null> {
  const row = await db
    .prepare(
      `SELECT r.id, r.council_id, r.item_id, r.source_sha256, r.source_size,
         json_extract(i.metadata, '$.reduced.originalSha256') IS NOT NULL AS reduced,
         o.r2_key, o.upload_id, o.part_bytes, o.stored_at, o.size, o.sha256
       FROM mail_records r JOIN evidence_items i ON i.id = r.item_id
       LEFT JOIN mail_originals o ON o.record_id = r.id
       WHERE r.id = ? AND r.council_id = ?`,
    )
    .bind(recordId, councilId)
    .first<TargetRow>();
  if (!row) return null;
  return {
    recordId: row.id,
    councilId: row.council_id,
    itemId: row.item_id,
    sourceSha256: row.source_sha256,
    sourceSize: row.source_size,
    reduced: row.reduced === 1,
    r2Key: row.r2_key,
    uploadId: row.upload_id,
    partBytes: row.part_bytes,
    stored: row.stored_at && row.size !== null && row.sha256 ? { size: row.size, sha256: row.sha256, storedAt: row.stored_at } : null,
  };
}

/** Starts (or restarts) the record's upload; guarded on the upload it replaces, so two starts cannot both win. */
export function startUploadStatement(
  db: D1Database,
  t: { recordId: string; councilId: string; r2Key: string; uploadId: string; partBytes: number; at: string; replacing: string | null },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO mail_originals (record_id, council_id, r2_key, upload_id, part_bytes, started_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
       ON CONFLICT (record_id) DO UPDATE SET upload_id = ?4, part_bytes = ?5, started_at = ?6
       WHERE stored_at IS NULL AND upload_id IS ?7`,
    )
    .bind(t.recordId, t.councilId, t.r2Key, t.uploadId, t.partBytes, t.at, t.replacing);
}

/** The upload checked in: only if it is still the record's current one. */
export function storedStatement(db: D1Database, recordId: string, uploadId: string, s: StoredOriginal): D1PreparedStatement {
  return db
    .prepare('UPDATE mail_originals SET upload_id = NULL, stored_at = ?, size = ?, sha256 = ? WHERE record_id = ? AND upload_id = ? AND stored_at IS NULL')
    .bind(s.storedAt, s.size, s.sha256, recordId, uploadId);
}

/** The upload failed its check (or was given up): the next start begins afresh. */
export async function clearUpload(db: D1Database, recordId: string, uploadId: string): Promise<void> {
  await db.prepare('UPDATE mail_originals SET upload_id = NULL WHERE record_id = ? AND upload_id = ? AND stored_at IS NULL').bind(recordId, uploadId).run();
}

export interface AbandonedUpload {
  recordId: string;
  r2Key: string;
  uploadId: string;
}

/** Uploads of originals started before `before` and never completed, at most 500 at a time. */
export async function listAbandonedUploads(db: D1Database, before: string): Promise<AbandonedUpload[]> {
  const { results } = await db
    .prepare('SELECT record_id, r2_key, upload_id FROM mail_originals WHERE upload_id IS NOT NULL AND stored_at IS NULL AND started_at < ? LIMIT 500')
    .bind(before)
    .all<{ record_id: string; r2_key: string; upload_id: string }>();
  return results.map((r) => ({ recordId: r.record_id, r2Key: r.r2_key, uploadId: r.upload_id }));
}
