import { useRef, useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { errorText, inputValue } from '../lib/error-text.ts';
import type { Case } from '../lib/types.ts';

export const STATUS_LABEL: Record<Case['status'], string> = { open: 'Open', referred: 'Referred to the police', closed: 'Closed' };
// Not imported from shared as a value: that would bundle zod into the dashboard.
const CASE_STATUSES = Object.keys(STATUS_LABEL) as Case['status'][];

/**
 * A case's title, status and police reference, and one-click close / reopen. Sends only
 * what changed, so two people editing different fields do not undo each other.
 */
export function CaseEdit({ kase, onSaved }: { kase: Case; onSaved: (c: Case) => void }) {
  const [title, setTitle] = useState(kase.title);
  const [status, setStatus] = useState<Case['status']>(kase.status);
  const [policeReference, setPoliceReference] = useState(kase.policeReference ?? '');
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState(false);
  // The form goes away on save: focus goes back to the button that opened it, not to the page's top.
  const editButton = useRef<HTMLButtonElement>(null);

  const patch = async (json: Partial<Pick<Case, 'title' | 'status' | 'policeReference'>>, done: string) => {
    if (Object.keys(json).length === 0) {
      setMessage('Nothing to change.');
      return;
    }
    try {
      const saved = await api<Case>(`/cases/${encodeURIComponent(kase.id)}`, { method: 'PATCH', json });
      setTitle(saved.title);
      setStatus(saved.status);
      setPoliceReference(saved.policeReference ?? '');
      setMessage(done);
      if (editing) editButton.current?.focus();
      setEditing(false);
      onSaved(saved);
    } catch (err) {
      setMessage(errorText(err, 'Could not save the case.'));
    }
  };

  const save = (e: Event) => {
    e.preventDefault();
    const ref = policeReference.trim() || null;
    void patch(
      {
        ...(title.trim() !== kase.title ? { title: title.trim() } : {}),
        ...(status !== kase.status ? { status } : {}),
        ...(ref !== kase.policeReference ? { policeReference: ref } : {}),
      },
      'Case saved.',
    );
  };

  return (
    <section class="case-edit" aria-labelledby="case-edit-h">
      <h2 id="case-edit-h" class="visually-hidden">
        Change this case
      </h2>
      <div class="button-row">
        {kase.status === 'closed' ? (
          <button type="button" onClick={() => void patch({ status: 'open' }, 'Case reopened.')}>
            Reopen case
          </button>
        ) : (
          <button type="button" onClick={() => void patch({ status: 'closed' }, 'Case closed.')}>
            Close case
          </button>
        )}
        <button ref={editButton} type="button" aria-expanded={editing} aria-controls="case-edit-form" onClick={() => setEditing(!editing)}>
          Edit case details
        </button>
      </div>
      {editing && (
        <form id="case-edit-form" class="inline-form" onSubmit={save}>
          <label>
            Title
            <input required maxLength={300} value={title} onInput={(e) => setTitle(inputValue(e))} />
          </label>
          <label>
            Status
            <select value={status} onChange={(e) => setStatus(inputValue(e) as Case['status'])}>
              {CASE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Police reference (optional)
            <input maxLength={100} value={policeReference} onInput={(e) => setPoliceReference(inputValue(e))} />
          </label>
          <button type="submit">Save case</button>
        </form>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
