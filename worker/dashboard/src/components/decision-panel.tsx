import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../lib/api.ts';
import { when } from '../lib/format.ts';
import { href } from '../lib/route.ts';
import type { Case, MailRecord, Perpetrator } from '../lib/types.ts';
import { DecisionConfirm } from './decision-confirm.tsx';

type Decision = 'release' | 'keep' | 'escalate' | 'not_abuse';

/** The decisions in the order offered, with their keyboard shortcuts in the message view. */
export const DECISIONS: { id: Decision; key: string; label: string }[] = [
  { id: 'release', key: 'r', label: 'Release to inbox' },
  { id: 'keep', key: 'k', label: 'Keep as abuse' },
  { id: 'escalate', key: 'e', label: 'Escalate as threat' },
  { id: 'not_abuse', key: 'n', label: 'Mark not abuse' },
];
const LABEL = Object.fromEntries(DECISIONS.map((d) => [d.id, d.label])) as Record<Decision, string>;
const CONSEQUENCE: Record<Decision, string> = {
  release: "The mail filter will move it back to the councillor's inbox.",
  keep: 'It stays in quarantine, recorded as abuse.',
  escalate: 'It stays in quarantine and is recorded as referred to the police, with the case and perpetrator chosen above.',
  not_abuse: "The mail filter will move it back to the councillor's inbox, and it joins the classifier's labelled set as not abuse.",
};

const STATE_TEXT: Record<MailRecord['state'], string> = {
  quarantined: 'Waiting for review',
  kept: 'Kept as abuse',
  released: 'Released to the inbox',
  not_abuse: 'Marked not abuse and released',
};

/**
 * One decision per message. Every decision is a custody event in the Worker and, where it
 * touches mail, an action the mail filter applies in the councillor's mailbox.
 */
