import { useState } from 'preact/hooks';
import { api, ApiError } from '../lib/api.ts';
import type { Me } from '../lib/types.ts';

export function SignIn({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await api('/session', { method: 'POST', json: { token: token.trim() } });
      onSignedIn(await api<Me>('/session'));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not reach the Wardguard server.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="sign-in" id="main">
      <h1>Wardguard</h1>
      <p>Officers' dashboard. Sign in with your personal access token.</p>
      <form onSubmit={submit}>
        <label for="token">Access token</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          required
          value={token}
          onInput={(e) => setToken((e.target as HTMLInputElement).value)}
          aria-describedby={error ? 'sign-in-error' : undefined}
        />
        {error && (
          <p id="sign-in-error" class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        Been given an evidence pack? <a href="#/verify">Verify an evidence pack</a>: no account needed.
      </p>
    </main>
  );
}
