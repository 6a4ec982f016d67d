import type { CustodyEventView } from '@wardguard/shared';
import type { PackModel } from './pack-model.ts';
import type { ReportEmailNotes, ReportMailDecision } from './report/types.ts';

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * The escalation and decisions printed beside each email in a police pack, read from the same
 * custody events the pack's custody.jsonl carries, so the printed words and the chain agree.
 * The escalation's note lives only in its custody event (the mail record keeps the reference).
 */
export function emailNotesFor(model: PackModel): ReportEmailNotes[] {
  if (model.record.variant !== 'police') return [];
  const name = (actorId: string) => model.users.get(actorId)?.name ?? actorId;
  const decision = (e: CustodyEventView): ReportMailDecision => ({
    at: e.at,
    by: name(e.actorId),
    action: e.action,
    decision: text(e.details.decision),
    reason: text(e.details.reason),
    note: text(e.details.note),
  });
  return model.items.flatMap((item) => {
    const events = model.mailDecisions.get(item.id);
    if (item.kind !== 'email' || !events?.length) return [];
    // A message is escalated at most once (mail_escalations.record_id is unique).
    const escalated = events.find((e) => e.action === 'mail_escalated');
    return [
      {
        exhibitRef: item.exhibitRef,
        escalation: escalated
          ? { at: escalated.at, by: name(escalated.actorId), policeReference: text(escalated.details.policeReference), note: text(escalated.details.note) }
          : null,
        decisions: events.map(decision),
      },
    ];
  });
}
