import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { createApiClient, type CaseSummary } from '../../api/client.ts';
import type { CaptureOutcome, StatusView } from '../../service/messages.ts';
import { defaultCaseItem, pairingItem } from '../../settings/settings.ts';
import { ask } from '../../ui/send.ts';
import { CaptureResult } from './CaptureResult.tsx';
import { QueueList } from './QueueList.tsx';

export function Popup() {
  const [status, setStatus] = useState<StatusView | null>(null);
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [caseId, setCaseId] = useState<string>('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<CaptureOutcome | null>(null);

  const refresh = () => ask({ type: 'status' }).then(setStatus);

  useEffect(() => {
    void refresh();
    void (async () => {
      const [pairing, def] = await Promise.all([pairingItem.getValue(), defaultCaseItem.getValue()]);
      if (def) setCaseId(def);
      if (pairing)
        setCases(
          await createApiClient(pairing)
            .cases()
            .catch(() => []),
        );
    })();
  }, []);

  async function capture() {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await ask({ type: 'capture', caseId: caseId || null, note: note.trim() || null }));
    } finally {
      setBusy(false);
      void refresh();
    }
  }

  if (status && !status.pairing) {
    return (
      <main>
        <h1>Wardguard</h1>
        <p class="warn">Not paired with your council's Wardguard server yet. Captures are kept in the browser until you pair.</p>
        <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
          Pair now
        </button>
        <button type="button" class="capture" disabled={busy} onClick={capture}>
          {busy ? 'Capturing…' : 'Capture this page'}
        </button>
        {outcome && <CaptureResult outcome={outcome} initialNote={note} onChange={refresh} onOutcome={setOutcome} />}
        {status && <QueueList status={status} onChange={refresh} />}
      </main>
    );
  }

  return (
    <main>
      <h1>Wardguard{status?.pairing ? <small> · {status.pairing.userName}</small> : null}</h1>
      <button type="button" class="capture" disabled={busy} onClick={capture}>
        {busy ? 'Capturing…' : 'Capture as evidence'}
      </button>
      <label>
        Case
        <select value={caseId} onChange={(e) => setCaseId((e.target as HTMLSelectElement).value)}>
          <option value="">No case yet</option>
          {cases.map((c) => (
            <option value={c.id}>{c.title}</option>
          ))}
        </select>
      </label>
      <label>
        Note (optional)
        <textarea rows={2} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
      </label>
      {outcome && <CaptureResult outcome={outcome} initialNote={note} onChange={refresh} onOutcome={setOutcome} />}
      {status && <QueueList status={status} onChange={refresh} />}
    </main>
  );
}
