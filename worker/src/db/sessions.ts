import { generateToken, hashToken, type Role } from '@wardguard/shared';
import { now } from './ids.ts';

export const SESSION_MAX_AGE_S = 8 * 60 * 60;
export const SESSION_IDLE_S = 30 * 60;
// Writing last_seen on every request would turn reads into writes; a minute is precise enough.
const TOUCH_EVERY_MS = 60_000;

export interface NewSession {
  cookie: string;
  csrf: string;
  expiresAt: string;
}

export async function createSession(db: D1Database, tokenId: string): Promise<NewSession> {
  const cookie = generateToken();
  const csrf = generateToken();
  const at = new Date();
  const expiresAt = new Date(at.getTime() + SESSION_MAX_AGE_S * 1000).toISOString();
  await db
    .prepare('INSERT INTO sessions (id_hash, token_id, csrf, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)')
    .bind(await hashToken(cookie), tokenId, csrf, at.toISOString(), expiresAt, at.toISOString())
    .run();
  return { cookie, csrf, expiresAt };
}

export interface SessionOwner {
  idHash: string;
  csrf: string;
  tokenId: string;
  userId: string;
  councilId: string;
  role: Role;
  name: string;
}

/** The live session for a cookie value, or null if unknown, ended, expired, idle too long, or its token revoked. */
export async function findSession(db: D1Database, cookie: string, at = new Date()): Promise<SessionOwner | null> {
  const idHash = await hashToken(cookie);
  const row = await db
    .prepare(
      `SELECT s.id_hash, s.csrf, s.expires_at, s.last_seen_at, s.ended_at, t.id AS token_id, t.revoked_at,
              u.id AS user_id, u.council_id, u.role, u.name, u.disabled_at
       FROM sessions s JOIN tokens t ON t.id = s.token_id JOIN users u ON u.id = t.user_id WHERE s.id_hash = ?`,
    )
    .bind(idHash)
    .first<{
      id_hash: string;
      csrf: string;
      expires_at: string;
      last_seen_at: string;
      ended_at: string | null;
      token_id: string;
      revoked_at: string | null;
      user_id: string;
      council_id: string;
      role: Role;
      name: string;
      disabled_at: string | null;
    }>();
  if (!row || row.ended_at || row.revoked_at || row.disabled_at) return null;
  const t = at.getTime();
  if (t >= Date.parse(row.expires_at) || t - Date.parse(row.last_seen_at) > SESSION_IDLE_S * 1000) return null;
  if (t - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').bind(at.toISOString(), idHash).run();
  }
  return { idHash, csrf: row.csrf, tokenId: row.token_id, userId: row.user_id, councilId: row.council_id, role: row.role, name: row.name };
}

export async function endSession(db: D1Database, idHash: string): Promise<void> {
  await db.prepare('UPDATE sessions SET ended_at = ? WHERE id_hash = ? AND ended_at IS NULL').bind(now(), idHash).run();
}

/** The session's CSRF token, for a dashboard that reloaded and lost it. */
export async function getSessionCsrf(db: D1Database, idHash: string): Promise<string | null> {
  return db.prepare('SELECT csrf FROM sessions WHERE id_hash = ?').bind(idHash).first<string>('csrf');
}
