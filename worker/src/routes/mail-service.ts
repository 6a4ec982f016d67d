import { Hono } from 'hono';
import { WardguardError } from '@wardguard/shared';
import { ackActionSchema } from '@wardguard/shared/api/mail';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { readLimited } from '../evidence/read-limited.ts';
import { readJson } from '../http/read-json.ts';
import { parseFiling } from '../mail/parse-filing.ts';
import { storeMail } from '../mail/store-mail.ts';
import { ackActionStatement, getAction, listPendingActions } from '../db/mail-actions.ts';
import { getAlert, listOpenAlerts, notifiedStatement } from '../db/mail-alerts.ts';
import { getRecord } from '../db/mail-records.ts';
import { appendCustody } from '../db/custody.ts';
import { isLostRace, requireChange } from '../db/write-guard.ts';
import { alertRepeatSeconds } from '../mail/alert-repeat.ts';
import { now } from '../db/ids.ts';
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
    const p = c.get('principal');
    const body = await readJson(c, ackActionSchema);
    const action = await getAction(c.env.DB, p.councilId, c.req.param('id'));
    if (!action) throw new WardguardError('NOT_FOUND', 'No such action.');
    // Acknowledging twice is a no-op: the filter may crash between applying and hearing back.
    if (action.ackedAt) return c.json({ id: action.id, ackedAt: action.ackedAt, outcome: action.outcome, repeated: true });
    const record = await getRecord(c.env.DB, p.councilId, action.recordId);
    const at = now();
    // A decision the filter could not carry out (the message was not where it should be) is
    // logged as not applied: the custody log must never claim a move that did not happen.
    try {
      await appendCustody(
        c.env.DB,
        [
          {
            councilId: p.councilId,
            actorId: p.userId,
            action: body.outcome === 'applied' ? 'mail_action_applied' : 'mail_action_not_applied',
            itemId: record?.itemId ?? null,
            at,
            details: { actionId: action.id, decision: action.decision, outcome: body.outcome, detail: body.detail ?? null },
          },
        ],
        [ackActionStatement(c.env.DB, action.id, body.outcome, at), requireChange(c.env.DB)],
      );
    } catch (err) {
      if (!isLostRace(err)) throw err;
      const first = await getAction(c.env.DB, p.councilId, action.id);
      return c.json({ id: action.id, ackedAt: first?.ackedAt ?? null, outcome: first?.outcome ?? null, repeated: true });
    }
    return c.json({ id: action.id, ackedAt: at, outcome: body.outcome, repeated: false });
  })
  .get('/alerts/due', async (c) => {
    const p = c.get('principal');
    const repeatS = alertRepeatSeconds(c.env);
    const dueBefore = new Date(Date.now() - repeatS * 1000).toISOString();
    return c.json({ alerts: await listOpenAlerts(c.env.DB, p.councilId, dueBefore), repeatSeconds: repeatS });
  })
  .post('/alerts/:id/notified', async (c) => {
    const p = c.get('principal');
    const alert = await getAlert(c.env.DB, p.councilId, c.req.param('id'));
    if (!alert) throw new WardguardError('NOT_FOUND', 'No such alert.');
    if (alert.acknowledgedAt) return c.json({ ...alert, repeated: true });
    const record = await getRecord(c.env.DB, p.councilId, alert.recordId);
    const at = now();
    try {
      await appendCustody(
        c.env.DB,
        [
          {
            councilId: p.councilId,
            actorId: p.userId,
            action: 'alert_notified',
            itemId: record?.itemId ?? null,
            at,
            details: { alertId: alert.id, channel: 'email', count: alert.notifyCount + 1 },
          },
        ],
        [notifiedStatement(c.env.DB, alert.id, at), requireChange(c.env.DB)],
      );
    } catch (err) {
      // Acknowledged while the filter was notifying: nothing more to push.
      if (!isLostRace(err)) throw err;
      return c.json({ ...(await getAlert(c.env.DB, p.councilId, alert.id)), repeated: true });
    }
    // Email only: the webhook is the Worker's own (pushed at filing, repeated by its cron).
    return c.json({ ...alert, lastNotifiedAt: at, notifyCount: alert.notifyCount + 1, repeated: false });
  });
