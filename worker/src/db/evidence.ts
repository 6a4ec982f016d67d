import type { ArtifactView, EvidenceKind, EvidenceView } from '@wardguard/shared';
import { parseJsonColumn } from './json-column.ts';
import { insertItemSql, type NewItem } from './evidence-sql.ts';
import { bindCommand } from './sql-command.ts';

interface ItemRow {
  id: string;
  kind: EvidenceKind;
  exhibit_ref: string;
  title: string;
  councillor_id: string;
  case_id: string | null;
  perpetrator_id: string | null;
  metadata: string;
  captured_at: string;
  captured_by: string;
  received_at: string;
  manifest_sha256: string;
  signature_key_sha256: string | null;
}
interface ArtifactRow {
  id: string;
  item_id: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  r2_key: string;
}

const ITEM_COLUMNS =
  'id, kind, exhibit_ref, title, councillor_id, case_id, perpetrator_id, metadata, captured_at, captured_by, received_at, manifest_sha256, signature_key_sha256';
const toArtifact = (a: ArtifactRow): ArtifactView => ({ id: a.id, name: a.name, mediaType: a.media_type, size: a.size, sha256: a.sha256 });
const toView = (r: ItemRow, artifacts: ArtifactRow[]): EvidenceView => ({
  id: r.id,
  kind: r.kind,
  exhibitRef: r.exhibit_ref,
  title: r.title,
  councillorId: r.councillor_id,
  caseId: r.case_id,
  perpetratorId: r.perpetrator_id,
  metadata: parseJsonColumn(r.metadata, {}),
  capturedAt: r.captured_at,
  capturedBy: r.captured_by,
  receivedAt: r.received_at,
  manifestSha256: r.manifest_sha256,
  signatureKeySha256: r.signature_key_sha256,
  artifacts: artifacts.map(toArtifact),
});

export type { NewItem } from './evidence-sql.ts';
export interface NewArtifact extends ArtifactView {
  r2Key: string;
}

