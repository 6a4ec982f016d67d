import { useEffect, useState } from 'preact/hooks';
import type { DiaryView } from '@wardguard/shared/api/diary';
import { api } from '../lib/api.ts';
import { errorText, inputValue } from '../lib/error-text.ts';
import { when } from '../lib/format.ts';
import { href } from '../lib/route.ts';
import type { Case, EvidenceItem } from '../lib/types.ts';
import { useCouncillors } from '../lib/use-councillors.ts';
import { DiaryForm, type DiaryText } from '../components/diary-form.tsx';
import { ErrorNote } from '../components/error-note.tsx';
import { CouncillorOptions } from '../components/councillor-options.tsx';

/**
 * The incident diary: what happened off-line (a phone call, a letter, a surgery) and how it
 * felt, in the councillor's words. Councillors write their own; officers can write one for a
 * councillor who phoned it in.
 */
export function DiaryListView({ staff }: { staff: boolean }) {
  const [entries, setEntries] = useState<EvidenceItem[] | null>(null);
  const [cases, setCases] = useState<Case[]>([]);
  const [error, setError] = useState('');
  const [councillorId, setCouncillorId] = useState('');
  const [caseId, setCaseId] = useState('');
  const councillors = useCouncillors();

  const load = () =>
    Promise.all([api<{ items: EvidenceItem[] }>('/evidence?kind=diary&limit=200'), api<{ cases: Case[] }>('/cases')])
      .then(([i, c]) => {
        setEntries(i.items);
        setCases(c.cases);
      })
      .catch((e: unknown) => setError(errorText(e, 'Could not load the diary.')));
  useEffect(() => {
    void load();
  }, []);

  const create = async (text: DiaryText) => {
    const created = await api<DiaryView>('/diary', {
      method: 'POST',
      json: { ...text, ...(caseId ? { caseId } : {}), ...(staff ? { councillorId } : {}) },
    });
    setCaseId('');
    await load();
    return `Saved as ${created.exhibitRef}.`;
  };
  const caseChoices = staff ? cases.filter((c) => c.councillorId === councillorId) : cases;
  const caseName = new Map(cases.map((c) => [c.id, c.title]));

  return (
    <section>
      <h1>Incident diary</h1>
      <section aria-labelledby="new-diary-h">
        <h2 id="new-diary-h">Record an incident</h2>
        <p>For anything that did not happen on a screen you could capture: a phone call, a letter, something said at a surgery or in the street.</p>
        <DiaryForm idPrefix="new-diary" askChannel submitLabel="Save to the diary" onSubmit={create}>
          {staff && (
            <label>
              Councillor
              <select
                required
                value={councillorId}
                onChange={(e) => {
                  setCouncillorId(inputValue(e));
                  setCaseId('');
                }}
              >
                <option value="">Choose…</option>
                <CouncillorOptions councillors={councillors} />
              </select>
            </label>
          )}
          <label>
            Case (optional)
            <select value={caseId} onChange={(e) => setCaseId(inputValue(e))}>
              <option value="">Not in a case yet</option>
              {caseChoices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </label>
        </DiaryForm>
      </section>
      <h2>Entries</h2>
      {error ? (
        <ErrorNote message={error} />
      ) : entries === null ? (
        <p>Loading…</p>
      ) : entries.length === 0 ? (
        <p>No diary entries yet.</p>
      ) : (
        <ul class="diary-list">
          {entries.map((e) => (
            <li key={e.id} data-item-id={e.id}>
              <a href={href('diary', e.id)}>
                {e.exhibitRef} · {e.title}
              </a>
              <div>
                <time dateTime={e.capturedAt}>{when(e.capturedAt)}</time>
                {staff && <> · {councillors.get(e.councillorId)?.name ?? '—'}</>}
                {' · '}
                {e.caseId ? `Case: ${caseName.get(e.caseId) ?? '—'}` : 'Not in a case yet'}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
