import type { DiaryVersionView } from '@wardguard/shared';
import { insertVersionSql, type DiaryText } from './evidence-sql.ts';
import { bindCommand } from './sql-command.ts';

interface VersionRow {
  version: number;
  occurred_at: string;
  what_happened: string;
  impact: string;
  edited_by: string;
  edited_at: string;
}

export type { DiaryText } from './evidence-sql.ts';

/** A new version row numbered max+1 inside SQL (evidence-sql.ts insertVersionSql). */
export const insertVersionStatement = (db: D1Database, itemId: string, text: DiaryText, editedBy: string, editedAt: string): D1PreparedStatement =>
  bindCommand(db, insertVersionSql(itemId, text, editedBy, editedAt));

/** Every version, oldest first; nothing is ever overwritten. */
export async function listVersions(db: D1Database, itemId: string): Promise<DiaryVersionView[]> {
  const { results } = await db.prepare('SELECT * FROM diary_versions WHERE item_id = ? ORDER BY version').bind(itemId).all<VersionRow>();
  return results.map((r) => ({
    version: r.version,
    occurredAt: r.occurred_at,
    whatHappened: r.what_happened,
    impact: r.impact,
    editedBy: r.edited_by,
    editedAt: r.edited_at,
  }));
}

/** Every version of many diary entries (an export), oldest first within each entry. */
export async function versionsForItems(db: D1Database, itemIds: string[]): Promise<Map<string, DiaryVersionView[]>> {
  const { results } = await db
    .prepare('SELECT * FROM diary_versions WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY item_id, version')
    .bind(JSON.stringify(itemIds))
    .all<VersionRow & { item_id: string }>();
  const out = new Map<string, DiaryVersionView[]>();
  for (const r of results) {
    const list = out.get(r.item_id) ?? [];
    list.push({ version: r.version, occurredAt: r.occurred_at, whatHappened: r.what_happened, impact: r.impact, editedBy: r.edited_by, editedAt: r.edited_at });
    out.set(r.item_id, list);
  }
  return out;
}
