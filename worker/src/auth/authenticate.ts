import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { TOKEN_PATTERN, WardguardError } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';
import { findTokenOwner } from '../db/tokens.ts';
import { findSession } from '../db/sessions.ts';
import { CSRF_HEADER, SESSION_COOKIE } from './session-cookie.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller on every request: `Authorization: Bearer <token>` (extension,
 * mail filter, scripts) or the dashboard's session cookie. Both are looked up by
 * SHA-256, so a revoked token — and every session made from it — fails at once.
 * Cookie-authenticated writes must also echo the session's CSRF token in a header.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async function authenticateRequest(c, next) {
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new WardguardError('UNAUTHENTICATED', 'Send a bearer token: Authorization: Bearer <token>.');
      const token = match[1]!;
      if (!TOKEN_PATTERN.test(token)) throw new WardguardError('UNAUTHENTICATED', 'The token is not a Wardguard token.');
      const owner = await findTokenOwner(c.env.DB, token);
      if (!owner) throw new WardguardError('UNAUTHENTICATED', 'Unknown token.');
      if (owner.revokedAt) throw new WardguardError('TOKEN_REVOKED', 'This token has been revoked.');
      if (owner.disabledAt) throw new WardguardError('UNAUTHENTICATED', 'This account is disabled.');
      c.set('principal', { userId: owner.userId, councilId: owner.councilId, role: owner.role, name: owner.name, tokenId: owner.tokenId });
      return next();
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    if (!cookie) throw new WardguardError('UNAUTHENTICATED', 'Sign in, or send a bearer token: Authorization: Bearer <token>.');
    const session = TOKEN_PATTERN.test(cookie) ? await findSession(c.env.DB, cookie) : null;
    if (!session) throw new WardguardError('SESSION_EXPIRED', 'Your session has ended; sign in again.');
    if (!SAFE_METHODS.has(c.req.method) && c.req.header(CSRF_HEADER) !== session.csrf) {
      throw new WardguardError('CSRF_FAILED', `Writes from the dashboard must carry the ${CSRF_HEADER} header.`);
    }
    c.set('principal', {
      userId: session.userId,
      councilId: session.councilId,
      role: session.role,
      name: session.name,
      tokenId: session.tokenId,
      sessionIdHash: session.idHash,
    });
    return next();
  };
}
