import { useEffect, useState } from 'preact/hooks';
import type { CaseNoteKind, LiaisonCaseView as CaseData } from '@wardguard/shared/api/referrals';
import { api } from '../lib/api.ts';
import { errorText, inputValue } from '../lib/error-text.ts';
import { bytes, when } from '../lib/format.ts';
import { ErrorNote } from '../components/error-note.tsx';

const KIND_LABEL: Record<string, string> = { web_capture: 'Web capture', email: 'Email', upload: 'Upload', diary: 'Diary entry' };
const NOTE_LABEL: Record<CaseNoteKind, string> = { note: 'Note', update: 'Update' };

const artifactUrl = (caseId: string, itemId: string, artifactId: string) =>
  `/api/v1/liaison/cases/${encodeURIComponent(caseId)}/evidence/${encodeURIComponent(itemId)}/artifacts/${encodeURIComponent(artifactId)}`;

/** One referred case for its police liaison: the evidence and its files, the council's police packs, and notes. */
export function LiaisonCaseView({ id }: { id: string }) {
  const [data, setData] = useState<CaseData | null>(null);
  const [error, setError] = useState('');
  const load = () =>
    api<CaseData>(`/liaison/cases/${encodeURIComponent(id)}`)
      .then(setData)
      .catch((e: unknown) => setError(errorText(e, 'Could not load the case.')));
  useEffect(() => {
    void load();
  }, [id]);

  if (error) return <ErrorNote message={error} />;
  if (!data) return <p>Loading…</p>;
  const { case: kase } = data;
  return (
    <article class="liaison">
      <p>
        <a href="#/referred">← Cases referred to you</a>
      </p>
      <h1>{kase.title}</h1>
      <p>
        Councillor {data.councillorName} · Police reference <strong>{kase.policeReference ?? 'not given yet'}</strong> · Referred{' '}
        <time dateTime={data.referredAt}>{when(data.referredAt)}</time>
      </p>

      <section aria-labelledby="packs-h">
        <h2 id="packs-h">Evidence packs</h2>
        {data.packs.length === 0 ? (
          <p>The council has not prepared a police pack of this case yet; ask the officer who referred it.</p>
        ) : (
          <ul class="referred-list">
            {data.packs.map((p) => (
              <li key={p.id}>
                <a href={p.downloadUrl} download>
                  Download the signed pack ({p.exhibits} exhibits)
                </a>
                <div>
                  Prepared <time dateTime={p.createdAt}>{when(p.createdAt)}</time> for {p.recipient}
                </div>
              </li>
            ))}
          </ul>
        )}
        <p>
          Check a pack offline with the <a href="#/verify">pack verifier</a>.
        </p>
      </section>

      <section aria-labelledby="evidence-h">
        <h2 id="evidence-h">Evidence ({data.evidence.length})</h2>
        <ul class="referred-list">
          {data.evidence.map((i) => (
            <li key={i.id}>
              <strong>{i.exhibitRef}</strong> · {KIND_LABEL[i.kind] ?? i.kind} · {i.title} · captured <time dateTime={i.capturedAt}>{when(i.capturedAt)}</time>
              {typeof i.metadata.url === 'string' && <div class="url">{i.metadata.url}</div>}
              {i.artifacts.length > 0 && (
                <ul>
                  {i.artifacts.map((a) => (
                    <li key={a.id}>
                      <a href={artifactUrl(kase.id, i.id, a.id)} download>
                        {a.name}
                      </a>{' '}
                      ({bytes(a.size)}) <span class="hash">SHA-256 {a.sha256}</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>

      {data.perpetrators.length > 0 && (
        <section aria-labelledby="people-h">
          <h2 id="people-h">People linked to this evidence</h2>
          <ul class="referred-list">
            {data.perpetrators.map((p) => (
              <li key={p.id}>
                <strong>{p.displayName}</strong>
                {[...p.aliases, ...p.handles.map((h) => `${h.handle} (${h.platform})`), ...p.emails].length > 0 && (
                  <div>{[...p.aliases, ...p.handles.map((h) => `${h.handle} (${h.platform})`), ...p.emails].join(' · ')}</div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="notes-h">
        <h2 id="notes-h">Notes and updates</h2>
        {data.notes.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ol class="referred-list">
            {data.notes.map((n) => (
              <li key={n.id}>
                <strong>{NOTE_LABEL[n.kind]}</strong> · <time dateTime={n.createdAt}>{when(n.createdAt)}</time> · {n.authorName}
                <p class="note-text">{n.text}</p>
              </li>
            ))}
          </ol>
        )}
        <NoteForm caseId={kase.id} policeReference={kase.policeReference} onAdded={load} />
      </section>
    </article>
  );
}

function NoteForm({ caseId, policeReference, onAdded }: { caseId: string; policeReference: string | null; onAdded: () => Promise<void> }) {
  const [kind, setKind] = useState<CaseNoteKind>('update');
  const [text, setText] = useState('');
  const [reference, setReference] = useState('');
  const [message, setMessage] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await api(`/liaison/cases/${encodeURIComponent(caseId)}/notes`, {
        method: 'POST',
        json: { kind, text, ...(reference.trim() ? { policeReference: reference.trim() } : {}) },
      });
      setText('');
      setReference('');
      setMessage(`${NOTE_LABEL[kind]} added.`);
      await onAdded();
    } catch (err) {
      setMessage(errorText(err, 'Could not add it.'));
    }
  };
  return (
    <form class="inline-form" onSubmit={submit} aria-labelledby="add-note-h">
      <h3 id="add-note-h">Add a note or an update</h3>
      <label>
        Kind
        <select value={kind} onChange={(e) => setKind(inputValue(e) as CaseNoteKind)}>
          <option value="update">Update on the investigation</option>
          <option value="note">Note for the record</option>
        </select>
      </label>
      <label>
        Text
        <textarea required maxLength={4000} rows={4} value={text} onInput={(e) => setText(inputValue(e))} />
      </label>
      <label>
        {policeReference ? 'New police reference (optional)' : 'Police reference (optional)'}
        <input maxLength={100} value={reference} onInput={(e) => setReference(inputValue(e))} />
      </label>
      <button type="submit">Add to the case</button>
      <p role="status">{message}</p>
    </form>
  );
}
