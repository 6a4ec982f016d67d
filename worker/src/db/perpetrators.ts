import type { PerpetratorView, PlatformHandle } from '@wardguard/shared';
import { newId, now } from './ids.ts';
import { parseJsonColumn } from './json-column.ts';

interface PerpetratorRow {
  id: string;
  display_name: string;
  aliases: string;
  handles: string;
  emails: string;
  notes: string;
  disengaged_at: string | null;
  created_at: string;
  updated_at: string;
}
export type PerpetratorFields = Omit<PerpetratorView, 'id' | 'createdAt' | 'updatedAt' | 'disengagedAt'>;

const toView = (r: PerpetratorRow): PerpetratorView => ({
  id: r.id,
  displayName: r.display_name,
  aliases: parseJsonColumn<string[]>(r.aliases, []),
  handles: parseJsonColumn<PlatformHandle[]>(r.handles, []),
  emails: parseJsonColumn<string[]>(r.emails, []),
  notes: r.notes,
  disengagedAt: r.disengaged_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const COLUMNS = 'id, display_name, aliases, handles, emails, notes, disengaged_at, created_at, updated_at';

// A councillor sees the perpetrators they recorded or that appear in their own evidence.
const VISIBLE_TO = `(? IS NULL OR created_by = ? OR id IN (SELECT perpetrator_id FROM evidence_items WHERE councillor_id = ?))`;

export function insertPerpetratorStatement(db: D1Database, councilId: string, f: PerpetratorFields, createdBy: string) {
  const at = now();
  const view: PerpetratorView = { id: newId(), ...f, disengagedAt: null, createdAt: at, updatedAt: at };
  const stmt = db
    .prepare('INSERT INTO perpetrators (id, council_id, display_name, aliases, handles, emails, notes, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .bind(view.id, councilId, f.displayName, JSON.stringify(f.aliases), JSON.stringify(f.handles), JSON.stringify(f.emails), f.notes, createdBy, at, at);
  return { stmt, view };
}

export async function getPerpetrator(db: D1Database, councilId: string, id: string, visibleTo?: string): Promise<PerpetratorView | null> {
  const v = visibleTo ?? null;
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM perpetrators WHERE id = ? AND council_id = ? AND ${VISIBLE_TO}`)
    .bind(id, councilId, v, v, v)
    .first<PerpetratorRow>();
  return row ? toView(row) : null;
}

export async function perpetratorCreatedBy(db: D1Database, id: string): Promise<string | null> {
  const row = await db.prepare('SELECT created_by FROM perpetrators WHERE id = ?').bind(id).first<{ created_by: string }>();
  return row?.created_by ?? null;
}

export async function listPerpetrators(db: D1Database, councilId: string, visibleTo?: string): Promise<PerpetratorView[]> {
  const v = visibleTo ?? null;
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM perpetrators WHERE council_id = ? AND ${VISIBLE_TO} ORDER BY display_name LIMIT 1000`)
    .bind(councilId, v, v, v)
    .all<PerpetratorRow>();
  return results.map(toView);
}

export function updatePerpetratorStatement(db: D1Database, current: PerpetratorView, patch: Partial<PerpetratorFields> & { disengaged?: boolean }, by: string) {
  const { disengaged, ...fields } = patch;
  const at = now();
  const next: PerpetratorView = { ...current, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)), updatedAt: at };
  if (disengaged !== undefined) next.disengagedAt = disengaged ? (current.disengagedAt ?? at) : null;
  const stmt = db
    .prepare(
      `UPDATE perpetrators SET display_name = ?1, aliases = ?2, handles = ?3, emails = ?4, notes = ?5, disengaged_at = ?6,
         disengaged_by = CASE WHEN ?7 IS NULL THEN disengaged_by WHEN ?6 IS NULL THEN NULL ELSE ?7 END, updated_at = ?8 WHERE id = ?9`,
    )
    .bind(
      next.displayName, JSON.stringify(next.aliases), JSON.stringify(next.handles), JSON.stringify(next.emails), next.notes,
      next.disengagedAt, disengaged === undefined ? null : by, next.updatedAt, current.id,
    );
  return { stmt, view: next };
}

export async function perpetratorsByIds(db: D1Database, councilId: string, ids: string[]): Promise<PerpetratorView[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM perpetrators WHERE council_id = ? AND id IN (SELECT value FROM json_each(?))`)
    .bind(councilId, JSON.stringify(ids))
    .all<PerpetratorRow>();
  return results.map(toView);
}
