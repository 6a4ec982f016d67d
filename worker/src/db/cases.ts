import type { CaseView } from '@wardguard/shared';
import { newId, now } from './ids.ts';
import { guardedUpdate } from './guarded-update.ts';
import { insertCaseSql } from './casework-sql.ts';
import { bindCommand } from './sql-command.ts';

interface CaseRow {
  id: string;
  councillor_id: string;
  title: string;
  status: CaseView['status'];
  police_reference: string | null;
  created_at: string;
  updated_at: string;
}

const toView = (r: CaseRow): CaseView => ({
  id: r.id,
  councillorId: r.councillor_id,
  title: r.title,
  status: r.status,
  policeReference: r.police_reference,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const COLUMNS = 'id, councillor_id, title, status, police_reference, created_at, updated_at';

export function insertCaseStatement(db: D1Database, councilId: string, councillorId: string, title: string, createdBy: string) {
  const at = now();
  const row: CaseRow = { id: newId(), councillor_id: councillorId, title, status: 'open', police_reference: null, created_at: at, updated_at: at };
  const stmt = bindCommand(db, insertCaseSql({ id: row.id, councilId, councillorId, title, createdBy, createdAt: at }));
  return { stmt, view: toView(row) };
}

/** A case of the council, optionally restricted to one councillor's. */
export async function getCase(db: D1Database, councilId: string, id: string, councillorId?: string): Promise<CaseView | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM cases WHERE id = ? AND council_id = ? AND (? IS NULL OR councillor_id = ?)`)
    .bind(id, councilId, councillorId ?? null, councillorId ?? null)
    .first<CaseRow>();
  return row ? toView(row) : null;
}

export async function listCases(db: D1Database, councilId: string, councillorId?: string): Promise<CaseView[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM cases WHERE council_id = ? AND (? IS NULL OR councillor_id = ?) ORDER BY updated_at DESC LIMIT 500`)
    .bind(councilId, councillorId ?? null, councillorId ?? null)
    .all<CaseRow>();
  return results.map(toView);
}

const CASE_COLUMN = { title: 'title', status: 'status', policeReference: 'police_reference' } as const;

/** Changes only the columns the patch names, each guarded on the value read in `current` (see guardedUpdate). */
export function updateCaseStatement(
  db: D1Database,
  id: string,
  current: CaseView,
  patch: { title?: string; status?: CaseView['status']; policeReference?: string | null },
) {
  const changes = (Object.keys(CASE_COLUMN) as (keyof typeof CASE_COLUMN)[])
    .filter((key) => patch[key] !== undefined)
    .map((key) => ({ column: CASE_COLUMN[key], was: current[key], to: { value: patch[key] } }));
  const stmt = guardedUpdate(db, 'cases', id, changes, COLUMNS);
  const view = (results: D1Result[]): CaseView => {
    const row = results[0]?.results[0] as CaseRow | undefined;
    if (!row) throw new Error('updateCaseStatement: no row returned');
    return toView(row);
  };
  return { stmt, view };
}

/**
 * A threat escalated to the police marks its case referred. The case keeps a police reference
 * it already had (one case, one crime number); the escalation records its own either way.
 */
export function referCaseStatement(db: D1Database, id: string, policeReference: string | null, at: string): D1PreparedStatement {
  return db
    .prepare("UPDATE cases SET status = 'referred', police_reference = COALESCE(police_reference, ?), updated_at = ? WHERE id = ?")
    .bind(policeReference, at, id);
}
