import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../lib/api.ts';
import { when } from '../lib/format.ts';
import { href } from '../lib/route.ts';
import type { Case } from '../lib/types.ts';
import { useCouncillors } from '../lib/use-councillors.ts';
import { CouncillorOptions } from '../components/councillor-options.tsx';

export function CasesView({ staff }: { staff: boolean }) {
  const [cases, setCases] = useState<Case[] | null>(null);
  const [title, setTitle] = useState('');
  const [councillorId, setCouncillorId] = useState('');
  const [status, setStatus] = useState('');
  const councillors = useCouncillors();

  const load = () => api<{ cases: Case[] }>('/cases').then((r) => setCases(r.cases));
  useEffect(() => {
    void load().catch(() => setCases([]));
  }, []);

  const create = async (e: Event) => {
    e.preventDefault();
    try {
      await api('/cases', { method: 'POST', json: { title, ...(staff ? { councillorId } : {}) } });
      setTitle('');
      setStatus('Case opened.');
      await load();
    } catch (err) {
      setStatus(err instanceof ApiError ? err.message : 'Could not open the case.');
    }
  };

  return (
    <section>
      <h1>Cases</h1>
      {cases === null ? (
        <p>Loading…</p>
      ) : cases.length === 0 ? (
        <p>No cases yet.</p>
      ) : (
        <table class="stack-table">
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Councillor</th>
              <th scope="col">Status</th>
              <th scope="col">Police reference</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id}>
                <td data-label="Case">
                  <a href={href('cases', c.id)}>{c.title}</a>
                </td>
                <td data-label="Councillor">{councillors.get(c.councillorId)?.name ?? '—'}</td>
                <td data-label="Status">{c.status}</td>
                <td data-label="Police reference">{c.policeReference ?? '—'}</td>
                <td data-label="Updated">{when(c.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form class="inline-form" onSubmit={create} aria-labelledby="new-case-h">
        <h2 id="new-case-h">Open a case</h2>
        <label>
          Title
          <input required value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
        </label>
        {staff && (
          <label>
            Councillor
            <select required value={councillorId} onChange={(e) => setCouncillorId((e.target as HTMLSelectElement).value)}>
              <option value="">Choose…</option>
              <CouncillorOptions councillors={councillors} />
            </select>
          </label>
        )}
        <button type="submit">Open case</button>
        <p role="status">{status}</p>
      </form>
    </section>
  );
}
