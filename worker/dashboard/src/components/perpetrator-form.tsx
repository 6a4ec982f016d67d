import { useState } from 'preact/hooks';
import { errorText, inputValue } from '../lib/error-text.ts';
import type { Perpetrator } from '../lib/types.ts';
import { draftOf, HandleRows, handlesOf, type HandleDraft } from './handle-rows.tsx';

export interface PerpetratorFields {
  displayName: string;
  aliases: string[];
  handles: ReturnType<typeof handlesOf>;
  emails: string[];
  notes: string;
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/** Who someone is across names, accounts and addresses: used to create a record and to correct one. */
export function PerpetratorForm({
  idPrefix,
  initial,
  submitLabel,
  onSubmit,
}: {
  idPrefix: string;
  initial?: Perpetrator;
  submitLabel: string;
  onSubmit: (fields: PerpetratorFields) => Promise<string>;
}) {
  const [displayName, setDisplayName] = useState(initial?.displayName ?? '');
  const [aliases, setAliases] = useState((initial?.aliases ?? []).join('\n'));
  const [emails, setEmails] = useState((initial?.emails ?? []).join('\n'));
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [handles, setHandles] = useState<HandleDraft[]>((initial?.handles ?? []).map(draftOf));
  const [message, setMessage] = useState('');

  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      setMessage(await onSubmit({ displayName: displayName.trim(), aliases: lines(aliases), handles: handlesOf(handles), emails: lines(emails), notes }));
      if (!initial) {
        setDisplayName('');
        setAliases('');
        setEmails('');
        setNotes('');
        setHandles([]);
      }
    } catch (err) {
      setMessage(errorText(err, 'Could not save this person.'));
    }
  };

  return (
    <form class="inline-form perp-form" onSubmit={submit}>
      <label>
        Name to show
        <input required maxLength={200} value={displayName} onInput={(e) => setDisplayName(inputValue(e))} />
      </label>
      <label for={`${idPrefix}-aliases`}>Other names (one a line)</label>
      <textarea id={`${idPrefix}-aliases`} rows={2} value={aliases} onInput={(e) => setAliases(inputValue(e))} />
      <HandleRows idPrefix={`${idPrefix}-h`} rows={handles} onChange={setHandles} />
      <label for={`${idPrefix}-emails`}>Email addresses (one a line)</label>
      <textarea id={`${idPrefix}-emails`} rows={2} value={emails} onInput={(e) => setEmails(inputValue(e))} />
      <label for={`${idPrefix}-notes`}>Notes</label>
      <textarea id={`${idPrefix}-notes`} rows={3} maxLength={5000} value={notes} onInput={(e) => setNotes(inputValue(e))} />
      <button type="submit">{submitLabel}</button>
      <p role="status">{message}</p>
    </form>
  );
}
