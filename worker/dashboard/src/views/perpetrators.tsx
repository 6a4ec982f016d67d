import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { href } from '../lib/route.ts';
import type { Perpetrator } from '../lib/types.ts';
import { PerpetratorForm, type PerpetratorFields } from '../components/perpetrator-form.tsx';

export function PerpetratorsView() {
  const [perps, setPerps] = useState<Perpetrator[] | null>(null);

  const load = () =>
    api<{ perpetrators: Perpetrator[] }>('/perpetrators')
      .then((r) => setPerps(r.perpetrators))
      .catch(() => setPerps([]));
  useEffect(() => {
    void load();
  }, []);
  const create = async (fields: PerpetratorFields) => {
    const created = await api<Perpetrator>('/perpetrators', { method: 'POST', json: fields });
    await load();
    return `${created.displayName} recorded.`;
  };

  return (
    <section>
      <h1>Perpetrators</h1>
      {perps === null ? (
        <p>Loading…</p>
      ) : perps.length === 0 ? (
        <p>None recorded.</p>
      ) : (
        <table class="perp-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Handles and addresses</th>
              <th scope="col">Incidents</th>
            </tr>
          </thead>
          <tbody>
            {/* Counted by the Worker over all of the person's incidents (diary entries excepted). */}
            {perps.map((p) => {
              return (
                <tr key={p.id}>
                  <td>
                    <a href={href('perpetrators', p.id)}>{p.displayName}</a>
                  </td>
                  <td>{[...p.handles.map((h) => `${h.platform} ${h.handle ?? h.accountId ?? ''}`), ...p.emails].join(', ')}</td>
                  <td>
                    {p.incidentCount}
                    {p.courseOfConduct && <span class="badge conduct">Course of conduct</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <section aria-labelledby="new-perp-h">
        <h2 id="new-perp-h">Record a person</h2>
        <PerpetratorForm idPrefix="new-perp" submitLabel="Record this person" onSubmit={create} />
      </section>
    </section>
  );
}
