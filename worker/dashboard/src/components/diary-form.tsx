import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { DiaryVersionView } from '@wardguard/shared/api/diary';
import { errorText, inputValue } from '../lib/error-text.ts';
import { fromLocalInput, toLocalInput } from '../lib/local-time.ts';

export interface DiaryText {
  occurredAt: string;
  whatHappened: string;
  impact: string;
}

/** How something reached the councillor off-line; written at the start of the account so it shows in every list. */
const CHANNELS = ['Phone call', 'Letter', 'In person at a surgery', 'In person elsewhere', 'Other'] as const;

/**
 * The words of a diary entry: when, what happened, and its impact. New entries also ask how it
 * happened (a phone call, a letter, at a surgery): the things no capture button can record.
 */
export function DiaryForm({
  idPrefix,
  initial,
  askChannel = false,
  submitLabel,
  onSubmit,
  children,
}: {
  idPrefix: string;
  initial?: DiaryVersionView;
  askChannel?: boolean;
  submitLabel: string;
  onSubmit: (text: DiaryText) => Promise<string>;
  children?: ComponentChildren;
}) {
  const [occurredAt, setOccurredAt] = useState(initial ? toLocalInput(initial.occurredAt) : toLocalInput(new Date().toISOString()));
  const [channel, setChannel] = useState('');
  const [whatHappened, setWhatHappened] = useState(initial?.whatHappened ?? '');
  const [impact, setImpact] = useState(initial?.impact ?? '');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      const text = channel ? `${channel}: ${whatHappened.trim()}` : whatHappened.trim();
      setMessage(await onSubmit({ occurredAt: fromLocalInput(occurredAt), whatHappened: text, impact: impact.trim() }));
      if (!initial) {
        setWhatHappened('');
        setImpact('');
        setChannel('');
      }
    } catch (err) {
      setMessage(errorText(err, 'Could not save the diary entry.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="inline-form diary-form" onSubmit={submit}>
      <label>
        When it happened
        <input type="datetime-local" required value={occurredAt} onInput={(e) => setOccurredAt(inputValue(e))} />
      </label>
      {askChannel && (
        <label>
          How it happened
          <select value={channel} onChange={(e) => setChannel(inputValue(e))}>
            <option value="">Choose… (optional)</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      )}
      {children}
      <label for={`${idPrefix}-what`}>What happened</label>
      <textarea
        id={`${idPrefix}-what`}
        required
        rows={6}
        maxLength={20000}
        value={whatHappened}
        aria-describedby={`${idPrefix}-what-hint`}
        onInput={(e) => setWhatHappened(inputValue(e))}
      />
      <p id={`${idPrefix}-what-hint`} class="hint">
        Who, what was said or done, in their words if you can. Low-level incidents count too: together they can show a pattern.
      </p>
      <label for={`${idPrefix}-impact`}>How it affected you (optional)</label>
      <textarea id={`${idPrefix}-impact`} rows={3} maxLength={20000} value={impact} onInput={(e) => setImpact(inputValue(e))} />
      <button type="submit" disabled={busy}>
        {submitLabel}
      </button>
      <p role="status">{message}</p>
    </form>
  );
}
