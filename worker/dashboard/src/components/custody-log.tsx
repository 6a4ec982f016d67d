import { useEffect, useState } from 'preact/hooks';
import type { CustodyEventView } from '@wardguard/shared/api/custody';
import { api } from '../lib/api.ts';
import { errorText } from '../lib/error-text.ts';
import { when } from '../lib/format.ts';
import { ErrorNote } from './error-note.tsx';

const ACTION_LABEL: Record<string, string> = {
  captured: 'Captured',
  uploaded: 'Uploaded',
  viewed: 'Viewed',
  downloaded: 'File downloaded',
  linked: 'Filed to a case or person',
  exported: 'Put in an evidence pack',
  export_completed: 'Evidence pack built',
  export_failed: 'Evidence pack failed',
  decision: 'Officer decision',
  diary_created: 'Diary entry written',
  diary_edited: 'Diary entry edited',
  case_created: 'Case opened',
  case_updated: 'Case changed',
  perpetrator_created: 'Person recorded',
  perpetrator_updated: 'Person changed',
  case_referred: 'Case referred to the police liaison',
  referral_withdrawn: 'Referral to the police liaison withdrawn',
  case_viewed: 'Case opened by the police liaison',
  case_note_added: 'Note added by the police liaison',
};

/** Every recorded action on one evidence item, oldest first, with each event's place in the hash chain. */
export function CustodyLog({ itemId, actorName }: { itemId: string; actorName: (id: string) => string }) {
  const [events, setEvents] = useState<CustodyEventView[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api<{ events: CustodyEventView[] }>(`/custody?itemId=${encodeURIComponent(itemId)}&limit=1000`)
      .then((r) => setEvents(r.events))
      .catch((e: unknown) => setError(errorText(e, 'Could not load the custody log.')));
  }, [itemId]);

  if (error) return <ErrorNote message={error} />;
  if (!events) return <p>Loading…</p>;
  if (events.length === 0) return <p>Nothing recorded for this item.</p>;
  return (
    <ol class="custody-log">
      {events.map((e) => (
        <li key={e.seq} data-seq={e.seq}>
          <strong>{ACTION_LABEL[e.action] ?? e.action.replace(/_/g, ' ')}</strong> · <time dateTime={e.at}>{when(e.at)}</time> · by {actorName(e.actorId)}
          <div class="hash">
            Event {e.seq}, hash <code>{e.hash}</code>
          </div>
        </li>
      ))}
    </ol>
  );
}
