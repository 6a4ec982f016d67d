import type { StatusView } from '../../service/messages.ts';
import { browser } from 'wxt/browser';
import { needsRepairing, whyWaiting } from '../../ui/format.ts';
import { ask } from '../../ui/send.ts';

/** Captures still in the browser and why, then the last receipts. */
export function QueueList({ status, onChange }: { status: StatusView; onChange: () => void }) {
  return (
    <>
      {status.queue.length > 0 && (
        <section data-testid="pending">
          <strong>Waiting in this browser ({status.queue.length})</strong>
          <ul class="queue">
            {status.queue.map((q) => (
              <li>
                {q.title}
                <br />
                <small>{whyWaiting(q)}</small>
                {q.state !== 'pending' && (
                  <div class="row">
                    {needsRepairing(q) && (
                      <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
                        Pair again
                      </button>
                    )}
                    <button
                      type="button"
                      onClick={async () => {
                        await ask({ type: 'confirm', id: q.id });
                        onChange();
                      }}
                    >
                      {q.state === 'needs_attention' ? 'Try again' : 'File anyway'}
                    </button>
                    <button
                      type="button"
                      onClick={async () => {
                        if (!confirm('Delete this capture from the browser? It has not been filed.')) return;
                        await ask({ type: 'discard', id: q.id });
                        onChange();
                      }}
                    >
                      Delete
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          <button
            type="button"
            onClick={async () => {
              await ask({ type: 'retry' });
              onChange();
            }}
          >
            Send now
          </button>
        </section>
      )}
      {status.receipts.length > 0 && (
        <section data-testid="receipts">
          <strong>Recently filed</strong>
          <ul class="queue">
            {status.receipts.map((r) => (
              <li>
                {r.exhibitRef} · {r.title}
                <br />
                <small>server time {r.serverTime}</small>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
