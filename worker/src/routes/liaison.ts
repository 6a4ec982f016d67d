import { Hono } from 'hono';
import { createCaseNoteSchema, WardguardError, type LiaisonCaseSummary, type LiaisonCaseView } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { isReferredPack, referredCase, referredItem } from '../auth/scope.ts';
import { getCase } from '../db/cases.ts';
import { insertNoteStatement, listNotes, setPoliceReferenceStatement } from '../db/case-notes.ts';
import { appendCustody } from '../db/custody.ts';
import { listItems } from '../db/evidence.ts';
import { casePoliceExports, toExportView } from '../db/exports.ts';
import { perpetratorsByIds } from '../db/perpetrators.ts';
import { liveReferralsOf } from '../db/referrals.ts';
import { getUser } from '../db/users.ts';
import { sendArtifact } from '../evidence/send-artifact.ts';
import { sendPack } from '../export/send-pack.ts';
import { readJson } from '../http/read-json.ts';

const councillorName = async (db: D1Database, councilId: string, id: string) => (await getUser(db, councilId, id))?.name ?? '';

/** Everything filed in the case; a case past this many items is read by its officers, not here. */
const MAX_CASE_ITEMS = 500;

async function casePacks(db: D1Database, councilId: string, caseId: string) {
  const evidence = await listItems(db, councilId, { caseId, limit: MAX_CASE_ITEMS });
  const inCase = new Set(evidence.map((i) => i.id));
  const packs = (await casePoliceExports(db, councilId, caseId)).filter((r) => isReferredPack(r, caseId, inCase));
  return { evidence, packs };
}

const packUrl = (caseId: string, exportId: string) => `/api/v1/liaison/cases/${encodeURIComponent(caseId)}/packs/${encodeURIComponent(exportId)}/pack.zip`;

/**
 * A police liaison's whole API: the cases referred to them and nothing else. Each case, item
 * and pack is reached through scope.ts (404 when not referred), and every read, download and
 * note is a custody event with the liaison as the actor.
 */
export const liaisonRoutes = new Hono<AppEnv>()
  .use(requireRole('liaison'))
  .get('/cases', async (c) => {
    const p = c.get('principal');
    const cases: LiaisonCaseSummary[] = [];
    for (const r of await liveReferralsOf(c.env.DB, p.councilId, p.userId)) {
      const kase = await getCase(c.env.DB, p.councilId, r.caseId);
      if (kase) cases.push({ case: kase, councillorName: await councillorName(c.env.DB, p.councilId, kase.councillorId), referredAt: r.referredAt });
    }
    await appendCustody(c.env.DB, [
      { councilId: p.councilId, actorId: p.userId, action: 'liaison_cases_listed', details: { caseIds: cases.map((x) => x.case.id) } },
    ]);
    return c.json({ cases });
  })
  .get('/cases/:caseId', async (c) => {
    const p = c.get('principal');
    const { kase, referral } = await referredCase(c.env.DB, p, c.req.param('caseId'));
    const { evidence, packs } = await casePacks(c.env.DB, p.councilId, kase.id);
    const perpetratorIds = [...new Set(evidence.flatMap((i) => (i.perpetratorId ? [i.perpetratorId] : [])))];
    const perpetrators = (await perpetratorsByIds(c.env.DB, p.councilId, perpetratorIds)).map(({ id, displayName, aliases, handles, emails }) => ({
      id,
      displayName,
      aliases,
      handles,
      emails,
    }));
    const view: LiaisonCaseView = {
      case: kase,
      councillorName: await councillorName(c.env.DB, p.councilId, kase.councillorId),
      referredAt: referral.referredAt,
      evidence,
      perpetrators,
      packs: packs.map((r) => ({ ...toExportView(r), downloadUrl: packUrl(kase.id, r.id) })),
      notes: await listNotes(c.env.DB, p.councilId, kase.id),
    };
    await appendCustody(c.env.DB, [
      { councilId: p.councilId, actorId: p.userId, action: 'case_viewed', caseId: kase.id, details: { items: evidence.length, packs: packs.length } },
    ]);
    return c.json(view);
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
    const { stmt, view } = insertNoteStatement(c.env.DB, p.councilId, kase.id, { id: p.userId, name: p.name }, input.kind, input.text);
    const setReference = input.policeReference !== undefined && input.policeReference !== kase.policeReference;
    const details = {
      noteId: view.id,
      kind: input.kind,
      text: input.text,
      ...(setReference ? { policeReference: input.policeReference, previous: { policeReference: kase.policeReference } } : {}),
    };
    await appendCustody(
      c.env.DB,
      [{ councilId: p.councilId, actorId: p.userId, action: 'case_note_added', caseId: kase.id, details }],
      [stmt, ...(setReference && input.policeReference ? [setPoliceReferenceStatement(c.env.DB, kase.id, input.policeReference, view.createdAt)] : [])],
    );
    return c.json({ note: view, case: (await getCase(c.env.DB, p.councilId, kase.id)) ?? kase }, 201);
  });
