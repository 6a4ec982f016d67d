import { useEffect, useState } from 'preact/hooks';
import type { LiaisonCaseSummary } from '@wardguard/shared/api/referrals';
import { api } from '../lib/api.ts';
import { errorText } from '../lib/error-text.ts';
import { when } from '../lib/format.ts';
import { href } from '../lib/route.ts';
import type { Me } from '../lib/types.ts';
import { ErrorNote } from '../components/error-note.tsx';

/** Where a police liaison lands: the cases their council referred to them, and nothing else. */
export function LiaisonCasesView({ me }: { me: Me }) {
  const [cases, setCases] = useState<LiaisonCaseSummary[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api<{ cases: LiaisonCaseSummary[] }>('/liaison/cases')
      .then((r) => setCases(r.cases))
      .catch((e: unknown) => setError(errorText(e, 'Could not load your referred cases.')));
  }, []);

  return (
    <section class="liaison">
      <h1>Cases referred to you</h1>
      <p>
        {me.councilName ?? 'The council'} has referred these cases to you, {me.name}. Everything you open, download or add here is recorded in the council's
        custody log.
      </p>
      {error && <ErrorNote message={error} />}
      {cases === null && !error ? (
        <p>Loading…</p>
      ) : cases?.length === 0 ? (
        <p>No cases are referred to you at the moment.</p>
      ) : (
        <ul class="referred-list">
          {cases?.map(({ case: c, councillorName, referredAt }) => (
            <li key={c.id}>
              <a href={href('referred', c.id)}>{c.title}</a>
              <div>
                Councillor {councillorName} · Police reference {c.policeReference ?? 'not given yet'} · Referred{' '}
                <time dateTime={referredAt}>{when(referredAt)}</time>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
