import { Hono } from 'hono';
import { WardguardError } from '@wardguard/shared';
import { decideMailSchema, escalateMailSchema, queueQuerySchema, type MailAlert, type MailDecision, type MailState } from '@wardguard/shared/api/mail';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { describeIssues, readJson } from '../http/read-json.ts';
import {
  decideRecordStatement,
  decodeCursor,
  getRecord,
  getRecordStatus,
  insertEscalationStatement,
  isAlreadyEscalated,
  listQueue,
} from '../db/mail-records.ts';
import { getItem, linkItemStatement } from '../db/evidence.ts';
import { getCase, referCaseStatement } from '../db/cases.ts';
import { getPerpetrator } from '../db/perpetrators.ts';
import { getUser } from '../db/users.ts';
import { insertActionStatement } from '../db/mail-actions.ts';
import { ackAlertStatement, getAlert, listOpenAlerts } from '../db/mail-alerts.ts';
import { appendCustody } from '../db/custody.ts';
import { isLostRace, requireChange } from '../db/write-guard.ts';
import { threatDecisionReason } from '../mail/threat-guard.ts';
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
    await appendCustody(c.env.DB, [
      { councilId: p.councilId, actorId: p.userId, action: 'viewed', itemId: record.itemId, details: { mailRecordId: record.id } },
    ]);
    return c.json(record);
  })
  .post('/records/:id/decision', async (c) => {
    const p = c.get('principal');
    const { decision, note, reason: given } = await readJson(c, decideMailSchema);
    const record = await getRecord(c.env.DB, p.councilId, c.req.param('id'));
    if (!record) throw new WardguardError('NOT_FOUND', 'No such mail record.');
    if (!DECIDABLE.includes(record.state)) throw new WardguardError('CONFLICT', `This message was already decided (${record.state}).`);
    // Threat level: a written reason, and the alert acknowledged (an alert is never un-acknowledged, so reading it here cannot race).
    const reason = threatDecisionReason(record, given);
    const at = now();
    const actionId = newId();
    await appendCustody(
      c.env.DB,
      [
        {
          councilId: p.councilId,
          actorId: p.userId,
          action: 'mail_decided',
          itemId: record.itemId,
          at,
          details: { recordId: record.id, decision, actionId, note: note ?? null, severity: record.severity, reason },
        },
      ],
      [
        decideRecordStatement(c.env.DB, record.id, STATE_AFTER[decision], p.userId, at, record.state),
        requireChange(c.env.DB),
        insertActionStatement(c.env.DB, {
          id: actionId,
          councilId: p.councilId,
          recordId: record.id,
          mailbox: record.mailbox,
          decision,
          createdBy: p.userId,
          createdAt: at,
        }),
      ],
    ).catch((err: unknown) => {
      // The losing officer's decision leaves no action for the filter and no custody event.
      if (isLostRace(err)) throw new WardguardError('CONFLICT', 'Someone else decided this message at the same time.');
      throw err;
    });
    return c.json({
      ...record,
      state: STATE_AFTER[decision],
      decidedAt: at,
      decidedBy: p.userId,
      actionAppliedAt: null,
      actionOutcome: null,
      actionAckedAt: null,
      actionId,
    });
  })
  .post('/records/:id/escalate', async (c) => {
    const p = c.get('principal');
    const input = await readJson(c, escalateMailSchema);
    const record = await getRecord(c.env.DB, p.councilId, c.req.param('id'));
    if (!record) throw new WardguardError('NOT_FOUND', 'No such mail record.');
    if (record.escalation)
      throw new WardguardError('CONFLICT', `This message was already escalated (${record.escalation.policeReference ?? 'no police reference yet'}).`);
    if (!DECIDABLE.includes(record.state))
      throw new WardguardError('CONFLICT', `This message was already decided (${record.state}); it is no longer in quarantine.`);
    const item = await getItem(c.env.DB, p.councilId, record.itemId);
    if (!item) throw new WardguardError('NOT_FOUND', 'The evidence item for this message is missing.');
    if (input.caseId && !(await getCase(c.env.DB, p.councilId, input.caseId, record.councillorId))) {
      throw new WardguardError('NOT_FOUND', "No such case among this councillor's cases.");
    }
    if (input.perpetratorId && !(await getPerpetrator(c.env.DB, p.councilId, input.perpetratorId)))
      throw new WardguardError('NOT_FOUND', 'No such perpetrator.');
    const at = now();
    const policeReference = input.policeReference ?? null;
    const caseId = input.caseId ?? item.caseId;
    const perpetratorId = input.perpetratorId ?? item.perpetratorId;
    // Quarantined mail gets the filter's 'keep'; kept mail already has it and stays where it is.
    const actionId = record.state === 'quarantined' ? newId() : null;
    const statements = [
      decideRecordStatement(c.env.DB, record.id, 'kept', p.userId, at, record.state),
      requireChange(c.env.DB),
      insertEscalationStatement(c.env.DB, {
        id: newId(),
        councilId: p.councilId,
        recordId: record.id,
        policeReference,
        caseId,
        perpetratorId,
        note: input.note ?? null,
        by: p.userId,
        at,
      }),
    ];
    if (actionId)
      statements.push(
        insertActionStatement(c.env.DB, {
          id: actionId,
          councilId: p.councilId,
          recordId: record.id,
          mailbox: record.mailbox,
          decision: 'keep',
          createdBy: p.userId,
          createdAt: at,
        }),
      );
    if (caseId !== item.caseId || perpetratorId !== item.perpetratorId) {
      statements.push(linkItemStatement(c.env.DB, item.id, { caseId, perpetratorId }, item), requireChange(c.env.DB));
    }
    if (input.caseId) statements.push(referCaseStatement(c.env.DB, input.caseId, policeReference, at));
    await appendCustody(
      c.env.DB,
      [
        {
          councilId: p.councilId,
          actorId: p.userId,
          action: 'mail_escalated',
          itemId: record.itemId,
          caseId,
          at,
          details: {
            recordId: record.id,
            policeReference,
            caseId,
            perpetratorId,
            previous: { state: record.state, caseId: item.caseId, perpetratorId: item.perpetratorId },
            actionId,
            note: input.note ?? null,
          },
        },
      ],
      statements,
    ).catch((err: unknown) => {
      // Another officer decided, escalated or relinked it at the same moment: nothing of this one is kept.
      if (isLostRace(err) || isAlreadyEscalated(err)) throw new WardguardError('CONFLICT', 'Someone else decided this message at the same time; reload it.');
      throw err;
    });
    return c.json(await getRecord(c.env.DB, p.councilId, record.id));
  })
  .get('/alerts', async (c) => {
    const p = c.get('principal');
    return c.json({ alerts: await listOpenAlerts(c.env.DB, p.councilId) });
  })
  .post('/alerts/:id/ack', async (c) => {
    const p = c.get('principal');
    const alert = await getAlert(c.env.DB, p.councilId, c.req.param('id'));
    if (!alert) throw new WardguardError('NOT_FOUND', 'No such alert.');
    // Every answer names whoever is on record as acknowledging it, not the caller.
    const named = async (a: MailAlert): Promise<MailAlert> => ({
      ...a,
      acknowledgedByName: a.acknowledgedBy ? ((await getUser(c.env.DB, p.councilId, a.acknowledgedBy))?.name ?? null) : null,
    });
    if (alert.acknowledgedAt) return c.json(await named(alert));
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
      if (isLostRace(err)) return c.json(await named((await getAlert(c.env.DB, p.councilId, alert.id))!));
      throw err;
    }
    return c.json(await named({ ...alert, acknowledgedAt: at, acknowledgedBy: p.userId }));
  });
