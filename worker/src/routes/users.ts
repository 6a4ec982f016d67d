import { Hono } from 'hono';
import { createUserSchema, issueTokenSchema, WardguardError } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { createUser, getUser, listUsers } from '../db/users.ts';
import { issueToken, listTokens, revokeToken } from '../db/tokens.ts';
import { readJson } from '../http/read-json.ts';

export const userRoutes = new Hono<AppEnv>()
  .use(requireRole('admin'))
  .post('/', async (c) => {
    const input = await readJson(c, createUserSchema);
    return c.json(await createUser(c.env.DB, c.get('principal').councilId, input), 201);
  })
  .get('/', async (c) => c.json({ users: await listUsers(c.env.DB, c.get('principal').councilId) }))
  .get('/:id/tokens', async (c) => {
    const p = c.get('principal');
    // A user of another council is not there, rather than a user with no tokens.
    const user = await getUser(c.env.DB, p.councilId, c.req.param('id'));
    if (!user) throw new WardguardError('NOT_FOUND', 'No such user.');
    return c.json({ tokens: await listTokens(c.env.DB, p.councilId, user.id) });
  })
  .post('/:id/tokens', async (c) => {
    const p = c.get('principal');
    const user = await getUser(c.env.DB, p.councilId, c.req.param('id'));
    if (!user) throw new WardguardError('NOT_FOUND', 'No such user.');
    const { label } = await readJson(c, issueTokenSchema);
    return c.json(await issueToken(c.env.DB, user, label), 201);
  });

export const tokenRoutes = new Hono<AppEnv>().delete('/:id', async (c) => {
  const p = c.get('principal');
  // Anyone may revoke their own token (a lost laptop); admins any in their council.
  const ok = await revokeToken(c.env.DB, p.councilId, c.req.param('id'), p.role === 'admin' ? undefined : p.userId);
  if (!ok) throw new WardguardError('NOT_FOUND', 'No such live token.');
  return c.json({ revoked: true });
});

/** Staff need councillors' names for filters and case pages; nothing more about them. */
export const councillorRoutes = new Hono<AppEnv>().use(requireRole('officer', 'admin')).get('/', async (c) => {
  const users = await listUsers(c.env.DB, c.get('principal').councilId);
  return c.json({
    councillors: users.filter((u) => u.role === 'councillor' && !u.disabledAt).map((u) => ({ id: u.id, name: u.name, initials: u.initials, role: u.role })),
  });
});
