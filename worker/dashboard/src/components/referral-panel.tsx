import { useEffect, useState } from 'preact/hooks';
import type { CaseNoteView, ReferralView } from '@wardguard/shared/api/referrals';
import { api } from '../lib/api.ts';
import { errorText, inputValue } from '../lib/error-text.ts';
import { when } from '../lib/format.ts';

interface Liaison {
  id: string;
  name: string;
}

/**
 * Officers: refer the case to the council's police liaison (which is what lets them see it),
 * withdraw a referral, and read the notes and updates the liaison has added.
 */
export function ReferralPanel({ caseId, onReferred }: { caseId: string; onReferred: () => void }) {
  const [liaisons, setLiaisons] = useState<Liaison[]>([]);
  const [referrals, setReferrals] = useState<ReferralView[]>([]);
  const [notes, setNotes] = useState<CaseNoteView[]>([]);
  const [liaisonId, setLiaisonId] = useState('');
  const [reference, setReference] = useState('');
  const [message, setMessage] = useState('');
  const load = () =>
    api<{ referrals: ReferralView[]; notes: CaseNoteView[] }>(`/referrals?caseId=${encodeURIComponent(caseId)}`)
      .then((r) => {
        setReferrals(r.referrals);
        setNotes(r.notes);
      })
      .catch((e: unknown) => setMessage(errorText(e, 'Could not load the referrals.')));
  useEffect(() => {
    void load();
    void api<{ liaisons: Liaison[] }>('/referrals/liaisons')
      .then((r) => setLiaisons(r.liaisons))
      .catch(() => undefined);
  }, [caseId]);

  const refer = async (e: Event) => {
    e.preventDefault();
    try {
      const r = await api<ReferralView>('/referrals', {
        method: 'POST',
        json: { caseId, liaisonId, ...(reference.trim() ? { policeReference: reference.trim() } : {}) },
      });
      setMessage(`Referred to ${r.liaisonName}.`);
      setReference('');
      await load();
      onReferred();
    } catch (err) {
      setMessage(errorText(err, 'Could not refer the case.'));
    }
  };
  const withdraw = async (r: ReferralView) => {
    try {
      await api(`/referrals/${encodeURIComponent(r.id)}/withdraw`, { method: 'POST' });
      setMessage(`${r.liaisonName} can no longer see this case.`);
      await load();
    } catch (err) {
      setMessage(errorText(err, 'Could not withdraw the referral.'));
    }
  };

  const live = referrals.filter((r) => !r.withdrawnAt);
  return (
    <section class="referral-panel" aria-labelledby="referral-h">
      <h2 id="referral-h">Police liaison</h2>
      {live.length === 0 ? (
        <p>Not referred to a police liaison: no one outside the council can see this case.</p>
      ) : (
        <ul class="referred-list">
          {live.map((r) => (
            <li key={r.id}>
              Referred to <strong>{r.liaisonName}</strong> <time dateTime={r.referredAt}>{when(r.referredAt)}</time>{' '}
              <button type="button" onClick={() => withdraw(r)}>
                Withdraw referral to {r.liaisonName}
              </button>
            </li>
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <>
          <h3>From the police</h3>
          <ol class="referred-list">
            {notes.map((n) => (
              <li key={n.id}>
                <strong>{n.kind === 'update' ? 'Update' : 'Note'}</strong> · <time dateTime={n.createdAt}>{when(n.createdAt)}</time> · {n.authorName}
                <p class="note-text">{n.text}</p>
              </li>
            ))}
          </ol>
        </>
      )}
      {liaisons.length === 0 ? (
        <p>Your council has no police liaison yet; an administrator adds one under Users.</p>
      ) : (
        <form class="inline-form" onSubmit={refer} aria-labelledby="refer-h">
          <h3 id="refer-h">Refer to a police liaison</h3>
          <label>
            Liaison
            <select required value={liaisonId} onChange={(e) => setLiaisonId(inputValue(e))}>
              <option value="">Choose…</option>
              {liaisons.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Crime number, if the police gave one
            <input maxLength={100} value={reference} onInput={(e) => setReference(inputValue(e))} />
          </label>
          <button type="submit">Refer the case</button>
        </form>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
