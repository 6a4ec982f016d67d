import { Hono } from 'hono';
import { z } from 'zod';
import {
  markReplyFailedSchema,
  withdrawReplySchema,
  REPLY_STUCK_AFTER_MS,
  TEMPLATE_KEYS,
  TEMPLATE_VARIABLES,
  WardguardError,
  type TemplateKey,
  type TemplateValues,
} from '@wardguard/shared';
import type { AppEnv, Bindings, Principal } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { getRecord } from '../db/mail-records.ts';
import { getUser } from '../db/users.ts';
import { currentTemplate } from '../db/reply-templates.ts';
import { getCase } from '../db/cases.ts';
import {
  caseRecordIds,
  claimStatement,
  finishStatement,
  getReply,
  insertReplyStatement,
  listReplies,
  markFailedStatement,
  recentReply,
  withdrawStatement,
} from '../db/replies.ts';
import { appendCustody } from '../db/custody.ts';
import { isLostRace, requireChange } from '../db/write-guard.ts';
import { now } from '../db/ids.ts';
import { readJson } from '../http/read-json.ts';
import { readConfig } from '../config.ts';
import { getCouncil } from '../db/councils.ts';
import { composeReply, type ComposedReply } from '../replies/compose.ts';
import type { MailRecordView } from '@wardguard/shared/api/mail';

const valuesSchema = z.object(Object.fromEntries(Object.keys(TEMPLATE_VARIABLES).map((k) => [k, z.string().max(500).optional()]))).strict();
const draftSchema = z.object({
  recordId: z.string().min(1).max(64),
  templateKey: z.enum(TEMPLATE_KEYS),
  values: valuesSchema.default({}),
});
const approveSchema = draftSchema.extend({
  // Police advice is often not to respond to a threat to life: replying needs a written reason.
  overrideReason: z.string().trim().min(10).max(2000).optional(),
});
const resultSchema = z.object({
  outcome: z.enum(['sent', 'failed']),
  smtpMessageId: z.string().max(998).optional(),
  detail: z.string().max(2000).optional(),
});

async function compose(env: Bindings, p: Principal, recordId: string, key: TemplateKey, values: TemplateValues) {
  const record = await getRecord(env.DB, p.councilId, recordId);
  if (!record) throw new WardguardError('NOT_FOUND', 'No such mail record.');
  const template = await currentTemplate(env.DB, p.councilId, key);
  if (!template) throw new WardguardError('NOT_FOUND', 'No such template.');
  const councillor = await getUser(env.DB, p.councilId, record.councillorId);
  const council = await getCouncil(env.DB, p.councilId);
  const reply = composeReply(
    record,
    template,
    { councillorName: councillor?.name ?? 'your councillor', councilName: council?.name ?? readConfig(env).councilName, at: new Date() },
    values,
  );
  return { record, reply };
}

/**
 * Puts an approved reply on the record with its custody event, one per sender per template
 * per period. The early check gives a clear date; the insert re-checks in the same statement,
 * so a second approval racing the first is refused too, with nothing recorded for it.
 */
export async function recordApproval(
  env: Bindings,
  p: Principal,
  record: MailRecordView,
  reply: ComposedReply,
  overrideReason: string | null,
): Promise<string> {
  const days = readConfig(env).replyPeriodDays;
  const since = new Date(Date.now() - days * 86_400_000).toISOString();
  const tooSoon = (when: string) =>
    new WardguardError('REPLY_TOO_SOON', `This sender already got the "${reply.templateKey}" reply ${when}; one per ${days} days.`);
  const earlier = await recentReply(env.DB, p.councilId, reply.to, reply.templateKey, since);
  if (earlier) throw tooSoon(`on ${earlier.approvedAt.slice(0, 10)}`);
  const { id, at, stmt } = insertReplyStatement(env.DB, p.councilId, record.id, record.mailbox, reply, p.userId, overrideReason, since);
  await appendCustody(
    env.DB,
    [
      {
        councilId: p.councilId,
        actorId: p.userId,
        action: 'reply_approved',
        itemId: record.itemId,
        at,
        details: { replyId: id, templateKey: reply.templateKey, templateVersion: reply.templateVersion, to: reply.to, overrideReason },
      },
    ],
    [stmt, requireChange(env.DB)],
  ).catch((err: unknown) => {
    if (isLostRace(err)) throw tooSoon('a moment ago (approved at the same time)');
    throw err;
  });
  return id;
}

