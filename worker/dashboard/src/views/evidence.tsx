import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../lib/api.ts';
import type { Case, EvidenceItem } from '../lib/types.ts';
import { useCouncillors } from '../lib/use-councillors.ts';
import { EvidenceCard } from '../components/evidence-card.tsx';
import { ErrorNote } from '../components/error-note.tsx';

type Filter = 'unlinked' | 'all';

/**
 * Every capture, upload and diary entry, newest first; by default the ones in no case yet,
 * which no other screen shows (the extension's shortcut and "No case yet" file them there).
 */
export function EvidenceListView({ staff }: { staff: boolean }) {
  const [filter, setFilter] = useState<Filter>('unlinked');
  const [items, setItems] = useState<EvidenceItem[] | null>(null);
  const [cases, setCases] = useState<Case[]>([]);
  const [error, setError] = useState('');
  const councillors = useCouncillors();

  useEffect(() => {
    setItems(null);
    Promise.all([api<{ items: EvidenceItem[] }>(`/evidence?limit=200${filter === 'unlinked' ? '&caseId=none' : ''}`), api<{ cases: Case[] }>('/cases')])
      .then(([i, c]) => {
        // Filed mail has its own screen, the review queue.
        setItems(i.items.filter((x) => x.kind !== 'email'));
        setCases(c.cases);
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not load the evidence.'));
  }, [filter]);

  const replace = (updated: EvidenceItem) => setItems((list) => (list ?? []).map((x) => (x.id === updated.id ? { ...x, ...updated } : x)));

  return (
    <section>
      <h1>Evidence</h1>
      <fieldset class="filters">
        <legend>Show</legend>
        <label>
          <input type="radio" name="ev-filter" checked={filter === 'unlinked'} onChange={() => setFilter('unlinked')} /> Not in a case yet
        </label>
        <label>
          <input type="radio" name="ev-filter" checked={filter === 'all'} onChange={() => setFilter('all')} /> All evidence
        </label>
      </fieldset>
      {error ? (
        <ErrorNote message={error} />
      ) : items === null ? (
        <p>Loading…</p>
      ) : items.length === 0 ? (
        <p>{filter === 'unlinked' ? 'Every piece of evidence is in a case.' : 'No evidence yet.'}</p>
      ) : (
        <ul class="evidence-list">
          {items.map((item) => (
            <EvidenceCard
              key={item.id}
              item={item}
              cases={cases}
              councillorName={staff ? councillors.get(item.councillorId)?.name : undefined}
              onLinked={replace}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
