import type { ReferralView } from '@wardguard/shared';
import { newId, now } from './ids.ts';

interface ReferralRow {
  id: string;
  case_id: string;
  liaison_id: string;
  liaison_name: string;
  referred_by: string;
  referred_at: string;
  withdrawn_by: string | null;
  withdrawn_at: string | null;
}

const toView = (r: ReferralRow): ReferralView => ({
  id: r.id,
  caseId: r.case_id,
  liaisonId: r.liaison_id,
  liaisonName: r.liaison_name,
  referredBy: r.referred_by,
  referredAt: r.referred_at,
  withdrawnBy: r.withdrawn_by,
  withdrawnAt: r.withdrawn_at,
});

const SELECT = `SELECT r.id, r.case_id, r.liaison_id, u.name AS liaison_name, r.referred_by, r.referred_at, r.withdrawn_by, r.withdrawn_at
  FROM police_referrals r JOIN users u ON u.id = r.liaison_id`;

export function insertReferralStatement(db: D1Database, councilId: string, caseId: string, liaison: { id: string; name: string }, by: string) {
  const row: ReferralRow = {
    id: newId(),
    case_id: caseId,
    liaison_id: liaison.id,
    liaison_name: liaison.name,
    referred_by: by,
    referred_at: now(),
    withdrawn_by: null,
    withdrawn_at: null,
  };
  const stmt = db
    .prepare('INSERT INTO police_referrals (id, council_id, case_id, liaison_id, referred_by, referred_at) VALUES (?, ?, ?, ?, ?, ?)')
    .bind(row.id, councilId, caseId, liaison.id, by, row.referred_at);
  return { stmt, view: toView(row) };
}

/** True when the insert hit the one-live-referral-per-liaison index. */
export const isDuplicateReferral = (err: unknown): boolean => /UNIQUE constraint failed: police_referrals\./.test(String(err));

export async function getReferral(db: D1Database, councilId: string, id: string): Promise<ReferralView | null> {
  const row = await db.prepare(`${SELECT} WHERE r.id = ? AND r.council_id = ?`).bind(id, councilId).first<ReferralRow>();
  return row ? toView(row) : null;
}

/** Every referral of a case, live and withdrawn, newest first: for the officers' case page. */
export async function listCaseReferrals(db: D1Database, councilId: string, caseId: string): Promise<ReferralView[]> {
  const { results } = await db
    .prepare(`${SELECT} WHERE r.council_id = ? AND r.case_id = ? ORDER BY r.referred_at DESC`)
    .bind(councilId, caseId)
    .all<ReferralRow>();
  return results.map(toView);
}

/** The live referral that opens this case to this liaison, or null: the whole of a liaison's access rests on it. */
export async function liveReferral(db: D1Database, councilId: string, caseId: string, liaisonId: string): Promise<ReferralView | null> {
  const row = await db
    .prepare(`${SELECT} WHERE r.council_id = ? AND r.case_id = ? AND r.liaison_id = ? AND r.withdrawn_at IS NULL`)
    .bind(councilId, caseId, liaisonId)
    .first<ReferralRow>();
  return row ? toView(row) : null;
}

/** The liaison's live referrals, most recent first. */
export async function liveReferralsOf(db: D1Database, councilId: string, liaisonId: string): Promise<ReferralView[]> {
  const { results } = await db
    .prepare(`${SELECT} WHERE r.council_id = ? AND r.liaison_id = ? AND r.withdrawn_at IS NULL ORDER BY r.referred_at DESC LIMIT 500`)
    .bind(councilId, liaisonId)
    .all<ReferralRow>();
  return results.map(toView);
}

/** Guarded on the referral still being live, so two withdrawals cannot both be recorded. */
export function withdrawReferralStatement(db: D1Database, id: string, by: string, at: string): D1PreparedStatement {
  return db.prepare('UPDATE police_referrals SET withdrawn_by = ?, withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL').bind(by, at, id);
}
