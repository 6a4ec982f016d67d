import { Hono } from 'hono';
import { WardguardError } from '@wardguard/shared';
import { ackActionSchema } from '@wardguard/shared/api/mail';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { readLimited } from '../evidence/read-limited.ts';
import { readJson } from '../http/read-json.ts';
import { parseFiling } from '../mail/parse-filing.ts';
import { storeMail } from '../mail/store-mail.ts';
import { listPendingActions } from '../db/mail-actions.ts';
import { listOpenAlerts } from '../db/mail-alerts.ts';
import { alertRepeatSeconds } from '../mail/alert-repeat.ts';
import { ackAction } from '../mail/ack-action.ts';
import { recordAlertNotified } from '../mail/alert-notified.ts';
import { getUser } from '../db/users.ts';

/** Routes for the mail filter's service token: file mail, take decisions, repeat alert emails. */
export const mailServiceRoutes = new Hono<AppEnv>()
  .use(requireRole('service'))
  .post('/messages', async (c) => {
    const p = c.get('principal');
    const body = await readLimited(c.req.raw, c.get('config').maxBundleBytes);
    const filing = await parseFiling(body, c.req.header('content-type') ?? '', c.get('config').maxArtifactBytes);
    const { result, created } = await storeMail(c.env, p, filing, new URL(c.req.url).origin);
    return c.json(result, created ? 201 : 200);
  })
  .get('/councillors/:id', async (c) => {
    // The filter's start-up check: is this account's councillorId a councillor of my council?
    const p = c.get('principal');
    const user = await getUser(c.env.DB, p.councilId, c.req.param('id'));
    if (!user || user.role !== 'councillor') throw new WardguardError('NOT_FOUND', 'No such councillor in this council.');
    return c.json({ id: user.id, name: user.name });
  })
  .get('/actions', async (c) => {
    const p = c.get('principal');
    const limit = Math.min(Math.max(Number(c.req.query('limit')) || 50, 1), 200);
    return c.json({ actions: await listPendingActions(c.env.DB, p.councilId, c.req.query('mailbox'), limit) });
  })
  .post('/actions/:id/ack', async (c) => {
    const body = await readJson(c, ackActionSchema);
    return c.json(await ackAction(c.env, c.get('principal'), c.req.param('id'), body));
  })
  .get('/alerts/due', async (c) => {
    const p = c.get('principal');
    const repeatS = alertRepeatSeconds(c.env);
    const dueBefore = new Date(Date.now() - repeatS * 1000).toISOString();
    return c.json({ alerts: await listOpenAlerts(c.env.DB, p.councilId, dueBefore), repeatSeconds: repeatS });
  })
  .post('/alerts/:id/notified', async (c) => c.json(await recordAlertNotified(c.env, c.get('principal'), c.req.param('id'))));