export function DecisionPanel({ record, onDecided }: { record: MailRecord; onDecided: (updated: MailRecord) => void }) {
  const [cases, setCases] = useState<Case[]>([]);
  const [perps, setPerps] = useState<Perpetrator[]>([]);
  const [caseId, setCaseId] = useState('');
  const [perpId, setPerpId] = useState('');
  const [policeRef, setPoliceRef] = useState('');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  // A decision (by click or key) first opens the confirmation: it never decides by itself.
  const [pending, setPending] = useState<Decision | null>(null);

  useEffect(() => {
    api<{ cases: Case[] }>(`/cases?councillorId=${encodeURIComponent(record.councillorId)}`)
      .then((r) => setCases(r.cases))
      .catch(() => undefined);
    api<{ perpetrators: Perpetrator[] }>('/perpetrators')
      .then((r) => setPerps(r.perpetrators))
      .catch(() => undefined);
  }, [record.councillorId]);

  /** Resolves to an error to show in the confirmation, or null once the decision is recorded. */
  const decide = async (d: Decision, reason: string | null): Promise<string | null> => {
    setBusy(true);
    try {
      let updated: MailRecord;
      if (d === 'escalate') {
        // One server decision: stays in quarantine, referral recorded, case and perpetrator linked.
        updated = await api<MailRecord>(`/mail/records/${encodeURIComponent(record.id)}/escalate`, {
          method: 'POST',
          json: {
            ...(policeRef.trim() ? { policeReference: policeRef.trim() } : {}),
            ...(caseId ? { caseId } : {}),
            ...(perpId ? { perpetratorId: perpId } : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        });
      } else {
        updated = await api<MailRecord>(`/mail/records/${encodeURIComponent(record.id)}/decision`, {
          method: 'POST',
          json: { decision: d, ...(note.trim() ? { note: note.trim() } : {}), ...(reason ? { reason } : {}) },
        });
        if (d === 'keep' && (caseId || perpId)) {
          await api(`/evidence/${encodeURIComponent(record.itemId)}`, {
            method: 'PATCH',
            json: { ...(caseId ? { caseId } : {}), ...(perpId ? { perpetratorId: perpId } : {}) },
          });
        }
      }
      setStatus(d === 'escalate' ? 'Escalated as a threat: kept in quarantine and recorded as referred to the police.' : 'Decision recorded.');
      setPending(null);
      onDecided(updated);
      return null;
    } catch (e) {
      return e instanceof ApiError ? e.message : 'The decision could not be recorded.';
    } finally {
      setBusy(false);
    }
  };

  const decided = record.state !== 'quarantined';
  const offered = (d: Decision) => (d === 'escalate' ? !record.escalation : d === 'release' || !decided);
  return (
    <section class="decision" aria-labelledby="decision-h">
      <h2 id="decision-h">Decision</h2>
      <p class="state" data-state={record.state}>
        <strong>{STATE_TEXT[record.state]}</strong>
        {record.decidedAt && <> on {when(record.decidedAt)}</>}
        {record.state !== 'quarantined' && (
          <>
            {' '}
            — <ActionOutcomeText record={record} />
          </>
        )}
      </p>
      {record.escalation && (
        <p class="escalated" data-escalated="yes">
          <strong>Escalated as a threat</strong> on {when(record.escalation.escalatedAt)}:{' '}
          {record.escalation.policeReference ? <>police reference {record.escalation.policeReference}</> : <>no police reference recorded yet</>}
          {record.escalation.caseId && (
            <>
              , case <a href={href('cases', record.escalation.caseId)}>{cases.find((c) => c.id === record.escalation?.caseId)?.title ?? 'linked'}</a>
            </>
          )}
          {record.escalation.perpetratorId && (
            <>
              , perpetrator{' '}
              <a href={href('perpetrators', record.escalation.perpetratorId)}>
                {perps.find((p) => p.id === record.escalation?.perpetratorId)?.displayName ?? 'linked'}
              </a>
            </>
          )}
          .
        </p>
      )}
      {(!decided || record.state === 'kept') && (
        <>
          <div class="decision-fields">
            <label>
              Case
              <select value={caseId} onChange={(e) => setCaseId((e.target as HTMLSelectElement).value)}>
                <option value="">No case</option>
                {cases.map((c) => (
                  <option value={c.id} key={c.id}>
                    {c.title}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Perpetrator
              <select value={perpId} onChange={(e) => setPerpId((e.target as HTMLSelectElement).value)}>
                <option value="">Not linked</option>
                {perps.map((p) => (
                  <option value={p.id} key={p.id}>
                    {p.displayName}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Police reference (if given)
              <input id="police-ref" value={policeRef} onInput={(e) => setPoliceRef((e.target as HTMLInputElement).value)} />
            </label>
            <label class="wide">
              Note
              <textarea value={note} rows={2} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
            </label>
          </div>
          <p class="hint" id="decision-keys">
            Keyboard:{' '}
            {DECISIONS.map((d, i) => (
              <span key={d.id}>
                {i > 0 && ', '}
                <kbd>{d.key}</kbd> {d.label.toLowerCase()}
              </span>
            ))}
            . Each key only opens the decision: <kbd>Enter</kbd> confirms it, <kbd>Esc</kbd> cancels. At threat level a decision needs a written reason.
          </p>
          <div class="decision-buttons">
            {DECISIONS.filter((d) => offered(d.id)).map((d) => (
              <button
                type="button"
                key={d.id}
                disabled={busy}
                class={d.id === 'escalate' ? 'danger' : undefined}
                onClick={() => setPending((p) => p ?? d.id)}
                data-key={d.key}
                aria-keyshortcuts={d.key}
                aria-describedby="decision-keys"
              >
                {d.label}
              </button>
            ))}
          </div>
          {pending && (
            <DecisionConfirm
              action={LABEL[pending]}
              consequence={CONSEQUENCE[pending]}
              messages={[record]}
              guarded={pending !== 'escalate'}
              danger={pending === 'escalate'}
              onConfirm={(reason) => decide(pending, reason)}
              onClose={() => setPending(null)}
              fallbackFocus={() =>
                document.querySelector<HTMLButtonElement>(`.decision-buttons button[data-key="${DECISIONS.find((d) => d.id === pending)?.key}"]`) ??
                document.querySelector<HTMLButtonElement>('.decision-buttons button')
              }
            />
          )}
        </>
      )}
      <p role="status">{status}</p>
    </section>
  );
}

/** What the mail filter did with the latest decision, in the officer's words. */
export function ActionOutcomeText({ record }: { record: Pick<MailRecord, 'actionOutcome' | 'actionAckedAt'> }) {
  if (record.actionOutcome === 'applied') return <span data-applied="yes">applied in the mailbox {when(record.actionAckedAt)}</span>;
  if (record.actionOutcome === 'not_found') {
    return (
      <span data-applied="not-found">
        not applied: the mail filter could not find the message (moved or deleted in the mailbox), checked {when(record.actionAckedAt)}
      </span>
    );
  }
  return <span data-applied="no">waiting for the mail filter to apply it</span>;
}
