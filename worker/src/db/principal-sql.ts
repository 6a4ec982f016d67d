import type { Role, UserView } from '@wardguard/shared';
import type { SqlCommand } from './sql-command.ts';

// Councils, users and tokens are written by the Worker (db/councils.ts, users.ts, tokens.ts)
// and, before any token exists, by the admin scripts straight into D1 (scripts/lib/principals.ts).
// Both use these statements, so a column added to one is added to both.

export const tokenKind = (role: Role): 'service' | 'personal' => (role === 'service' ? 'service' : 'personal');

export const insertCouncilSql = (c: { id: string; name: string; createdAt: string }): SqlCommand => ({
  sql: 'INSERT INTO councils (id, name, created_at) VALUES (?, ?, ?)',
  params: [c.id, c.name, c.createdAt],
});

export const listCouncilsSql = (): SqlCommand => ({ sql: 'SELECT id, name FROM councils ORDER BY created_at', params: [] });

/** A user as first written (initials unique in a council: they prefix exhibit references). */
export type NewUserRow = Omit<UserView, 'disabledAt'>;

export const insertUserSql = (u: NewUserRow): SqlCommand => ({
  sql: 'INSERT INTO users (id, council_id, name, email, role, initials, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  params: [u.id, u.councilId, u.name, u.email, u.role, u.initials, u.createdAt],
});

/** Initials already taken in a council (rows of `initials`). */
export const councilInitialsSql = (councilId: string): SqlCommand => ({ sql: 'SELECT initials FROM users WHERE council_id = ?', params: [councilId] });

/** A user's role by id, in any council (the admin scripts work across councils). */
export const userRoleSql = (id: string): SqlCommand => ({ sql: 'SELECT role FROM users WHERE id = ?', params: [id] });

/** Every user with their council's name and live token count, for the admin CLI. */
export const listAllUsersSql = (): SqlCommand => ({
  sql: `SELECT u.id, c.name AS council, u.name, u.email, u.role, u.initials,
       (SELECT COUNT(*) FROM tokens t WHERE t.user_id = u.id AND t.revoked_at IS NULL) AS live_tokens
     FROM users u JOIN councils c ON c.id = u.council_id ORDER BY c.name, u.role, u.name`,
  params: [],
});

/** Live (not disabled) users with any of these e-mail addresses, oldest first (rows of id, email, role). */
export const liveUsersByEmailSql = (emails: string[]): SqlCommand => ({
  sql: `SELECT id, email, role FROM users WHERE disabled_at IS NULL AND email IN (SELECT value FROM json_each(?)) ORDER BY created_at`,
  params: [JSON.stringify(emails)],
});

/** How many admins there are, and every council's id as a JSON array: what a first run needs to know. */
export const firstRunCensusSql = (): SqlCommand => ({
  sql: "SELECT (SELECT COUNT(*) FROM users WHERE role = 'admin') AS admins, (SELECT json_group_array(id) FROM councils) AS councils",
  params: [],
});

export interface NewTokenRow {
  id: string;
  userId: string;
  kind: 'service' | 'personal';
  /** Only the hash is stored: the token itself is shown once. */
  tokenHash: string;
  label: string;
  createdAt: string;
}

export const insertTokenSql = (t: NewTokenRow): SqlCommand => ({
  sql: 'INSERT INTO tokens (id, user_id, kind, token_hash, label, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  params: [t.id, t.userId, t.kind, t.tokenHash, t.label, t.createdAt],
});

/**
 * Revokes a live token; returns its id (RETURNING) if it was revoked. `councilId` null: any
 * council (the admin scripts); `onlyUserId`: only that user's own token.
 */
export const revokeTokenSql = (tokenId: string, at: string, councilId: string | null, onlyUserId: string | null = null): SqlCommand => ({
  sql: `UPDATE tokens SET revoked_at = ?1 WHERE id = ?2 AND revoked_at IS NULL
       AND (?3 IS NULL OR user_id IN (SELECT id FROM users WHERE council_id = ?3 AND (?4 IS NULL OR id = ?4))) RETURNING id`,
  params: [at, tokenId, councilId, onlyUserId],
});
