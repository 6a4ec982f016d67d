import { Hono } from 'hono';
import { WardguardError } from '@wardguard/shared';
import { decideMailSchema, queueQuerySchema, type MailDecision, type MailState } from '@wardguard/shared/api/mail';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { describeIssues, readJson } from '../http/read-json.ts';
import { decideRecordStatement, decodeCursor, getRecord, getRecordStatus, listQueue } from '../db/mail-records.ts';
import { insertActionStatement } from '../db/mail-actions.ts';
import { ackAlertStatement, getAlert, listOpenAlerts } from '../db/mail-alerts.ts';
import { appendCustody } from '../db/custody.ts';
import { isLostRace, requireChange } from '../db/write-guard.ts';
import { newId, now } from '../db/ids.ts';

const STATE_AFTER: Record<MailDecision, MailState> = { release: 'released', keep: 'kept', not_abuse: 'not_abuse' };
/** Kept mail can still be released later; released mail is back with the councillor. */
const DECIDABLE: MailState[] = ['quarantined', 'kept'];

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
    await appendCustody(c.env.DB, [{ councilId: p.councilId, actorId: p.userId, action: 'viewed', itemId: record.itemId, details: { mailRecordId: record.id } }]);
    return c.json(record);
  })
  .post('/records/:id/decision', async (c) => {
    const p = c.get('principal');
    const { decision, note } = await readJson(c, decideMailSchema);
    const record = await getRecord(c.env.DB, p.councilId, c.req.param('id'));
    if (!record) throw new WardguardError('NOT_FOUND', 'No such mail record.');
    if (!DECIDABLE.includes(record.state)) throw new WardguardError('CONFLICT', `This message was already decided (${record.state}).`);
    const at = now();
    const actionId = newId();
    await appendCustody(
      c.env.DB,
      [{ councilId: p.councilId, actorId: p.userId, action: 'mail_decided', itemId: record.itemId, at, details: { recordId: record.id, decision, actionId, note: note ?? null } }],
      [
        decideRecordStatement(c.env.DB, record.id, STATE_AFTER[decision], p.userId, at, record.state),
        requireChange(c.env.DB),
        insertActionStatement(c.env.DB, { id: actionId, councilId: p.councilId, recordId: record.id, mailbox: record.mailbox, decision, createdBy: p.userId, createdAt: at }),
      ],
    ).catch((err: unknown) => {
      // The losing officer's decision leaves no action for the filter and no custody event.
      if (isLostRace(err)) throw new WardguardError('CONFLICT', 'Someone else decided this message at the same time.');
      throw err;
    });
    return c.json({ ...record, state: STATE_AFTER[decision], decidedAt: at, decidedBy: p.userId, actionAppliedAt: null, actionOutcome: null, actionAckedAt: null, actionId });
  })
  .get('/alerts', async (c) => {
    const p = c.get('principal');
    return c.json({ alerts: await listOpenAlerts(c.env.DB, p.councilId) });
  })
  .post('/alerts/:id/ack', async (c) => {
    const p = c.get('principal');
    const alert = await getAlert(c.env.DB, p.councilId, c.req.param('id'));
    if (!alert) throw new WardguardError('NOT_FOUND', 'No such alert.');
    if (alert.acknowledgedAt) return c.json(alert);
    const record = await getRecord(c.env.DB, p.councilId, alert.recordId);
    const at = now();
    try {
      await appendCustody(
        c.env.DB,
        [{ councilId: p.councilId, actorId: p.userId, action: 'alert_acknowledged', itemId: record?.itemId ?? null, at, details: { alertId: alert.id } }],
        [ackAlertStatement(c.env.DB, alert.id, p.userId, at), requireChange(c.env.DB)],
      );
    } catch (err) {
      // Another officer acknowledged it a moment earlier: theirs is the acknowledgement on record.
      if (isLostRace(err)) return c.json(await getAlert(c.env.DB, p.councilId, alert.id));
      throw err;
    }
    return c.json({ ...alert, acknowledgedAt: at, acknowledgedBy: p.userId });
  });
