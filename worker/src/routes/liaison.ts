import { Hono } from 'hono';
import { createCaseNoteSchema, WardguardError } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { referredCase, referredItem } from '../auth/scope.ts';
import { appendCustody } from '../db/custody.ts';
import { sendArtifact } from '../evidence/send-artifact.ts';
import { sendPack } from '../export/send-pack.ts';
import { readJson } from '../http/read-json.ts';
import { addCaseNote } from '../liaison/add-case-note.ts';
import { casePacks, listReferredCases, viewReferredCase } from '../liaison/referred-cases.ts';

/**
 * A police liaison's whole API: the cases referred to them and nothing else. Each case, item
 * and pack is reached through scope.ts (404 when not referred), and every read, download and
 * note is a custody event with the liaison as the actor.
 */
export const liaisonRoutes = new Hono<AppEnv>()
  .use(requireRole('liaison'))
  .get('/cases', async (c) => c.json({ cases: await listReferredCases(c.env, c.get('principal')) }))
  .get('/cases/:caseId', async (c) => {
    const p = c.get('principal');
    return c.json(await viewReferredCase(c.env, p, await referredCase(c.env.DB, p, c.req.param('caseId'))));
  })
  .get('/cases/:caseId/evidence/:itemId', async (c) => {
    const p = c.get('principal');
    const item = await referredItem(c.env.DB, p, c.req.param('caseId'), c.req.param('itemId'));
    await appendCustody(c.env.DB, [{ councilId: p.councilId, actorId: p.userId, action: 'viewed', itemId: item.id, caseId: item.caseId }]);
    return c.json(item);
  })
  .get('/cases/:caseId/evidence/:itemId/artifacts/:artifactId', async (c) => {
    const p = c.get('principal');
    const item = await referredItem(c.env.DB, p, c.req.param('caseId'), c.req.param('itemId'));
    return sendArtifact(c, p, item, c.req.param('artifactId'));
  })
  .get('/cases/:caseId/packs/:exportId/pack.zip', async (c) => {
    const p = c.get('principal');
    const { kase } = await referredCase(c.env.DB, p, c.req.param('caseId'));
    const { packs } = await casePacks(c.env.DB, p.councilId, kase.id);
    const record = packs.find((r) => r.id === c.req.param('exportId'));
    if (!record) throw new WardguardError('NOT_FOUND', 'No such pack.');
    return sendPack(c, p, record);
  })
  .post('/cases/:caseId/notes', async (c) => {
    const p = c.get('principal');
    const { kase } = await referredCase(c.env.DB, p, c.req.param('caseId'));
    const input = await readJson(c, createCaseNoteSchema);
    return c.json(await addCaseNote(c.env, p, kase, input), 201);
  });
