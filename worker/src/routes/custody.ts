import { Hono } from 'hono';
import { WardguardError } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';
import { isStaff, requireRole } from '../auth/roles.ts';
import { listCustody } from '../db/custody.ts';
import { verifyAnchoredCustody } from '../custody/verify.ts';
import { visibleItem } from '../auth/scope.ts';

// Read-only on purpose: the log has no route that edits or deletes, and the table
// refuses UPDATE/DELETE by trigger.
export const custodyRoutes = new Hono<AppEnv>()
  .use(requireRole('councillor', 'officer', 'admin'))
  .get('/', async (c) => {
    const p = c.get('principal');
    const itemId = c.req.query('itemId');
    if (itemId) await visibleItem(c.env.DB, p, itemId);
    else if (!isStaff(p)) throw new WardguardError('FORBIDDEN', 'Councillors can read the custody log of one of their items (?itemId=).');
    const limit = Math.min(Math.max(Number(c.req.query('limit')) || 200, 1), 1000);
    const events = await listCustody(c.env.DB, p.councilId, { itemId, afterSeq: Number(c.req.query('after')) || 0, limit });
    return c.json({ events });
  })
  .get('/verify', requireRole('officer', 'admin'), async (c) => {
    return c.json(await verifyAnchoredCustody(c.env, c.get('principal').councilId));
  });
