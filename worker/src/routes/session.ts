import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { TOKEN_PATTERN, WardguardError } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';
import { findTokenOwner } from '../db/tokens.ts';
import { createSession, endSession, getSessionCsrf, SESSION_MAX_AGE_S } from '../db/sessions.ts';
import { SESSION_COOKIE } from '../auth/session-cookie.ts';
import { readJson } from '../http/read-json.ts';
import { getCouncil } from '../db/councils.ts';

const signInSchema = z.object({ token: z.string().trim().min(1).max(200) });

/** POST /session (no auth): exchange a personal token for an HttpOnly session cookie. */
export const signInRoute = new Hono<AppEnv>().post('/', async (c) => {
  const { token } = await readJson(c, signInSchema);
  const owner = TOKEN_PATTERN.test(token) ? await findTokenOwner(c.env.DB, token) : null;
  if (!owner || owner.revokedAt || owner.disabledAt) throw new WardguardError('UNAUTHENTICATED', 'That token is not valid.');
  if (owner.role === 'service') throw new WardguardError('FORBIDDEN', 'Service tokens cannot sign in to the dashboard.');
  const session = await createSession(c.env.DB, owner.tokenId);
  setCookie(c, SESSION_COOKIE, session.cookie, { httpOnly: true, secure: true, sameSite: 'Strict', path: '/', maxAge: SESSION_MAX_AGE_S });
  return c.json({ userId: owner.userId, role: owner.role, name: owner.name, csrfToken: session.csrf, expiresAt: session.expiresAt }, 201);
});

/** GET /session and DELETE /session (authenticated): who am I, and sign out. */
export const sessionRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const p = c.get('principal');
    const csrf = p.sessionIdHash ? await getSessionCsrf(c.env.DB, p.sessionIdHash) : null;
    // Each council's own name: one Worker may serve several councils, and COUNCIL_NAME is only
    // the fallback for a database that has none.
    const council = await getCouncil(c.env.DB, p.councilId);
    return c.json({
      userId: p.userId,
      role: p.role,
      name: p.name,
      councilId: p.councilId,
      councilName: council?.name ?? c.get('config').councilName,
      csrfToken: csrf,
    });
  })
  .delete('/', async (c) => {
    const p = c.get('principal');
    if (p.sessionIdHash) await endSession(c.env.DB, p.sessionIdHash);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'Strict' });
    return c.json({ signedOut: true });
  });
