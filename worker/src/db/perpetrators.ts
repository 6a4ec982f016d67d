import { COURSE_OF_CONDUCT_MIN, type PerpetratorView, type PlatformHandle } from '@wardguard/shared';
import { newId, now } from './ids.ts';
import { guardedUpdate, type GuardedChange } from './guarded-update.ts';
import { parseJsonColumn } from './json-column.ts';
import { insertPerpetratorSql } from './casework-sql.ts';
import { bindCommand } from './sql-command.ts';

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
  incident_count?: number;
}
export type PerpetratorFields = Omit<PerpetratorView, 'id' | 'createdAt' | 'updatedAt' | 'disengagedAt' | 'incidentCount' | 'courseOfConduct'>;

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
  incidentCount: r.incident_count ?? 0,
  courseOfConduct: (r.incident_count ?? 0) >= COURSE_OF_CONDUCT_MIN,
});
const ROW = 'id, display_name, aliases, handles, emails, notes, disengaged_at, created_at, updated_at';
// ?1 = the councillor asking (null for staff): a councillor counts only their own evidence.
const INCIDENTS = `(SELECT COUNT(*) FROM evidence_items i WHERE i.perpetrator_id = perpetrators.id AND i.kind != 'diary'
  AND (?1 IS NULL OR i.councillor_id = ?1)) AS incident_count`;
const COLUMNS = `${ROW}, ${INCIDENTS}`;

// A councillor (?1) sees the perpetrators they recorded or that appear in their own evidence.
const VISIBLE_TO = `(?1 IS NULL OR created_by = ?1 OR id IN (SELECT perpetrator_id FROM evidence_items WHERE councillor_id = ?1))`;

export function insertPerpetratorStatement(db: D1Database, councilId: string, f: PerpetratorFields, createdBy: string) {
  const at = now();
  const view: PerpetratorView = { id: newId(), ...f, disengagedAt: null, createdAt: at, updatedAt: at, incidentCount: 0, courseOfConduct: false };
  const stmt = bindCommand(db, insertPerpetratorSql({ id: view.id, councilId, ...f, createdBy, createdAt: at }));
  return { stmt, view };
}

export async function getPerpetrator(db: D1Database, councilId: string, id: string, visibleTo?: string): Promise<PerpetratorView | null> {
  const v = visibleTo ?? null;
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM perpetrators WHERE id = ?2 AND council_id = ?3 AND ${VISIBLE_TO}`)
    .bind(v, id, councilId)
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
    .prepare(`SELECT ${COLUMNS} FROM perpetrators WHERE council_id = ?2 AND ${VISIBLE_TO} ORDER BY display_name LIMIT 1000`)
    .bind(v, councilId)
    .all<PerpetratorRow>();
  return results.map(toView);
}

const FIELD_COLUMN: Record<keyof PerpetratorFields, string> = {
  displayName: 'display_name',
  aliases: 'aliases',
  handles: 'handles',
  emails: 'emails',
  notes: 'notes',
};
const stored = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * Changes only the columns the patch names, each guarded on the value read in `current` (see
 * guardedUpdate). RETURNING gives the row as it is after the update, other people's changes included.
 */
export function updatePerpetratorStatement(db: D1Database, current: PerpetratorView, patch: Partial<PerpetratorFields> & { disengaged?: boolean }, by: string) {
  const { disengaged, ...fields } = patch;
  const at = now();
  const changes: GuardedChange[] = (Object.entries(fields) as [keyof PerpetratorFields, unknown][])
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({ column: FIELD_COLUMN[key], was: stored(current[key]), to: { value: stored(value) } }));
  if (disengaged !== undefined) {
    changes.push({
      column: 'disengaged_at',
      was: current.disengagedAt,
      // Disengaging twice keeps the first time and officer; re-engaging clears both.
      to: {
        sql: (bind) =>
          disengaged
            ? `disengaged_at = COALESCE(disengaged_at, ${bind(at)}), disengaged_by = CASE WHEN disengaged_at IS NULL THEN ${bind(by)} ELSE disengaged_by END`
            : 'disengaged_at = NULL, disengaged_by = NULL',
      },
    });
  }
  const stmt = guardedUpdate(db, 'perpetrators', current.id, changes, ROW, at);
  const view = (results: D1Result[]): PerpetratorView => {
    const row = results[0]?.results[0] as PerpetratorRow | undefined;
    if (!row) throw new Error('updatePerpetratorStatement: no row returned');
    return toView({ ...row, incident_count: current.incidentCount });
  };
  return { stmt, view };
}

export async function perpetratorsByIds(db: D1Database, councilId: string, ids: string[]): Promise<PerpetratorView[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM perpetrators WHERE council_id = ?2 AND id IN (SELECT value FROM json_each(?3))`)
    .bind(null, councilId, JSON.stringify(ids))
    .all<PerpetratorRow>();
  return results.map(toView);
}