/** Statements that file an item and its files (evidence-sql.ts insertItemSql: the exhibit number comes with it). */
export function insertItemStatements(db: D1Database, item: NewItem, artifacts: NewArtifact[]): D1PreparedStatement[] {
  return [
    ...insertItemSql(item).map((c) => bindCommand(db, c)),
    ...artifacts.map((a) =>
      db
        .prepare('INSERT INTO artifacts (id, item_id, name, media_type, size, sha256, r2_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .bind(a.id, item.id, a.name, a.mediaType, a.size, a.sha256, a.r2Key, item.receivedAt),
    ),
  ];
}

export async function getItem(db: D1Database, councilId: string, id: string): Promise<EvidenceView | null> {
  return itemFromResults(await db.batch(readItemStatements(db, councilId, id)));
}

/** The reads getItem makes, for a batch that writes the item first and reads it back in the same round trip. */
export function readItemStatements(db: D1Database, councilId: string, id: string): D1PreparedStatement[] {
  return [
    db.prepare(`SELECT ${ITEM_COLUMNS} FROM evidence_items WHERE id = ? AND council_id = ?`).bind(id, councilId),
    db
      .prepare('SELECT a.* FROM artifacts a JOIN evidence_items i ON i.id = a.item_id WHERE a.item_id = ? AND i.council_id = ? ORDER BY a.name')
      .bind(id, councilId),
  ];
}

/** The item from the results of readItemStatements, in their order. */
export function itemFromResults([items, arts]: D1Result[]): EvidenceView | null {
  const row = (items?.results as ItemRow[] | undefined)?.[0];
  return row ? toView(row, (arts?.results ?? []) as ArtifactRow[]) : null;
}

export async function findByIdempotencyKey(
  db: D1Database,
  councillorId: string,
  key: string,
): Promise<{ id: string; councilId: string; manifestSha256: string } | null> {
  const row = await db
    .prepare('SELECT id, council_id, manifest_sha256 FROM evidence_items WHERE councillor_id = ? AND idempotency_key = ?')
    .bind(councillorId, key)
    .first<{ id: string; council_id: string; manifest_sha256: string }>();
  return row ? { id: row.id, councilId: row.council_id, manifestSha256: row.manifest_sha256 } : null;
}

export interface ItemFilter {
  councillorId?: string;
  /** Leave out mail the filter quarantined: its text is for officers only. */
  hideQuarantinedMail?: boolean;
  caseId?: string;
  /** Only items in no case: captures filed with "No case yet" must not drop out of sight. */
  unlinked?: boolean;
  perpetratorId?: string;
  kind?: EvidenceKind;
  limit: number;
  before?: string;
}

export async function listItems(db: D1Database, councilId: string, f: ItemFilter): Promise<EvidenceView[]> {
  const { results } = await db
    .prepare(
      `SELECT ${ITEM_COLUMNS} FROM evidence_items WHERE council_id = ?7
         AND (?1 IS NULL OR councillor_id = ?1) AND (?2 IS NULL OR case_id = ?2)
         AND (?3 IS NULL OR perpetrator_id = ?3) AND (?4 IS NULL OR kind = ?4) AND (?5 IS NULL OR received_at < ?5)
         AND (?8 = 0 OR NOT EXISTS (SELECT 1 FROM mail_records m WHERE m.item_id = evidence_items.id))
         AND (?9 = 0 OR case_id IS NULL)
       ORDER BY received_at DESC LIMIT ?6`,
    )
    .bind(
      f.councillorId ?? null,
      f.caseId ?? null,
      f.perpetratorId ?? null,
      f.kind ?? null,
      f.before ?? null,
      f.limit,
      councilId,
      f.hideQuarantinedMail ? 1 : 0,
      f.unlinked ? 1 : 0,
    )
    .all<ItemRow>();
  if (results.length === 0) return [];
  const ids = results.map((r) => r.id);
  const { results: arts } = await db
    .prepare(`SELECT * FROM artifacts WHERE item_id IN (${ids.map(() => '?').join(',')}) ORDER BY name`)
    .bind(...ids)
    .all<ArtifactRow>();
  return results.map((r) =>
    toView(
      r,
      arts.filter((a) => a.item_id === r.id),
    ),
  );
}

export async function getArtifact(db: D1Database, itemId: string, artifactId: string): Promise<(ArtifactView & { r2Key: string }) | null> {
  const row = await db.prepare('SELECT * FROM artifacts WHERE id = ? AND item_id = ?').bind(artifactId, itemId).first<ArtifactRow>();
  return row ? { ...toArtifact(row), r2Key: row.r2_key } : null;
}

/** Guarded on the links we read, so the custody event's `previous` is what was really replaced. */
export function linkItemStatement(
  db: D1Database,
  id: string,
  to: { caseId: string | null; perpetratorId: string | null },
  from: { caseId: string | null; perpetratorId: string | null },
): D1PreparedStatement {
  return db
    .prepare('UPDATE evidence_items SET case_id = ?, perpetrator_id = ? WHERE id = ? AND case_id IS ? AND perpetrator_id IS ?')
    .bind(to.caseId, to.perpetratorId, id, from.caseId, from.perpetratorId);
}

/** True when the item is a message the mail filter filed for review. */
export async function isFiledMail(db: D1Database, itemId: string): Promise<boolean> {
  return (await db.prepare('SELECT 1 AS x FROM mail_records WHERE item_id = ? LIMIT 1').bind(itemId).first<{ x: number }>()) !== null;
}

export type StoredArtifact = ArtifactView & { r2Key: string };
export type PackItem = EvidenceView & { stored: StoredArtifact[] };

/** The items of an export, in the order of `ids`, with where each file lives in R2. */
export async function itemsByIds(db: D1Database, councilId: string, ids: string[]): Promise<PackItem[]> {
  const list = JSON.stringify(ids);
  const [items, arts] = await db.batch([
    db.prepare(`SELECT ${ITEM_COLUMNS} FROM evidence_items WHERE council_id = ? AND id IN (SELECT value FROM json_each(?))`).bind(councilId, list),
    db
      .prepare(
        'SELECT a.* FROM artifacts a JOIN evidence_items i ON i.id = a.item_id WHERE i.council_id = ? AND a.item_id IN (SELECT value FROM json_each(?)) ORDER BY a.name',
      )
      .bind(councilId, list),
  ]);
  const byItem = new Map<string, ArtifactRow[]>();
  for (const a of (arts?.results ?? []) as ArtifactRow[]) byItem.set(a.item_id, [...(byItem.get(a.item_id) ?? []), a]);
  const rows = new Map(((items?.results ?? []) as ItemRow[]).map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = rows.get(id);
    if (!row) return [];
    const a = byItem.get(id) ?? [];
    return [{ ...toView(row, a), stored: a.map((x) => ({ ...toArtifact(x), r2Key: x.r2_key })) }];
  });
}

/** Item ids for an export scope, oldest capture first (timeline order). */
export async function itemIdsWhere(db: D1Database, councilId: string, by: { caseId?: string; perpetratorId?: string }): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT id FROM evidence_items WHERE council_id = ? AND (? IS NULL OR case_id = ?) AND (? IS NULL OR perpetrator_id = ?)
       ORDER BY captured_at, exhibit_ref`,
    )
    .bind(councilId, by.caseId ?? null, by.caseId ?? null, by.perpetratorId ?? null, by.perpetratorId ?? null)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}
