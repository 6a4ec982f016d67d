import { useState } from 'preact/hooks';
import type { CaptureOutcome } from '../../service/messages.ts';
import { ask } from '../../ui/send.ts';

function Warnings({ warnings }: { warnings: string[] }) {
  return warnings.length ? (
    <ul>
      {warnings.map((w) => (
        <li>{w}</li>
      ))}
    </ul>
  ) : null;
}

/** What happened to the capture just taken: filed (with receipt), queued, held for confirmation, or failed. */
export function CaptureResult({
  outcome,
  initialNote = '',
  onChange,
  onOutcome,
}: {
  outcome: CaptureOutcome;
  /** The note typed before capturing: shown in the held form to edit, never silently replaced. */
  initialNote?: string;
  onChange: () => void;
  onOutcome: (o: CaptureOutcome | null) => void;
}) {
  const [note, setNote] = useState(initialNote);
  switch (outcome.status) {
    case 'filed':
      return (
        <div class="ok" data-testid="receipt">
          Filed as exhibit <strong>{outcome.receipt.exhibitRef}</strong>
          {outcome.receipt.duplicate ? ' (already on the server)' : ''}.<br />
          <small>Server time {outcome.receipt.serverTime}</small>
          {outcome.warnings.length > 0 && (
            <details>
              <summary>Recorded on the exhibit</summary>
              <Warnings warnings={outcome.warnings} />
            </details>
          )}
        </div>
      );
    case 'queued':
      return (
        <div class="warn" data-testid="queued">
          Saved in this browser; it will be sent automatically. {outcome.lastError ? `(${outcome.lastError.message})` : ''}
          <Warnings warnings={outcome.warnings} />
        </div>
      );
    case 'held':
      return (
        <div class="warn" data-testid="held">
          <strong>Check before filing.</strong>
          <Warnings warnings={outcome.warnings} />
          <label>
            Note to file with it
            <textarea rows={2} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
          </label>
          <div class="row">
            <button
              type="button"
              onClick={async () => {
                onOutcome(await ask({ type: 'confirm', id: outcome.bundleId, note }));
                // The queue list below must not keep showing it as waiting.
                onChange();
              }}
            >
              File anyway
            </button>
            <button
              type="button"
              onClick={async () => {
                await ask({ type: 'discard', id: outcome.bundleId });
                onOutcome(null);
                onChange();
              }}
            >
              Discard
            </button>
          </div>
        </div>
      );
    case 'failed':
      return (
        <div class="error" data-testid="failed">
          Capture failed: {outcome.message}
        </div>
      );
  }
}
