import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../lib/api.ts';
import { when } from '../lib/format.ts';
import type { EvidenceItem, Perpetrator } from '../lib/types.ts';
import { Timeline } from '../components/timeline.tsx';
import { ExportPanel } from '../components/export-panel.tsx';
import { PerpetratorForm, type PerpetratorFields } from '../components/perpetrator-form.tsx';
import { ErrorNote } from '../components/error-note.tsx';

export function PerpetratorView({ id }: { id: string }) {
  const [perp, setPerp] = useState<Perpetrator | null>(null);
  const [items, setItems] = useState<EvidenceItem[]>([]);
  const [error, setError] = useState('');
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    Promise.all([
      api<Perpetrator>(`/perpetrators/${encodeURIComponent(id)}`),
      api<{ items: EvidenceItem[] }>(`/evidence?perpetratorId=${encodeURIComponent(id)}&limit=500`),
    ])
      .then(([p, i]) => {
        setPerp(p);
        setItems(i.items);
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not load this person.'));
  }, [id]);

  const setDisengaged = async (disengaged: boolean) => {
    try {
      setPerp(await api<Perpetrator>(`/perpetrators/${encodeURIComponent(id)}`, { method: 'PATCH', json: { disengaged } }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not change this.');
    }
  };

  const save = async (fields: PerpetratorFields) => {
    const saved = await api<Perpetrator>(`/perpetrators/${encodeURIComponent(id)}`, { method: 'PATCH', json: fields });
    setPerp(saved);
    setEditing(false);
    editButton.current?.focus();
    setNotice('Changes saved.');
    return 'Changes saved.';
  };

  if (error) return <ErrorNote message={error} />;
  if (!perp) return <p>Loading…</p>;
  return (
    <article>
      <p>
        <a href="#/perpetrators">← All perpetrators</a>
      </p>
      <h1>{perp.displayName}</h1>
      {perp.courseOfConduct && (
        <p class="notice" role="note">
          <strong>Course of conduct:</strong> {perp.incidentCount} incidents recorded from this person.
        </p>
      )}
      <p>
        {perp.disengagedAt ? (
          <>
            <strong>Disengaged</strong> since {when(perp.disengagedAt)}: their mail is still recorded but needs no reply.{' '}
            <button type="button" onClick={() => setDisengaged(false)}>
              Re-engage
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setDisengaged(true)}>
            Disengage (no further replies)
          </button>
        )}
      </p>
      <dl class="headers">
        <dt>Aliases</dt>
        <dd>{perp.aliases.join(', ') || '—'}</dd>
        <dt>Accounts</dt>
        <dd>
          {perp.handles.length === 0
            ? '—'
            : perp.handles.map((h, i) => (
                <div key={i}>
                  {h.platform}: {h.handle ?? ''} {h.accountId ? `(id ${h.accountId})` : ''} {h.profileUrl ?? ''}
                </div>
              ))}
        </dd>
        <dt>Email</dt>
        <dd>{perp.emails.join(', ') || '—'}</dd>
        <dt>Notes</dt>
        <dd>{perp.notes || '—'}</dd>
      </dl>
      <button ref={editButton} type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
        Edit this record
      </button>
      <p role="status">{notice}</p>
      {editing && (
        <section aria-labelledby="edit-perp-h">
          <h2 id="edit-perp-h">Edit {perp.displayName}</h2>
          <PerpetratorForm idPrefix="edit-perp" initial={perp} submitLabel="Save changes" onSubmit={save} />
        </section>
      )}
      <h2>Incidents</h2>
      <Timeline items={items} perpetrators={new Map([[perp.id, perp]])} />
      {items.length > 0 && <ExportPanel scope={{ kind: 'perpetrator', id: perp.id }} />}
    </article>
  );
}
