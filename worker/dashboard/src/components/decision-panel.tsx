import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../lib/api.ts';
import { when } from '../lib/format.ts';
import type { Case, MailRecord, Perpetrator } from '../lib/types.ts';

type Decision = 'release' | 'keep' | 'escalate' | 'not_abuse';

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
export function DecisionPanel({ record, onDecided }: { record: MailRecord; onDecided: () => void }) {
  const [cases, setCases] = useState<Case[]>([]);
  const [perps, setPerps] = useState<Perpetrator[]>([]);
  const [caseId, setCaseId] = useState('');
  const [perpId, setPerpId] = useState('');
  const [policeRef, setPoliceRef] = useState('');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<{ cases: Case[] }>(`/cases?councillorId=${encodeURIComponent(record.councillorId)}`).then((r) => setCases(r.cases)).catch(() => undefined);
    api<{ perpetrators: Perpetrator[] }>('/perpetrators').then((r) => setPerps(r.perpetrators)).catch(() => undefined);
  }, [record.councillorId]);

  const decide = async (d: Decision) => {
    if (d === 'escalate' && !policeRef.trim()) {
      setStatus('Enter the police reference number to escalate.');
      document.getElementById('police-ref')?.focus();
      return;
    }
    setBusy(true);
    try {
      const fullNote = [d === 'escalate' ? `Escalated to police, reference ${policeRef.trim()}` : '', note.trim()].filter(Boolean).join('. ');
      await api(`/mail/records/${encodeURIComponent(record.id)}/decision`, {
        method: 'POST',
        json: { decision: d === 'escalate' ? 'keep' : d, ...(fullNote ? { note: fullNote } : {}) },
      });
      if (d === 'keep' || d === 'escalate') {
        let linkCase = caseId;
        if (d === 'escalate') {
          if (!linkCase) {
            const created = await api<Case>('/cases', { method: 'POST', json: { title: `Threat: ${record.subject || record.from}`.slice(0, 300), councillorId: record.councillorId } });
            linkCase = created.id;
          }
          await api(`/cases/${encodeURIComponent(linkCase)}`, { method: 'PATCH', json: { status: 'referred', policeReference: policeRef.trim() } });
        }
        if (linkCase || perpId) {
          await api(`/evidence/${encodeURIComponent(record.itemId)}`, {
            method: 'PATCH',
            json: { ...(linkCase ? { caseId: linkCase } : {}), ...(perpId ? { perpetratorId: perpId } : {}) },
          });
        }
      }
      setStatus('Decision recorded.');
      onDecided();
    } catch (e) {
      setStatus(e instanceof ApiError ? e.message : 'The decision could not be recorded.');
    } finally {
      setBusy(false);
    }
  };

  const decided = record.state !== 'quarantined';
  return (
    <section class="decision" aria-labelledby="decision-h">
      <h2 id="decision-h">Decision</h2>
      <p class="state" data-state={record.state}>
        <strong>{STATE_TEXT[record.state]}</strong>
        {record.decidedAt && <> on {when(record.decidedAt)}</>}
        {record.state !== 'quarantined' && <> — <ActionOutcomeText record={record} /></>}
      </p>
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
              Police reference
              <input id="police-ref" value={policeRef} onInput={(e) => setPoliceRef((e.target as HTMLInputElement).value)} />
            </label>
            <label class="wide">
              Note
              <textarea value={note} rows={2} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
            </label>
          </div>
          <div class="decision-buttons">
            <button type="button" disabled={busy} onClick={() => decide('release')} data-key="r">
              Release to inbox
            </button>
            {!decided && (
              <button type="button" disabled={busy} onClick={() => decide('keep')} data-key="k">
                Keep as abuse
              </button>
            )}
            <button type="button" disabled={busy} class="danger" onClick={() => decide('escalate')} data-key="e">
              Escalate as threat
            </button>
            {!decided && (
              <button type="button" disabled={busy} onClick={() => decide('not_abuse')} data-key="n">
                Mark not abuse
              </button>
            )}
          </div>
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
