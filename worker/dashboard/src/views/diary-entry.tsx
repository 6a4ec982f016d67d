import { useEffect, useRef, useState } from 'preact/hooks';
import type { DiaryVersionView, DiaryView } from '@wardguard/shared/api/diary';
import { api } from '../lib/api.ts';
import { errorText } from '../lib/error-text.ts';
import { when } from '../lib/format.ts';
import { href } from '../lib/route.ts';
import { DiaryForm, type DiaryText } from '../components/diary-form.tsx';
import { ErrorNote } from '../components/error-note.tsx';

/**
 * One diary entry: what it says now, a way to correct it, and every earlier version. An edit
 * adds a version; nothing is overwritten, so the first account is always there to show.
 */
export function DiaryEntryView({ id }: { id: string }) {
  const [entry, setEntry] = useState<DiaryView | null>(null);
  const [error, setError] = useState('');
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    api<DiaryView>(`/diary/${encodeURIComponent(id)}`)
      .then(setEntry)
      .catch((e: unknown) => setError(errorText(e, 'Could not load the diary entry.')));
  }, [id]);

  if (error) return <ErrorNote message={error} />;
  if (!entry) return <p>Loading…</p>;

  const save = async (text: DiaryText) => {
    const saved = await api<DiaryView>(`/diary/${encodeURIComponent(id)}`, { method: 'PUT', json: text });
    setEntry(saved);
    setEditing(false);
    editButton.current?.focus();
    const done = `Saved as version ${saved.current.version}.`;
    setNotice(done);
    return done;
  };
  const earlier = entry.history.filter((v) => v.version !== entry.current.version).reverse();

  return (
    <article>
      <p>
        <a href="#/diary">← Incident diary</a>
      </p>
      <h1>Diary entry {entry.exhibitRef}</h1>
      <p>
        Version {entry.current.version} · happened <time dateTime={entry.current.occurredAt}>{when(entry.current.occurredAt)}</time>
        {entry.caseId && (
          <>
            {' '}
            · <a href={href('cases', entry.caseId)}>open its case</a>
          </>
        )}{' '}
        · <a href={href('custody', entry.itemId)}>custody log</a>
      </p>
      <VersionText v={entry.current} />
      <button ref={editButton} type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
        Edit this entry
      </button>
      <p role="status">{notice}</p>
      {editing && (
        <section aria-labelledby="edit-diary-h">
          <h2 id="edit-diary-h">Edit</h2>
          <p class="hint">Saving keeps what it said before as an earlier version.</p>
          <DiaryForm idPrefix="edit-diary" initial={entry.current} submitLabel="Save changes" onSubmit={save} />
        </section>
      )}
      <h2>Earlier versions</h2>
      {earlier.length === 0 ? (
        <p>None: this entry has not been edited.</p>
      ) : (
        <ul class="diary-history">
          {earlier.map((v) => (
            <li key={v.version} data-version={v.version}>
              <h3>
                Version {v.version}, written <time dateTime={v.editedAt}>{when(v.editedAt)}</time>
              </h3>
              <VersionText v={v} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

function VersionText({ v }: { v: DiaryVersionView }) {
  return (
    <dl class="headers diary-text">
      <dt>When</dt>
      <dd>{when(v.occurredAt)}</dd>
      <dt>What happened</dt>
      <dd class="prewrap">{v.whatHappened}</dd>
      <dt>Impact</dt>
      <dd class="prewrap">{v.impact || '—'}</dd>
    </dl>
  );
}
