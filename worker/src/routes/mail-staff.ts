import { Hono } from 'hono';
import { WardguardError } from '@wardguard/shared';
import { decideMailSchema, escalateMailSchema, queueQuerySchema } from '@wardguard/shared/api/mail';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { describeIssues, readJson } from '../http/read-json.ts';
import { getRecord, getRecordStatus, listQueue } from '../db/mail-records.ts';
import { decodeCursor } from '../db/queue-cursor.ts';
import { listOpenAlerts } from '../db/mail-alerts.ts';
import { appendCustody } from '../db/custody.ts';
import { decideMail } from '../mail/decide.ts';
import { escalateMail } from '../mail/escalate.ts';
import { acknowledgeAlert } from '../mail/acknowledge-alert.ts';
import { viewMessage } from '../mail/message-view.ts';

/**
 * Officers' side of the review queue. Councillors never reach it: quarantined text is
 * for the council's single point of contact only.
 */
export const mailStaffRoutes = new Hono<AppEnv>()
  .use(requireRole('officer', 'admin'))
  .get('/queue', async (c) => {
    const p = c.get('principal');
    // An empty field in a filter form means "any", not "match the empty string".
    const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
    const parsed = queueQuerySchema.safeParse(raw);
    if (!parsed.success) throw new WardguardError('VALIDATION_FAILED', describeIssues(parsed.error.issues), parsed.error.issues);
    const { after: cursor, ...filter } = parsed.data;
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    if (after === null) throw new WardguardError('VALIDATION_FAILED', 'after: not a cursor from this queue');
    return c.json(await listQueue(c.env.DB, p.councilId, { ...filter, after }));
  })
  // For polling while the filter works: no message content, so no custody event per poll.
  .get('/records/:id/status', async (c) => {
    const p = c.get('principal');
    const status = await getRecordStatus(c.env.DB, p.councilId, c.req.param('id'));
    if (!status) throw new WardguardError('NOT_FOUND', 'No such mail record.');
    return c.json(status);
  })
  .get('/records/:id', async (c) => {
    const p = c.get('principal');
    const record = await getRecord(c.env.DB, p.councilId, c.req.param('id'));
    if (!record) throw new WardguardError('NOT_FOUND', 'No such mail record.');
    await appendCustody(c.env.DB, [
      { councilId: p.councilId, actorId: p.userId, action: 'viewed', itemId: record.itemId, details: { mailRecordId: record.id } },
    ]);
    return c.json(record);
  })
  // The message view: record and original in one request, one custody event.
  .get('/records/:id/message', async (c) => c.json(await viewMessage(c.env, c.get('principal'), c.req.param('id'))))
  .post('/records/:id/decision', async (c) => {
    const input = await readJson(c, decideMailSchema);
    return c.json(await decideMail(c.env, c.get('principal'), c.req.param('id'), input));
  })
  .post('/records/:id/escalate', async (c) => {
    const input = await readJson(c, escalateMailSchema);
    return c.json(await escalateMail(c.env, c.get('principal'), c.req.param('id'), input));
  })
  .get('/alerts', async (c) => {
    const p = c.get('principal');
    return c.json({ alerts: await listOpenAlerts(c.env.DB, p.councilId) });
  })
  .post('/alerts/:id/ack', async (c) => c.json(await acknowledgeAlert(c.env, c.get('principal'), c.req.param('id'))));
