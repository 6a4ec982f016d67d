import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../auth/roles.ts';

interface LabelRow {
  id: string;
  item_id: string;
  exhibit_ref: string;
  state: 'kept' | 'not_abuse';
  severity: string;
  verdict: string;
  decided_at: string;
}

/**
 * Officers' decisions as labelled examples for the classifier: "not abuse" marks a false
 * positive, "kept" confirms the flag. Text stays in the evidence store (fetch the .eml by
 * itemId); this list carries only the labels, so it can be exported without the messages.
 */
export const labelRoutes = new Hono<AppEnv>().use(requireRole('officer', 'admin')).get('/', async (c) => {
  const { results } = await c.env.DB.prepare(
    `SELECT r.id, r.item_id, i.exhibit_ref, r.state, r.severity, r.verdict, r.decided_at
     FROM mail_records r JOIN evidence_items i ON i.id = r.item_id
     WHERE r.council_id = ? AND r.state IN ('kept', 'not_abuse') ORDER BY r.decided_at LIMIT 5000`,
  )
    .bind(c.get('principal').councilId)
    .all<LabelRow>();
  return c.json({
    labels: results.map((r) => ({
      recordId: r.id,
      itemId: r.item_id,
      exhibitRef: r.exhibit_ref,
      label: r.state === 'not_abuse' ? 'not_abuse' : 'abuse',
      classifierSeverity: r.severity,
      classifierVersion: (JSON.parse(r.verdict) as { version?: string }).version ?? null,
      decidedAt: r.decided_at,
    })),
  });
});
