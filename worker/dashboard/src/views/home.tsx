import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { errorText } from '../lib/error-text.ts';
import { when } from '../lib/format.ts';
import { href } from '../lib/route.ts';
import type { Case, EvidenceItem, Me } from '../lib/types.ts';
import { STATUS_LABEL } from '../components/case-edit.tsx';
import { ErrorNote } from '../components/error-note.tsx';

const RECENT = 5;

/**
 * Where a councillor lands: what is waiting on them, a way to record what no capture button
 * can (a call, a letter, a surgery), and their own cases, captures and diary.
 */
export function HomeView({ me }: { me: Me }) {
  const [items, setItems] = useState<EvidenceItem[] | null>(null);
  const [cases, setCases] = useState<Case[]>([]);
  const [error, setError] = useState('');

  useEffect(() => {
    Promise.all([api<{ items: EvidenceItem[] }>('/evidence?limit=200'), api<{ cases: Case[] }>('/cases')])
      .then(([i, c]) => {
        setItems(i.items.filter((x) => x.kind !== 'email'));
        setCases(c.cases);
      })
      .catch((e: unknown) => setError(errorText(e, 'Could not load your home page.')));
  }, []);

  const captures = (items ?? []).filter((i) => i.kind !== 'diary');
  const diary = (items ?? []).filter((i) => i.kind === 'diary');
  const unfiled = (items ?? []).filter((i) => !i.caseId);
  const caseName = new Map(cases.map((c) => [c.id, c.title]));

  return (
    <section class="home">
      <h1>Hello, {me.name}</h1>
      <section class="notice" aria-labelledby="offline-h">
        <h2 id="offline-h">Something happened off-line?</h2>
        <p>A phone call, a letter, something said at a surgery or in the street: record it in your diary while it is fresh. Low-level incidents count too.</p>
        <p>
          <a class="button-link" href="#/diary">
            Record an incident
          </a>
        </p>
      </section>
      {error && <ErrorNote message={error} />}
      {items === null && !error ? (
        <p>Loading…</p>
      ) : (
        <>
          <section aria-labelledby="waiting-h">
            <h2 id="waiting-h">Waiting on you</h2>
            {unfiled.length === 0 ? (
              <p>Nothing: every capture and diary entry is in a case.</p>
            ) : (
              <p>
                <a href="#/evidence">{unfiled.length === 1 ? '1 piece of evidence is' : `${unfiled.length} pieces of evidence are`} not in a case yet</a>: put
                them in a case so your officers see them together.
              </p>
            )}
          </section>
          <section aria-labelledby="my-cases-h">
            <h2 id="my-cases-h">Your cases</h2>
            {cases.length === 0 ? (
              <p>
                No cases yet. <a href="#/cases">Open a case</a>
              </p>
            ) : (
              <ul>
                {cases.map((c) => (
                  <li key={c.id}>
                    <a href={href('cases', c.id)}>{c.title}</a> · {STATUS_LABEL[c.status]}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <RecentList
            id="my-captures-h"
            heading="Your latest captures"
            items={captures}
            caseName={caseName}
            more={{ to: '#/evidence', label: 'All your evidence' }}
            empty="None yet: capture a post with the Wardguard browser extension."
          />
          <RecentList
            id="my-diary-h"
            heading="Your diary"
            items={diary}
            caseName={caseName}
            more={{ to: '#/diary', label: 'Your whole diary' }}
            empty="No diary entries yet."
            link={(i) => href('diary', i.id)}
          />
        </>
      )}
    </section>
  );
}

function RecentList({
  id,
  heading,
  items,
  caseName,
  more,
  empty,
  link,
}: {
  id: string;
  heading: string;
  items: EvidenceItem[];
  caseName: Map<string, string>;
  more: { to: string; label: string };
  empty: string;
  link?: (i: EvidenceItem) => string;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <>
          <ul class="recent">
            {items.slice(0, RECENT).map((i) => (
              <li key={i.id}>
                {link ? <a href={link(i)}>{i.title}</a> : i.title} · <time dateTime={i.capturedAt}>{when(i.capturedAt)}</time> ·{' '}
                {i.caseId ? (caseName.get(i.caseId) ?? 'in a case') : 'not in a case yet'}
              </li>
            ))}
          </ul>
          <p>
            <a href={more.to}>{more.label}</a>
          </p>
        </>
      )}
    </section>
  );
}
