import type { MiddlewareHandler } from 'hono';
import { TOKEN_PATTERN, WardguardError } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';
import { findTokenOwner } from '../db/tokens.ts';

/**
 * Resolves `Authorization: Bearer <token>` to a principal on every request. The
 * token is looked up by its SHA-256, so a revoked token fails on its next use.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async function authenticateBearer(c, next) {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new WardguardError('UNAUTHENTICATED', 'Send a bearer token: Authorization: Bearer <token>.');
    const token = match[1]!;
    if (!TOKEN_PATTERN.test(token)) throw new WardguardError('UNAUTHENTICATED', 'The token is not a Wardguard token.');
    const owner = await findTokenOwner(c.env.DB, token);
    if (!owner) throw new WardguardError('UNAUTHENTICATED', 'Unknown token.');
    if (owner.revokedAt) throw new WardguardError('TOKEN_REVOKED', 'This token has been revoked.');
    if (owner.disabledAt) throw new WardguardError('UNAUTHENTICATED', 'This account is disabled.');
    c.set('principal', { userId: owner.userId, councilId: owner.councilId, role: owner.role, name: owner.name, tokenId: owner.tokenId });
    await next();
  };
}
