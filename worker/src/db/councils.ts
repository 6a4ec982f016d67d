import { newId, now } from './ids.ts';

export interface Council {
  id: string;
  name: string;
  createdAt: string;
}

export async function createCouncil(db: D1Database, name: string): Promise<Council> {
  const council = { id: newId(), name, createdAt: now() };
  await db.prepare('INSERT INTO councils (id, name, created_at) VALUES (?, ?, ?)').bind(council.id, name, council.createdAt).run();
  return council;
}

export async function getCouncil(db: D1Database, id: string): Promise<Council | null> {
  const row = await db.prepare('SELECT id, name, created_at FROM councils WHERE id = ?').bind(id).first<{ id: string; name: string; created_at: string }>();
  return row ? { id: row.id, name: row.name, createdAt: row.created_at } : null;
}

export async function listCouncilIds(db: D1Database): Promise<string[]> {
  const { results } = await db.prepare('SELECT id FROM councils ORDER BY created_at').all<{ id: string }>();
  return results.map((r) => r.id);
}
