import type { CaseNoteKind, CaseNoteView } from '@wardguard/shared';
import { newId, now } from './ids.ts';

interface NoteRow {
  id: string;
  case_id: string;
  author_id: string;
  author_name: string;
  kind: CaseNoteKind;
  body: string;
  created_at: string;
}

const toView = (r: NoteRow): CaseNoteView => ({
  id: r.id,
  caseId: r.case_id,
  authorId: r.author_id,
  authorName: r.author_name,
  kind: r.kind,
  text: r.body,
  createdAt: r.created_at,
});

export function insertNoteStatement(db: D1Database, councilId: string, caseId: string, author: { id: string; name: string }, kind: CaseNoteKind, text: string) {
  const row: NoteRow = { id: newId(), case_id: caseId, author_id: author.id, author_name: author.name, kind, body: text, created_at: now() };
  const stmt = db
    .prepare('INSERT INTO case_notes (id, council_id, case_id, author_id, kind, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .bind(row.id, councilId, caseId, author.id, kind, text, row.created_at);
  return { stmt, view: toView(row) };
}

/** A case's notes and updates, oldest first. */
export async function listNotes(db: D1Database, councilId: string, caseId: string): Promise<CaseNoteView[]> {
  const { results } = await db
    .prepare(
      `SELECT n.id, n.case_id, n.author_id, u.name AS author_name, n.kind, n.body, n.created_at
       FROM case_notes n JOIN users u ON u.id = n.author_id WHERE n.council_id = ? AND n.case_id = ? ORDER BY n.created_at, n.id`,
    )
    .bind(councilId, caseId)
    .all<NoteRow>();
  return results.map(toView);
}

/**
 * Sets the case's police reference (the liaison's crime number) in the note's transaction,
 * only if it still holds the value the liaison read (`was`): an officer's change in between is
 * not overwritten. Follow it with requireChange.
 */
export function setPoliceReferenceStatement(db: D1Database, caseId: string, was: string | null, policeReference: string, at: string): D1PreparedStatement {
  return db.prepare('UPDATE cases SET police_reference = ?, updated_at = ? WHERE id = ? AND police_reference IS ?').bind(policeReference, at, caseId, was);
}
