import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../lib/api.ts';
import { href } from '../lib/route.ts';
import type { CaseRepliesView } from '@wardguard/shared';
import type { Case, EvidenceItem, Perpetrator } from '../lib/types.ts';
import { Timeline } from '../components/timeline.tsx';
import { CaseReplyPanel } from '../components/reply-panel.tsx';
import { ExportPanel } from '../components/export-panel.tsx';
import { CaseEdit, STATUS_LABEL } from '../components/case-edit.tsx';
import { ReferralPanel } from '../components/referral-panel.tsx';
import { ErrorNote } from '../components/error-note.tsx';

export function CaseView({ id, staff }: { id: string; staff: boolean }) {
  const [kase, setCase] = useState<Case | null>(null);
  const [items, setItems] = useState<EvidenceItem[]>([]);
  const [perps, setPerps] = useState(new Map<string, Perpetrator>());
  const [error, setError] = useState('');
  // Staff only: the case's emails and the council's replies to them.
  const [replies, setReplies] = useState<CaseRepliesView>({ records: [], replies: [] });
  const loadReplies = () => {
    if (staff)
      void api<CaseRepliesView>(`/replies?caseId=${encodeURIComponent(id)}`)
        .then(setReplies)
        .catch(() => undefined);
  };

  useEffect(() => {
    Promise.all([
      api<Case>(`/cases/${encodeURIComponent(id)}`),
      api<{ items: EvidenceItem[] }>(`/evidence?caseId=${encodeURIComponent(id)}&limit=500`),
      api<{ perpetrators: Perpetrator[] }>('/perpetrators'),
    ])
      .then(([c, i, p]) => {
        setCase(c);
        setItems(i.items);
        setPerps(new Map(p.perpetrators.map((x) => [x.id, x])));
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not load the case.'));
    loadReplies();
  }, [id]);

  if (error) return <ErrorNote message={error} />;
  if (!kase) return <p>Loading…</p>;
  // The people in this case whose incidents, across every case, amount to a course of
  // conduct: the Worker counts them once, the same for every screen.
  const inCase = new Map<string, number>();
  for (const i of items) if (i.perpetratorId && i.kind !== 'diary') inCase.set(i.perpetratorId, (inCase.get(i.perpetratorId) ?? 0) + 1);
  const conduct = [...inCase].flatMap(([pid, here]) => {
    const p = perps.get(pid);
    return p?.courseOfConduct ? [{ p, here }] : [];
  });
  return (
    <article>
      <p>
        <a href="#/cases">← All cases</a>
      </p>
      <h1>{kase.title}</h1>
      <p>
        Status: <strong>{STATUS_LABEL[kase.status]}</strong>
        {kase.policeReference && <> · Police reference {kase.policeReference}</>}
      </p>
      <CaseEdit kase={kase} onSaved={setCase} />
      {staff && conduct.length > 0 && (
        <section class="notice" aria-labelledby="conduct-h">
          <h2 id="conduct-h">Course of conduct</h2>
          <ul>
            {conduct.map(({ p, here }) => (
              <li key={p.id}>
                <a href={href('perpetrators', p.id)}>{p.displayName}</a>: {p.incidentCount} incidents recorded in all, {here} in this case
              </li>
            ))}
          </ul>
        </section>
      )}
      {staff && replies.records.length > 0 && <CaseReplyPanel key={id} records={replies.records} onApproved={loadReplies} />}
      <h2>Timeline</h2>
      <Timeline items={items} perpetrators={perps} replies={replies.replies} records={replies.records} onReplyChanged={loadReplies} />
      {staff && items.length > 0 && <ExportPanel scope={{ kind: 'case', id }} />}
      {staff && (
        <ReferralPanel
          caseId={id}
          onReferred={() =>
            void api<Case>(`/cases/${encodeURIComponent(id)}`)
              .then(setCase)
              .catch(() => undefined)
          }
        />
      )}
    </article>
  );
}
