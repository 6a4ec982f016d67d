import { useEffect, useState } from 'preact/hooks';
import type { Role, UserView } from '@wardguard/shared/api/users';
import { api } from '../lib/api.ts';
import { errorText, inputValue } from '../lib/error-text.ts';
import { UserTokens } from '../components/user-tokens.tsx';

const ROLE_LABEL: Record<Role, string> = {
  councillor: 'Councillor',
  officer: 'Officer',
  admin: 'Administrator',
  service: 'Service (mail filter)',
  liaison: 'Police liaison',
};

/** Admins: the council's people and services, adding one, and their access tokens. */
export function UsersView() {
  const [users, setUsers] = useState<UserView[] | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('councillor');
  const [message, setMessage] = useState('');
  // Each user's tokens load when someone opens that user, not all at once.
  const [opened, setOpened] = useState(new Set<string>());
  const load = () =>
    api<{ users: UserView[] }>('/users')
      .then((r) => setUsers(r.users))
      .catch((e: unknown) => setMessage(errorText(e, 'Could not load the users.')));
  useEffect(() => {
    void load();
  }, []);

  const create = async (e: Event) => {
    e.preventDefault();
    try {
      const u = await api<UserView>('/users', { method: 'POST', json: { name, role, ...(email.trim() ? { email: email.trim() } : {}) } });
      setName('');
      setEmail('');
      setMessage(`${u.name} added. Issue them a token below.`);
      await load();
    } catch (err) {
      setMessage(errorText(err, 'Could not add the user.'));
    }
  };

  return (
    <section class="users">
      <h1>Users and tokens</h1>
      <form class="inline-form" onSubmit={create} aria-labelledby="new-user-h">
        <h2 id="new-user-h">Add a user</h2>
        <label>
          Name
          <input required maxLength={200} value={name} onInput={(e) => setName(inputValue(e))} />
        </label>
        <label>
          Email (optional)
          <input type="email" maxLength={320} value={email} onInput={(e) => setEmail(inputValue(e))} />
        </label>
        <label>
          Role
          <select value={role} onChange={(e) => setRole(inputValue(e) as Role)}>
            {(Object.keys(ROLE_LABEL) as Role[]).map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Add user</button>
        <p role="status">{message}</p>
      </form>
      <h2>People and services</h2>
      {users === null ? (
        <p>Loading…</p>
      ) : (
        <ul class="user-list">
          {users.map((u) => (
            <li key={u.id} data-user-id={u.id}>
              <details onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && setOpened((o) => new Set(o).add(u.id))}>
                <summary>
                  {u.name} · {ROLE_LABEL[u.role]}
                  {u.email && <> · {u.email}</>}
                  {u.disabledAt && <> · disabled</>}
                </summary>
                {opened.has(u.id) && <UserTokens user={u} />}
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
