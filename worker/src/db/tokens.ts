import { generateToken, hashToken, type IssuedToken, type Role } from '@wardguard/shared';
import { newId, now } from './ids.ts';
import { insertTokenSql, revokeTokenSql, tokenKind } from './principal-sql.ts';
import { bindCommand } from './sql-command.ts';

export async function issueToken(db: D1Database, user: { id: string; role: Role }, label = ''): Promise<IssuedToken> {
  const token = generateToken();
  const issued: IssuedToken = {
    id: newId(),
    userId: user.id,
    kind: tokenKind(user.role),
    token,
    createdAt: now(),
  };
  const tokenHash = await hashToken(token);
  await bindCommand(db, insertTokenSql({ id: issued.id, userId: user.id, kind: issued.kind, tokenHash, label, createdAt: issued.createdAt })).run();
  return issued;
}

export interface TokenOwner {
  tokenId: string;
  revokedAt: string | null;
  userId: string;
  councilId: string;
  role: Role;
  name: string;
  disabledAt: string | null;
}

export async function findTokenOwner(db: D1Database, token: string): Promise<TokenOwner | null> {
  const row = await db
    .prepare(
      `SELECT t.id AS token_id, t.revoked_at, u.id AS user_id, u.council_id, u.role, u.name, u.disabled_at
       FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?`,
    )
    .bind(await hashToken(token))
    .first<{ token_id: string; revoked_at: string | null; user_id: string; council_id: string; role: Role; name: string; disabled_at: string | null }>();
  if (!row) return null;
  return {
    tokenId: row.token_id,
    revokedAt: row.revoked_at,
    userId: row.user_id,
    councilId: row.council_id,
    role: row.role,
    name: row.name,
    disabledAt: row.disabled_at,
  };
}

/** Revokes a token of the given council; returns false if there is no such live token. */
export async function revokeToken(db: D1Database, councilId: string, tokenId: string, onlyUserId?: string): Promise<boolean> {
  const res = await bindCommand(db, revokeTokenSql(tokenId, now(), councilId, onlyUserId ?? null)).run();
  return res.meta.changes > 0;
}

export interface TokenView {
  id: string;
  userId: string;
  kind: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export async function listTokens(db: D1Database, councilId: string, userId: string): Promise<TokenView[]> {
  const { results } = await db
    .prepare(
      `SELECT t.id, t.user_id, t.kind, t.label, t.created_at, t.revoked_at FROM tokens t
       JOIN users u ON u.id = t.user_id WHERE u.council_id = ? AND t.user_id = ? ORDER BY t.created_at`,
    )
    .bind(councilId, userId)
    .all<{ id: string; user_id: string; kind: string; label: string; created_at: string; revoked_at: string | null }>();
  return results.map((r) => ({ id: r.id, userId: r.user_id, kind: r.kind, label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at }));
}

/**
 * Pins a device signing key to a token on its first signed upload and returns the key the
 * token is pinned to (this one, or the one pinned before). One statement, so two first
 * uploads at once with different keys cannot both win.
 */
export async function pinCaptureKey(db: D1Database, tokenId: string, keySha256: string): Promise<string | null> {
  const row = await db
    .prepare('UPDATE tokens SET capture_key_fp = COALESCE(capture_key_fp, ?) WHERE id = ? RETURNING capture_key_fp')
    .bind(keySha256, tokenId)
    .first<{ capture_key_fp: string | null }>();
  return row?.capture_key_fp ?? null;
}
