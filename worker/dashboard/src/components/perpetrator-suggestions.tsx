import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../lib/api.ts';
import { href } from '../lib/route.ts';

interface Suggestion {
  perpetratorId: string;
  displayName: string;
  courseOfConduct: boolean;
  reasons: string[];
}

/**
 * Known people this message or capture may come from (same address, account id, handle or
 * name). Only a suggestion: linking is the officer's click, so one person's second account
 * does not hide a course of conduct, and a coincidence links nothing.
 */
export function PerpetratorSuggestions({ itemId, linkedTo }: { itemId: string; linkedTo: string | null }) {
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [linked, setLinked] = useState<string | null>(linkedTo);
  const [status, setStatus] = useState('');

  useEffect(() => {
    api<{ suggestions: Suggestion[] }>(`/evidence/${encodeURIComponent(itemId)}/perpetrator-suggestions`)
      .then((r) => setSuggestions(r.suggestions))
      .catch(() => setSuggestions([]));
  }, [itemId]);

  const link = async (s: Suggestion) => {
    try {
      await api(`/evidence/${encodeURIComponent(itemId)}`, { method: 'PATCH', json: { perpetratorId: s.perpetratorId } });
      setLinked(s.perpetratorId);
      setStatus(`Linked to ${s.displayName}.`);
    } catch (err) {
      setStatus(err instanceof ApiError ? err.message : 'Could not link it.');
    }
  };

  const open = suggestions.filter((s) => s.perpetratorId !== linked);
  if (open.length === 0 && !status) return null;
  return (
    <section class="notice" aria-labelledby="suggest-h">
      <h2 id="suggest-h">Possibly from someone already recorded</h2>
      <ul>
        {open.map((s) => (
          <li key={s.perpetratorId}>
            <a href={href('perpetrators', s.perpetratorId)}>{s.displayName}</a>
            {s.courseOfConduct && <strong> (course of conduct)</strong>}: {s.reasons.join('; ')}.{' '}
            <button type="button" onClick={() => void link(s)}>
              Link to {s.displayName}
            </button>
          </li>
        ))}
      </ul>
      <p role="status">{status}</p>
    </section>
  );
}
