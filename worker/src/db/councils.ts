import { newId, now } from './ids.ts';
import { insertCouncilSql, listCouncilsSql } from './principal-sql.ts';
import { bindCommand } from './sql-command.ts';

export interface Council {
  id: string;
  name: string;
  createdAt: string;
}

export async function createCouncil(db: D1Database, name: string): Promise<Council> {
  const council = { id: newId(), name, createdAt: now() };
  await bindCommand(db, insertCouncilSql(council)).run();
  return council;
}

export async function getCouncil(db: D1Database, id: string): Promise<Council | null> {
  const row = await db.prepare('SELECT id, name, created_at FROM councils WHERE id = ?').bind(id).first<{ id: string; name: string; created_at: string }>();
  return row ? { id: row.id, name: row.name, createdAt: row.created_at } : null;
}

export async function listCouncilIds(db: D1Database): Promise<string[]> {
  const { results } = await bindCommand(db, listCouncilsSql()).all<{ id: string }>();
  return results.map((r) => r.id);
}

/** A council's own webhooks; null where it has none (see mail/webhook-target.ts). */
export interface CouncilHooks {
  alertWebhookUrl: string | null;
  digestWebhookUrl: string | null;
}

export interface CouncilSettings extends Council, CouncilHooks {}

type SettingsRow = { id: string; name: string; created_at: string; alert_webhook_url: string | null; digest_webhook_url: string | null };
const toSettings = (r: SettingsRow): CouncilSettings => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at,
  alertWebhookUrl: r.alert_webhook_url,
  digestWebhookUrl: r.digest_webhook_url,
});

export async function getCouncilSettings(db: D1Database, id: string): Promise<CouncilSettings | null> {
  const row = await db.prepare('SELECT id, name, created_at, alert_webhook_url, digest_webhook_url FROM councils WHERE id = ?').bind(id).first<SettingsRow>();
  return row ? toSettings(row) : null;
}

export async function listCouncilSettings(db: D1Database): Promise<CouncilSettings[]> {
  const { results } = await db
    .prepare('SELECT id, name, created_at, alert_webhook_url, digest_webhook_url FROM councils ORDER BY created_at')
    .all<SettingsRow>();
  return results.map(toSettings);
}

/** How many councils there are, and how many have a webhook of their own. */
export async function councilHookCensus(db: D1Database): Promise<{ councils: number; withHooks: number }> {
  const row = await db
    .prepare(
      'SELECT COUNT(*) AS councils, COUNT(CASE WHEN alert_webhook_url IS NOT NULL OR digest_webhook_url IS NOT NULL THEN 1 END) AS with_hooks FROM councils',
    )
    .first<{ councils: number; with_hooks: number }>();
  return { councils: row?.councils ?? 0, withHooks: row?.with_hooks ?? 0 };
}

/** Sets the given hooks (undefined: unchanged, null: cleared), as one statement to run with its custody event. */
export function updateCouncilHooksStatement(db: D1Database, id: string, hooks: Partial<CouncilHooks>): D1PreparedStatement {
  const sets: string[] = [];
  const values: (string | null)[] = [];
  if (hooks.alertWebhookUrl !== undefined) {
    sets.push('alert_webhook_url = ?');
    values.push(hooks.alertWebhookUrl);
  }
  if (hooks.digestWebhookUrl !== undefined) {
    sets.push('digest_webhook_url = ?');
    values.push(hooks.digestWebhookUrl);
  }
  if (sets.length === 0) throw new Error('updateCouncilHooksStatement: nothing to set');
  return db.prepare(`UPDATE councils SET ${sets.join(', ')} WHERE id = ?`).bind(...values, id);
}
