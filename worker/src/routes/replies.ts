import { Hono } from 'hono';
import { z } from 'zod';
import { markReplyFailedSchema, withdrawReplySchema, TEMPLATE_KEYS, TEMPLATE_VARIABLES, WardguardError, type TemplateValues } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { getRecord } from '../db/mail-records.ts';
import { getCase } from '../db/cases.ts';
import { caseRecordIds, getReply, listReplies } from '../db/replies.ts';
import { readJson } from '../http/read-json.ts';
import { approveReply, draftReply } from '../replies/approve.ts';
import { claimReply, markReplyFailed, recordSendResult, withdrawReply } from '../replies/reply-state.ts';

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

export const replyRoutes = new Hono<AppEnv>()
  .post('/preview', requireRole('officer', 'admin'), async (c) => {
    const body = await readJson(c, draftSchema);
    const { reply } = await draftReply(c.env, c.get('principal'), { ...body, values: body.values as TemplateValues });
    return c.json(reply);
  })
  .post('/', requireRole('officer', 'admin'), async (c) => {
    const p = c.get('principal');
    const { overrideReason, ...draft } = await readJson(c, approveSchema);
    const id = await approveReply(c.env, p, { ...draft, values: draft.values as TemplateValues }, overrideReason ?? null);
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
  .post('/:id/mark-failed', requireRole('officer', 'admin'), async (c) => {
    const { note } = await readJson(c, markReplyFailedSchema);
    return c.json(await markReplyFailed(c.env, c.get('principal'), c.req.param('id'), note));
  })
  .post('/:id/withdraw', requireRole('officer', 'admin'), async (c) => {
    const { reason } = await readJson(c, withdrawReplySchema);
    return c.json(await withdrawReply(c.env, c.get('principal'), c.req.param('id'), reason));
  })
  // The mail filter's side: take approved replies, claim one before sending it, report the result.
  .get('/service/pending', requireRole('service'), async (c) => {
    return c.json({ replies: await listReplies(c.env.DB, c.get('principal').councilId, { mailbox: c.req.query('mailbox'), state: 'approved' }) });
  })
  .post('/service/:id/claim', requireRole('service'), async (c) => c.json(await claimReply(c.env, c.get('principal'), c.req.param('id'))))
  .post('/service/:id/result', requireRole('service'), async (c) => {
    const body = await readJson(c, resultSchema);
    return c.json(await recordSendResult(c.env, c.get('principal'), c.req.param('id'), body));
  });
