import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../lib/api.ts';
import { href } from '../lib/route.ts';
import type { CaseRepliesView } from '@wardguard/shared';
import type { Case, EvidenceItem, Perpetrator } from '../lib/types.ts';
import { Timeline } from '../components/timeline.tsx';
import { CaseReplyPanel } from '../components/reply-panel.tsx';
import { courseOfConduct } from '../lib/course-of-conduct.ts';
import { ExportPanel } from '../components/export-panel.tsx';

export function CaseView({ id, staff }: { id: string; staff: boolean }) {
  const [kase, setCase] = useState<Case | null>(null);
  const [items, setItems] = useState<EvidenceItem[]>([]);
  const [perps, setPerps] = useState(new Map<string, Perpetrator>());
  const [error, setError] = useState('');
  // Staff only: the case's emails and the council's replies to them.
  const [replies, setReplies] = useState<CaseRepliesView>({ records: [], replies: [] });
  const loadReplies = () => {
    if (staff) void api<CaseRepliesView>(`/replies?caseId=${encodeURIComponent(id)}`).then(setReplies).catch(() => undefined);
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

  if (error) return <p class="error" role="alert">{error}</p>;
  if (!kase) return <p>Loading…</p>;
  const conduct = courseOfConduct(items);
  return (
    <article>
      <p>
        <a href="#/cases">← All cases</a>
      </p>
      <h1>{kase.title}</h1>
      <p>
        Status: <strong>{kase.status}</strong>
        {kase.policeReference && <> · Police reference {kase.policeReference}</>}
      </p>
      {staff && conduct.length > 0 && (
        <section class="notice" aria-labelledby="conduct-h">
          <h2 id="conduct-h">Course of conduct</h2>
          <ul>
            {conduct.map(([pid, n]) => (
              <li key={pid}>
                <a href={href('perpetrators', pid)}>{perps.get(pid)?.displayName ?? 'Unknown'}</a>: {n} incidents in this case
              </li>
            ))}
          </ul>
        </section>
      )}
      {staff && replies.records.length > 0 && <CaseReplyPanel key={id} records={replies.records} onApproved={loadReplies} />}
      <h2>Timeline</h2>
      <Timeline items={items} perpetrators={perps} replies={replies.replies} records={replies.records} onReplyChanged={loadReplies} />
      {staff && items.length > 0 && <ExportPanel scope={{ kind: 'case', id }} />}
    </article>
  );
}
