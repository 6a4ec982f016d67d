import { useEffect, useState } from 'preact/hooks';
import type { IssuedToken, UserView } from '@wardguard/shared/api/users';
import { api } from '../lib/api.ts';
import { errorText, inputValue } from '../lib/error-text.ts';
import { when } from '../lib/format.ts';

interface TokenRow {
  id: string;
  kind: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

/**
 * One user's tokens: issue one (its secret is shown here once and never again: only its hash
 * is kept), and revoke any that is lost or no longer needed.
 */
export function UserTokens({ user }: { user: UserView }) {
  const [tokens, setTokens] = useState<TokenRow[] | null>(null);
  const [label, setLabel] = useState('');
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const [message, setMessage] = useState('');
  const base = `/users/${encodeURIComponent(user.id)}/tokens`;
  const load = () =>
    api<{ tokens: TokenRow[] }>(base)
      .then((r) => setTokens(r.tokens))
      .catch((e: unknown) => setMessage(errorText(e, 'Could not load the tokens.')));
  useEffect(() => {
    void load();
  }, [user.id]);

  const issue = async (e: Event) => {
    e.preventDefault();
    try {
      setIssued(await api<IssuedToken>(base, { method: 'POST', json: { label } }));
      setLabel('');
      setMessage('');
      await load();
    } catch (err) {
      setMessage(errorText(err, 'Could not issue a token.'));
    }
  };
  const revoke = async (t: TokenRow) => {
    if (!confirm(`Revoke the token "${t.label || t.id}"? Anything signed in with it stops working at once.`)) return;
    try {
      await api(`/tokens/${encodeURIComponent(t.id)}`, { method: 'DELETE' });
      setMessage(`Token ${t.label || t.id} revoked.`);
      await load();
    } catch (err) {
      setMessage(errorText(err, 'Could not revoke the token.'));
    }
  };
  const prefix = `tok-${user.id}`;

  return (
    <div class="user-tokens">
      {tokens === null ? (
        <p>Loading…</p>
      ) : tokens.length === 0 ? (
        <p>No tokens.</p>
      ) : (
        <ul>
          {tokens.map((t) => (
            <li key={t.id} data-token-id={t.id}>
              {t.label || 'Unlabelled'} ({t.kind}) · issued {when(t.createdAt)}
              {t.revokedAt ? (
                <> · revoked {when(t.revokedAt)}</>
              ) : (
                <>
                  {' '}
                  <button type="button" onClick={() => void revoke(t)} aria-label={`Revoke token ${t.label || t.id} of ${user.name}`}>
                    Revoke
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {issued && (
        <div class="notice issued-token" role="alert">
          <p>
            <strong>Copy this token now: it will not be shown again.</strong> Give it to {user.name} by a safe route.
          </p>
          <label for={`${prefix}-secret`}>New token for {user.name}</label>
          <input id={`${prefix}-secret`} class="secret" readOnly value={issued.token} onFocus={(e) => (e.target as HTMLInputElement).select()} />
          <button type="button" onClick={() => setIssued(null)}>
            I have copied it
          </button>
        </div>
      )}
      <form class="link-form" onSubmit={issue}>
        <label>
          Token label for {user.name}
          <input maxLength={100} value={label} placeholder="e.g. laptop" onInput={(e) => setLabel(inputValue(e))} />
        </label>
        <button type="submit">Issue token</button>
      </form>
      <p role="status">{message}</p>
    </div>
  );
}
