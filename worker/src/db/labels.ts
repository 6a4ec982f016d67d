interface LabelRow {
  id: string;
  item_id: string;
  exhibit_ref: string;
  state: 'kept' | 'not_abuse';
  severity: string;
  verdict: string;
  decided_at: string;
}

export interface DecisionLabel {
  recordId: string;
  itemId: string;
  exhibitRef: string;
  label: 'abuse' | 'not_abuse';
  classifierSeverity: string;
  classifierVersion: string | null;
  decidedAt: string;
}

/** Officers' decisions as labels for the classifier, oldest first: kept is abuse, not_abuse a false positive. */
export async function listDecisionLabels(db: D1Database, councilId: string): Promise<DecisionLabel[]> {
  const { results } = await db
    .prepare(
      `SELECT r.id, r.item_id, i.exhibit_ref, r.state, r.severity, r.verdict, r.decided_at
     FROM mail_records r JOIN evidence_items i ON i.id = r.item_id
     WHERE r.council_id = ? AND r.state IN ('kept', 'not_abuse') ORDER BY r.decided_at LIMIT 5000`,
    )
    .bind(councilId)
    .all<LabelRow>();
  return results.map((r) => ({
    recordId: r.id,
    itemId: r.item_id,
    exhibitRef: r.exhibit_ref,
    label: r.state === 'not_abuse' ? 'not_abuse' : 'abuse',
    classifierSeverity: r.severity,
    classifierVersion: (JSON.parse(r.verdict) as { version?: string }).version ?? null,
    decidedAt: r.decided_at,
  }));
}
