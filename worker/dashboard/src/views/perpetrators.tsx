import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { href } from '../lib/route.ts';
import type { EvidenceItem, Perpetrator } from '../lib/types.ts';
import { COURSE_OF_CONDUCT_MIN } from '../lib/course-of-conduct.ts';

export function PerpetratorsView() {
  const [perps, setPerps] = useState<Perpetrator[] | null>(null);
  const [counts, setCounts] = useState(new Map<string, number>());

  useEffect(() => {
    api<{ perpetrators: Perpetrator[] }>('/perpetrators').then((r) => setPerps(r.perpetrators)).catch(() => setPerps([]));
    api<{ items: EvidenceItem[] }>('/evidence?limit=500')
      .then((r) => {
        const m = new Map<string, number>();
        for (const i of r.items) if (i.perpetratorId) m.set(i.perpetratorId, (m.get(i.perpetratorId) ?? 0) + 1);
        setCounts(m);
      })
      .catch(() => undefined);
  }, []);

  return (
    <section>
      <h1>Perpetrators</h1>
      {perps === null ? (
        <p>Loading…</p>
      ) : perps.length === 0 ? (
        <p>None recorded.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Handles and addresses</th>
              <th scope="col">Incidents</th>
            </tr>
          </thead>
          <tbody>
            {perps.map((p) => {
              const n = counts.get(p.id) ?? 0;
              return (
                <tr key={p.id}>
                  <td>
                    <a href={href('perpetrators', p.id)}>{p.displayName}</a>
                  </td>
                  <td>{[...p.handles.map((h) => `${h.platform} ${h.handle ?? h.accountId ?? ''}`), ...p.emails].join(', ')}</td>
                  <td>
                    {n}
                    {n >= COURSE_OF_CONDUCT_MIN && <span class="badge conduct">Course of conduct</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
