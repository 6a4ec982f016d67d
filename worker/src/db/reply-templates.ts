import { BUILT_IN_TEMPLATES, type TemplateKey, type TemplateVersionView } from '@wardguard/shared';
import { now } from './ids.ts';

export type TemplateVersion = TemplateVersionView;
interface Row {
  key: TemplateKey;
  version: number;
  name: string;
  subject: string;
  body: string;
  created_by: string | null;
  created_at: string;
}
const toView = (r: Row): TemplateVersion => ({
  key: r.key,
  version: r.version,
  name: r.name,
  subject: r.subject,
  body: r.body,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

/** Built-in wording becomes version 1 of each template the first time a council uses them. */
async function ensureBuiltIns(db: D1Database, councilId: string): Promise<void> {
  const at = now();
  await db.batch(
    BUILT_IN_TEMPLATES.map((t) =>
      db
        .prepare(
          'INSERT OR IGNORE INTO reply_templates (council_id, key, version, name, subject, body, created_by, created_at) VALUES (?, ?, 1, ?, ?, ?, NULL, ?)',
        )
        .bind(councilId, t.key, t.name, t.subject, t.body, at),
    ),
  );
}

export async function currentTemplates(db: D1Database, councilId: string): Promise<TemplateVersion[]> {
  await ensureBuiltIns(db, councilId);
  const { results } = await db
    .prepare(
      `SELECT t.* FROM reply_templates t WHERE t.council_id = ?1
         AND t.version = (SELECT MAX(version) FROM reply_templates WHERE council_id = ?1 AND key = t.key) ORDER BY t.key`,
    )
    .bind(councilId)
    .all<Row>();
  return results.map(toView);
}

export async function currentTemplate(db: D1Database, councilId: string, key: TemplateKey): Promise<TemplateVersion | null> {
  await ensureBuiltIns(db, councilId);
  const row = await db
    .prepare('SELECT * FROM reply_templates WHERE council_id = ? AND key = ? ORDER BY version DESC LIMIT 1')
    .bind(councilId, key)
    .first<Row>();
  return row ? toView(row) : null;
}

export async function templateVersions(db: D1Database, councilId: string, key: TemplateKey): Promise<TemplateVersion[]> {
  await ensureBuiltIns(db, councilId);
  const { results } = await db.prepare('SELECT * FROM reply_templates WHERE council_id = ? AND key = ? ORDER BY version').bind(councilId, key).all<Row>();
  return results.map(toView);
}

/** An edit never overwrites: it is the next version, numbered inside SQL so two edits cannot collide. */
export async function addTemplateVersion(
  db: D1Database,
  councilId: string,
  key: TemplateKey,
  t: { name: string; subject: string; body: string },
  by: string,
): Promise<TemplateVersion> {
  await ensureBuiltIns(db, councilId);
  const row = await db
    .prepare(
      `INSERT INTO reply_templates (council_id, key, version, name, subject, body, created_by, created_at)
       SELECT ?1, ?2, COALESCE(MAX(version), 0) + 1, ?3, ?4, ?5, ?6, ?7 FROM reply_templates WHERE council_id = ?1 AND key = ?2
       RETURNING *`,
    )
    .bind(councilId, key, t.name, t.subject, t.body, by, now())
    .first<Row>();
  return toView(row!);
}