export const replyRoutes = new Hono<AppEnv>()
  .post('/preview', requireRole('officer', 'admin'), async (c) => {
    const body = await readJson(c, draftSchema);
    const { reply } = await compose(c.env, c.get('principal'), body.recordId, body.templateKey, body.values as TemplateValues);
    return c.json(reply);
  })
  .post('/', requireRole('officer', 'admin'), async (c) => {
    const p = c.get('principal');
    const body = await readJson(c, approveSchema);
    const { record, reply } = await compose(c.env, p, body.recordId, body.templateKey, body.values as TemplateValues);
    if (record.severity === 'threat_to_life' && !body.overrideReason) {
      throw new WardguardError(
        'THREAT_REPLY_REFUSED',
        'This message may be a threat to life: replying needs an override with a written reason (police advice is often not to respond).',
      );
    }
    if (record.noReplyNeeded && !body.overrideReason) {
      throw new WardguardError(
        'SENDER_DISENGAGED',
        'The council has disengaged from this sender: their mail needs no reply. Give a written reason to reply anyway.',
      );
    }
    const id = await recordApproval(c.env, p, record, reply, body.overrideReason ?? null);
    return c.json(await getReply(c.env.DB, p.councilId, id), 201);
  })
  // `?caseId=` also gives the case's emails, so the case view can offer a reply in one round trip.
  .get('/', requireRole('officer', 'admin'), async (c) => {
    const p = c.get('principal');
    const caseId = c.req.query('caseId');
    if (caseId === undefined) return c.json({ replies: await listReplies(c.env.DB, p.councilId, { recordId: c.req.query('recordId') }) });
    if (!(await getCase(c.env.DB, p.councilId, caseId))) throw new WardguardError('NOT_FOUND', 'No such case.');
    const ids = await caseRecordIds(c.env.DB, p.councilId, caseId);
    const records = (await Promise.all(ids.map((id) => getRecord(c.env.DB, p.councilId, id)))).filter((r) => r !== null);
    return c.json({ records, replies: await listReplies(c.env.DB, p.councilId, { caseId }) });
  })
  // A filter that died mid-send leaves the reply `sending` for good. Once it cannot still be in
  // the SMTP transaction, an officer who found no copy in the councillor's Sent folder may say
  // it did not go, so that a new reply can be approved.
  .post('/:id/mark-failed', requireRole('officer', 'admin'), async (c) => {
    const p = c.get('principal');
    const { note } = await readJson(c, markReplyFailedSchema);
    const reply = await getReply(c.env.DB, p.councilId, c.req.param('id'));
    if (!reply) throw new WardguardError('NOT_FOUND', 'No such reply.');
    if (reply.state !== 'sending') throw new WardguardError('CONFLICT', `This reply is ${reply.state}; only a reply stuck sending can be marked not sent.`);
    if (!reply.stuck)
      throw new WardguardError('CONFLICT', `The mail filter may still be sending this reply; it can be marked not sent from ${reply.stuckFrom}.`);
    const record = await getRecord(c.env.DB, p.councilId, reply.recordId);
    const at = now();
    await appendCustody(
      c.env.DB,
      [
        {
          councilId: p.councilId,
          actorId: p.userId,
          action: 'reply_marked_failed',
          itemId: record?.itemId ?? null,
          at,
          details: { replyId: reply.id, claimedAt: reply.claimedAt, note },
        },
      ],
      [
        markFailedStatement(
          c.env.DB,
          reply.id,
          at,
          new Date(Date.now() - REPLY_STUCK_AFTER_MS).toISOString(),
          `Marked not sent by ${p.name}: ${note}`.slice(0, 2000),
        ),
        requireChange(c.env.DB),
      ],
    ).catch((err: unknown) => {
      if (isLostRace(err)) throw new WardguardError('CONFLICT', 'The reply changed meanwhile; reload it.');
      throw err;
    });
    return c.json(await getReply(c.env.DB, p.councilId, reply.id));
  })
  // Approved by mistake (the wrong template, a sender the police now say to leave alone): an
  // officer may take it back until the mail filter has claimed it. After that it may already
  // be on its way, so only the filter's report says what happened.
  .post('/:id/withdraw', requireRole('officer', 'admin'), async (c) => {
    const p = c.get('principal');
    const { reason } = await readJson(c, withdrawReplySchema);
    const reply = await getReply(c.env.DB, p.councilId, c.req.param('id'));
    if (!reply) throw new WardguardError('NOT_FOUND', 'No such reply.');
    const tooLate = (state: string) =>
      new WardguardError('CONFLICT', `This reply is ${state}; only a reply the mail filter has not yet taken can be withdrawn.`);
    if (reply.state !== 'approved') throw tooLate(reply.state);
    const record = await getRecord(c.env.DB, p.councilId, reply.recordId);
    const at = now();
    await appendCustody(
      c.env.DB,
      [{ councilId: p.councilId, actorId: p.userId, action: 'reply_withdrawn', itemId: record?.itemId ?? null, at, details: { replyId: reply.id, reason } }],
      [withdrawStatement(c.env.DB, reply.id, at, `Withdrawn by ${p.name}: ${reason}`.slice(0, 2000)), requireChange(c.env.DB)],
    ).catch(async (err: unknown) => {
      if (!isLostRace(err)) throw err;
      throw tooLate((await getReply(c.env.DB, p.councilId, reply.id))?.state ?? 'gone');
    });
    return c.json(await getReply(c.env.DB, p.councilId, reply.id));
  })
  // The mail filter's side: take approved replies, claim one before sending it, report the result.
  .get('/service/pending', requireRole('service'), async (c) => {
    return c.json({ replies: await listReplies(c.env.DB, c.get('principal').councilId, { mailbox: c.req.query('mailbox'), state: 'approved' }) });
  })
  .post('/service/:id/claim', requireRole('service'), async (c) => {
    const p = c.get('principal');
    const reply = await getReply(c.env.DB, p.councilId, c.req.param('id'));
    if (!reply) throw new WardguardError('NOT_FOUND', 'No such reply.');
    const res = await claimStatement(c.env.DB, reply.id, now()).run();
    // Claimed before (perhaps by this filter before a restart): it may already have gone, so never again.
    if (!res.meta.changes) throw new WardguardError('REPLY_ALREADY_CLAIMED', `This reply is ${reply.state}; it is sent at most once.`);
    return c.json(await getReply(c.env.DB, p.councilId, reply.id));
  })
  .post('/service/:id/result', requireRole('service'), async (c) => {
    const p = c.get('principal');
    const body = await readJson(c, resultSchema);
    const reply = await getReply(c.env.DB, p.councilId, c.req.param('id'));
    if (!reply) throw new WardguardError('NOT_FOUND', 'No such reply.');
    if (reply.state === body.outcome) return c.json(reply);
    const late = reply.state === 'failed' && body.outcome === 'sent';
    if (reply.state !== 'sending' && !late) throw new WardguardError('CONFLICT', `This reply is ${reply.state}, not being sent.`);
    const record = await getRecord(c.env.DB, p.councilId, reply.recordId);
    const at = now();
    await appendCustody(
      c.env.DB,
      [
        {
          councilId: p.councilId,
          actorId: p.userId,
          action: body.outcome === 'sent' ? 'reply_sent' : 'reply_failed',
          itemId: record?.itemId ?? null,
          at,
          details: { replyId: reply.id, smtpMessageId: body.smtpMessageId ?? null, detail: body.detail ?? null, ...(late ? { after: reply.detail } : {}) },
        },
      ],
      [finishStatement(c.env.DB, reply.id, body.outcome, at, body.smtpMessageId ?? null, body.detail ?? null), requireChange(c.env.DB)],
    ).catch(async (err: unknown) => {
      if (!isLostRace(err)) throw err;
      const current = await getReply(c.env.DB, p.councilId, reply.id);
      if (current?.state !== body.outcome) throw new WardguardError('CONFLICT', `This reply is ${current?.state ?? 'gone'}, not being sent.`);
    });
    return c.json(await getReply(c.env.DB, p.councilId, reply.id));
  });
