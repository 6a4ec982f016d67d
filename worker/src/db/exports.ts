import type { ExportView } from '@wardguard/shared';
import type { Platform } from '@wardguard/shared/evidence/post-metadata';
import { newId, now } from './ids.ts';
import { parseJsonColumn } from './json-column.ts';

interface ExportRow {
  id: string;
  variant: ExportView['variant'];
  platform: Platform | null;
  scope_kind: ExportView['scope']['kind'];
  scope_id: string | null;
  scope_title: string;
  recipient: string;
  item_ids: string;
  created_by: string;
  created_at: string;
  downloads: number;
  last_manifest_sha256: string | null;
}

export interface ExportRecord extends Omit<ExportView, 'platform'> {
  platform: Platform | null;
  itemIds: string[];
}

const toRecord = (r: ExportRow): ExportRecord => {
  const itemIds = parseJsonColumn<string[]>(r.item_ids, []);
  return {
    id: r.id,
    variant: r.variant,
    platform: r.platform,
    scope: { kind: r.scope_kind, id: r.scope_id, title: r.scope_title },
    recipient: r.recipient,
    exhibits: itemIds.length,
    createdBy: r.created_by,
    createdAt: r.created_at,
    downloadUrl: `/api/v1/exports/${r.id}/pack.zip`,
    downloads: r.downloads,
    lastManifestSha256: r.last_manifest_sha256,
    itemIds,
  };
};

export const toExportView = ({ itemIds: _ids, ...view }: ExportRecord): ExportView => view;

export interface NewExport {
  councilId: string;
  variant: ExportView['variant'];
  platform: Platform | null;
  scope: ExportView['scope'];
  recipient: string;
  itemIds: string[];
  createdBy: string;
}

export function insertExportStatement(db: D1Database, e: NewExport): { stmt: D1PreparedStatement; record: ExportRecord } {
  const row: ExportRow = {
    id: newId(),
    variant: e.variant,
    platform: e.platform,
    scope_kind: e.scope.kind,
    scope_id: e.scope.id,
    scope_title: e.scope.title,
    recipient: e.recipient,
    item_ids: JSON.stringify(e.itemIds),
    created_by: e.createdBy,
    created_at: now(),
    downloads: 0,
    last_manifest_sha256: null,
  };
  const stmt = db
    .prepare(
      `INSERT INTO exports (id, council_id, variant, platform, scope_kind, scope_id, scope_title, recipient, item_ids, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      row.id,
      e.councilId,
      row.variant,
      row.platform,
      row.scope_kind,
      row.scope_id,
      row.scope_title,
      row.recipient,
      row.item_ids,
      row.created_by,
      row.created_at,
    );
  return { stmt, record: toRecord(row) };
}

export async function getExport(db: D1Database, councilId: string, id: string): Promise<ExportRecord | null> {
  const row = await db.prepare('SELECT * FROM exports WHERE id = ? AND council_id = ?').bind(id, councilId).first<ExportRow>();
  return row ? toRecord(row) : null;
}

export async function listExports(db: D1Database, councilId: string, f: { scopeId?: string; limit: number }): Promise<ExportView[]> {
  const { results } = await db
    .prepare('SELECT * FROM exports WHERE council_id = ? AND (? IS NULL OR scope_id = ?) ORDER BY created_at DESC LIMIT ?')
    .bind(councilId, f.scopeId ?? null, f.scopeId ?? null, f.limit)
    .all<ExportRow>();
  return results.map((r) => toExportView(toRecord(r)));
}

export function recordDownloadStatement(db: D1Database, id: string, manifestSha256: string): D1PreparedStatement {
  return db.prepare('UPDATE exports SET downloads = downloads + 1, last_manifest_sha256 = ? WHERE id = ?').bind(manifestSha256, id);
}

/** Every police pack made of one whole case, newest first, with its frozen item list. */
export async function casePoliceExports(db: D1Database, councilId: string, caseId: string): Promise<ExportRecord[]> {
  const { results } = await db
    .prepare("SELECT * FROM exports WHERE council_id = ? AND scope_kind = 'case' AND scope_id = ? AND variant = 'police' ORDER BY created_at DESC LIMIT 200")
    .bind(councilId, caseId)
    .all<ExportRow>();
  return results.map(toRecord);
}
