import { useEffect, useState } from 'preact/hooks';
import { createApiClient, type CaseSummary } from '../../api/client.ts';
import { pairWithServer, unpair } from '../../settings/pair.ts';
import { defaultCaseItem, pairingItem, type Pairing } from '../../settings/settings.ts';
import { readManagedSettings } from '../../settings/managed.ts';

export function Options() {
  const [pairing, setPairing] = useState<Pairing | null>(null);
  const [server, setServer] = useState('');
  const [token, setToken] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [defaultCase, setDefaultCase] = useState('');
  // Set by the council's IT through browser policy: shown, not editable.
  const [managedServer, setManagedServer] = useState<string | null>(null);

  async function load(p: Pairing | null) {
    setPairing(p);
    if (!p) return;
    setServer(p.serverUrl);
    setDefaultCase((await defaultCaseItem.getValue()) ?? '');
    setCases(
      await createApiClient(p)
        .cases()
        .catch(() => []),
    );
  }
  useEffect(() => {
    void readManagedSettings().then((m) => {
      setManagedServer(m.serverUrl);
      if (m.serverUrl) setServer(m.serverUrl);
    });
    void pairingItem.getValue().then(load);
  }, []);

  async function onPair(e: Event) {
    e.preventDefault();
    setMessage(null);
    const result = await pairWithServer(server, token);
    if (!result.ok) return setMessage({ kind: 'error', text: result.message });
    setToken('');
    setMessage({ kind: 'ok', text: `Paired as ${result.pairing.userName}.` });
    await load(result.pairing);
  }

  return (
    <main>
      <h1>Wardguard</h1>
      <form onSubmit={onPair} style="display:grid;gap:8px">
        <label>
          Server address
          <input
            name="server"
            value={server}
            readOnly={managedServer !== null}
            aria-describedby={managedServer ? 'server-managed' : undefined}
            onInput={(e) => setServer((e.target as HTMLInputElement).value)}
            placeholder="https://wardguard.example.gov.uk"
          />
        </label>
        {managedServer && <small id="server-managed">Set by your council's IT.</small>}
        <label>
          Token
          <input name="token" type="password" value={token} onInput={(e) => setToken((e.target as HTMLInputElement).value)} autocomplete="off" />
        </label>
        <button type="submit">{pairing ? 'Pair again' : 'Pair'}</button>
      </form>
      <p>
        <small>
          The token is kept in this browser's extension storage (chrome.storage.local). Web pages cannot read it; it is only sent to the server above.
        </small>
      </p>
      {message && (
        <p class={message.kind} data-testid="pair-message">
          {message.text}
        </p>
      )}
      {pairing && (
        <>
          <p data-testid="paired">
            Paired with {pairing.serverUrl} as {pairing.userName}.
          </p>
          <label>
            Default case for captures
            <select
              name="default-case"
              value={defaultCase}
              onChange={async (e) => {
                const v = (e.target as HTMLSelectElement).value;
                setDefaultCase(v);
                await defaultCaseItem.setValue(v || null);
              }}
            >
              <option value="">No case</option>
              {cases.map((c) => (
                <option value={c.id}>{c.title}</option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={async () => {
              await unpair();
              setPairing(null);
              setMessage(null);
            }}
          >
            Unpair
          </button>
        </>
      )}
    </main>
  );
}
