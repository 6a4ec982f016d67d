import type { EvidenceView, LiaisonCaseSummary, LiaisonCaseView } from '@wardguard/shared';
import type { Bindings, Principal } from '../env.ts';
import { isReferredPack, type ReferredCase } from '../auth/scope.ts';
import { getCase } from '../db/cases.ts';
import { listNotes } from '../db/case-notes.ts';
import { appendCustody } from '../db/custody.ts';
import { listItems } from '../db/evidence.ts';
import { casePoliceExports, toExportView, type ExportRecord } from '../db/exports.ts';
import { perpetratorsByIds } from '../db/perpetrators.ts';
import { liveReferralsOf } from '../db/referrals.ts';
import { getUser } from '../db/users.ts';

/** Everything filed in the case; a case past this many items is read by its officers, not here. */
const MAX_CASE_ITEMS = 500;

const councillorName = async (db: D1Database, councilId: string, id: string) => (await getUser(db, councilId, id))?.name ?? '';

const packUrl = (caseId: string, exportId: string) => `/api/v1/liaison/cases/${encodeURIComponent(caseId)}/packs/${encodeURIComponent(exportId)}/pack.zip`;

/** A referred case's evidence and the police packs of it a liaison may download (scope.ts `isReferredPack`). */
export async function casePacks(db: D1Database, councilId: string, caseId: string): Promise<{ evidence: EvidenceView[]; packs: ExportRecord[] }> {
  const evidence = await listItems(db, councilId, { caseId, limit: MAX_CASE_ITEMS });
  const inCase = new Set(evidence.map((i) => i.id));
  const packs = (await casePoliceExports(db, councilId, caseId)).filter((r) => isReferredPack(r, caseId, inCase));
  return { evidence, packs };
}

/** The cases referred to the calling liaison, and the `liaison_cases_listed` custody event naming them. */
export async function listReferredCases(env: Bindings, p: Principal): Promise<LiaisonCaseSummary[]> {
  const cases: LiaisonCaseSummary[] = [];
  for (const r of await liveReferralsOf(env.DB, p.councilId, p.userId)) {
    const kase = await getCase(env.DB, p.councilId, r.caseId);
    if (kase) cases.push({ case: kase, councillorName: await councillorName(env.DB, p.councilId, kase.councillorId), referredAt: r.referredAt });
  }
  await appendCustody(env.DB, [
    { councilId: p.councilId, actorId: p.userId, action: 'liaison_cases_listed', details: { caseIds: cases.map((x) => x.case.id) } },
  ]);
  return cases;
}

/**
 * One referred case as the liaison sees it: its evidence, the people linked to that evidence
 * (names and identifiers only), the packs, the notes; and the `case_viewed` custody event.
 */
export async function viewReferredCase(env: Bindings, p: Principal, { kase, referral }: ReferredCase): Promise<LiaisonCaseView> {
  const { evidence, packs } = await casePacks(env.DB, p.councilId, kase.id);
  const perpetratorIds = [...new Set(evidence.flatMap((i) => (i.perpetratorId ? [i.perpetratorId] : [])))];
  const perpetrators = (await perpetratorsByIds(env.DB, p.councilId, perpetratorIds)).map(({ id, displayName, aliases, handles, emails }) => ({
    id,
    displayName,
    aliases,
    handles,
    emails,
  }));
  const view: LiaisonCaseView = {
    case: kase,
    councillorName: await councillorName(env.DB, p.councilId, kase.councillorId),
    referredAt: referral.referredAt,
    evidence,
    perpetrators,
    packs: packs.map((r) => ({ ...toExportView(r), downloadUrl: packUrl(kase.id, r.id) })),
    notes: await listNotes(env.DB, p.councilId, kase.id),
  };
  await appendCustody(env.DB, [
    { councilId: p.councilId, actorId: p.userId, action: 'case_viewed', caseId: kase.id, details: { items: evidence.length, packs: packs.length } },
  ]);
  return view;
}
