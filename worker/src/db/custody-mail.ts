import type { CustodyEventView } from '@wardguard/shared';
import { custodyEventView, type CustodyRow } from './custody.ts';

/** What officers do to a quarantined message, as the custody log names it. */
export const MAIL_DECISION_ACTIONS = ['alert_acknowledged', 'mail_escalated', 'mail_decided'] as const;

/**
 * A message is decided once, escalated once and its alert acknowledged once, so a few events
 * per item is the norm; this only stops a damaged log from filling a Worker's memory.
 */
const MAX_EVENTS = 20_000;

type Row = Omit<CustodyRow, 'council_id'> & { item_id: string };

/**
 * The officers' decisions on these items' messages (an export prints them beside each email),
 * oldest first, by item. One bound parameter for any number of items, as elsewhere.
 */
export async function mailDecisionsForItems(db: D1Database, councilId: string, itemIds: string[]): Promise<Map<string, CustodyEventView[]>> {
  const out = new Map<string, CustodyEventView[]>();
  if (itemIds.length === 0) return out;
  const { results } = await db
    .prepare(
      `SELECT seq, at, actor_id, action, item_id, case_id, details, prev_hash, hash FROM custody_events
        WHERE council_id = ? AND item_id IN (SELECT value FROM json_each(?)) AND action IN (SELECT value FROM json_each(?))
        ORDER BY seq LIMIT ?`,
    )
    .bind(councilId, JSON.stringify(itemIds), JSON.stringify(MAIL_DECISION_ACTIONS), MAX_EVENTS)
    .all<Row>();
  for (const r of results) {
    const list = out.get(r.item_id) ?? [];
    list.push(custodyEventView(r));
    out.set(r.item_id, list);
  }
  return out;
}
