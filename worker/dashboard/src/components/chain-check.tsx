import { useState } from 'preact/hooks';
import type { CustodyVerifyResult } from '@wardguard/shared/api/custody';
import { api } from '../lib/api.ts';
import { errorText } from '../lib/error-text.ts';
import { when } from '../lib/format.ts';

const REASON: Record<'prev_hash' | 'hash' | 'checkpoint', string> = {
  prev_hash: 'this event does not point at the one before it',
  hash: 'this event was changed after it was written',
  checkpoint: 'the chain no longer reaches the last signed checkpoint (events removed from the end, or rewritten), or the checkpoint signature does not hold',
};

/** Officers re-check the council's whole custody chain, link by link and against its last signed checkpoint. */
export function ChainCheck() {
  const [result, setResult] = useState<CustodyVerifyResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const check = async () => {
    setBusy(true);
    setError('');
    try {
      setResult(await api<CustodyVerifyResult>('/custody/verify'));
    } catch (e) {
      setResult(null);
      setError(errorText(e, 'Could not check the chain.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="chain-h">
      <h2 id="chain-h">Verify the chain</h2>
      <p>Every action on evidence is an event whose hash covers the one before it. Checking recomputes every link.</p>
      <button type="button" onClick={check} disabled={busy}>
        {busy ? 'Checking…' : 'Verify the chain'}
      </button>
      <div role="status" aria-live="polite">
        {error && <p class="error">{error}</p>}
        {result && (
          <div class={`verify-result ${result.ok ? 'verify-ok' : 'verify-failed'}`}>
            <h3>{result.ok ? 'The chain holds' : 'The chain is broken'}</h3>
            <p>
              {result.events.toLocaleString('en-GB')} events checked. Head hash <code class="fingerprint">{result.headHash}</code>
            </p>
            {result.firstBroken && (
              <p>
                First break at event {result.firstBroken.seq}: {REASON[result.firstBroken.reason]}.
              </p>
            )}
            {result.checkpoint ? (
              <p>
                Checked against the signed checkpoint of {when(result.checkpoint.at)} (event {result.checkpoint.seq},{' '}
                {result.checkpoint.events.toLocaleString('en-GB')} events).
              </p>
            ) : result.checkpoint === null ? (
              <p>No signed checkpoint has been written yet, so only the links were checked.</p>
            ) : null}
          </div>
        )}
      </div>
    </section>
  );
}
