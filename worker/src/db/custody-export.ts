import type { CustodyRow } from './custody.ts';

export interface CustodyScope {
  councilId: string;
  itemIds: string[];
  /** Events about the exported case itself (created, referred…) are shown in full too. */
  caseId: string | null;
  headSeq: number;
}

/** A custody row and whether the pack shows it in full (about an included item or the case) or only as a link. */
export type ExportCustodyRow = CustodyRow & { full: number };

/** The first event about an included item or the case: the pack's chain starts there. */
export async function firstExportSeq(db: D1Database, s: CustodyScope): Promise<number> {
  const row = await db
    .prepare(
      `SELECT MIN(seq) AS first FROM custody_events WHERE council_id = ?1 AND seq <= ?2
         AND (item_id IN (SELECT value FROM json_each(?3)) OR (?4 IS NOT NULL AND case_id = ?4 AND item_id IS NULL))`,
    )
    .bind(s.councilId, s.headSeq, JSON.stringify(s.itemIds), s.caseId)
    .first<{ first: number | null }>();
  return row?.first ?? s.headSeq;
}

/** Up to `limit` events of the council's chain after `after`, up to the export event, in order. */
export async function exportCustodyPage(db: D1Database, s: CustodyScope, after: number, limit: number): Promise<ExportCustodyRow[]> {
  const { results } = await db
    .prepare(
      `SELECT *, (seq = ?2 OR item_id IN (SELECT value FROM json_each(?3)) OR (?4 IS NOT NULL AND case_id = ?4 AND item_id IS NULL)) AS full
         FROM custody_events WHERE council_id = ?1 AND seq > ?5 AND seq <= ?2 ORDER BY seq LIMIT ?6`,
    )
    .bind(s.councilId, s.headSeq, JSON.stringify(s.itemIds), s.caseId, after, limit)
    .all<ExportCustodyRow>();
  return results;
}
