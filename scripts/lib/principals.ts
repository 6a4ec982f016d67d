// Creates councils, users and tokens straight in D1 (local or remote): this is how
// the first admin exists before any API token does.
import { generateToken, hashToken, initialsFor, type Role } from '@wardguard/shared';
import { randomUUID } from 'node:crypto';
import { d1, sqlString as q, type Store } from './wrangler.ts';

const now = () => new Date().toISOString();

export async function listCouncils(store: Store) {
  return d1<{ id: string; name: string }>('SELECT id, name FROM councils ORDER BY created_at', store);
}

export async function createCouncil(name: string, store: Store): Promise<string> {
  const id = randomUUID();
  await d1(`INSERT INTO councils (id, name, created_at) VALUES (${q(id)}, ${q(name)}, ${q(now())})`, store);
  return id;
}

/** The only council, or the one named; a clear error when that is ambiguous. */
export async function resolveCouncil(store: Store, id?: string): Promise<string> {
  const councils = await listCouncils(store);
  if (id) {
    if (!councils.some((c) => c.id === id)) throw new Error(`No council with id ${id}.`);
    return id;
  }
  if (councils.length === 1) return councils[0]!.id;
  if (councils.length === 0) throw new Error('No council yet: run `npm run admin -- create-council --name "…"` first.');
  throw new Error(`Several councils exist; pass --council <id> (${councils.map((c) => `${c.id} ${c.name}`).join(', ')}).`);
}

// Each wrangler call costs seconds, so a user and its first token go in one call.
export async function createUser(store: Store, councilId: string, u: { name: string; role: Role; email?: string }, withToken?: { label: string }) {
  const taken = new Set((await d1<{ initials: string }>(`SELECT initials FROM users WHERE council_id = ${q(councilId)}`, store)).map((r) => r.initials));
  const base = initialsFor(u.name);
  let initials = base;
  for (let n = 2; taken.has(initials); n++) initials = `${base}${n}`;
  const id = randomUUID();
  let sql = `INSERT INTO users (id, council_id, name, email, role, initials, created_at) VALUES (${q(id)}, ${q(councilId)}, ${q(u.name)}, ${q(u.email)}, ${q(u.role)}, ${q(initials)}, ${q(now())});`;
  let token: { id: string; token: string } | null = null;
  if (withToken) {
    token = { id: randomUUID(), token: generateToken() };
    sql += tokenInsert(token.id, id, u.role, await hashToken(token.token), withToken.label);
  }
  await d1(sql, store);
  return { id, initials, token };
}

const tokenInsert = (id: string, userId: string, role: Role, hash: string, label: string) =>
  `INSERT INTO tokens (id, user_id, kind, token_hash, label, created_at) VALUES (${q(id)}, ${q(userId)}, ${q(role === 'service' ? 'service' : 'personal')}, ${q(hash)}, ${q(label)}, ${q(now())});`;

export async function issueToken(store: Store, userId: string, label = ''): Promise<{ id: string; token: string }> {
  const [user] = await d1<{ role: Role }>(`SELECT role FROM users WHERE id = ${q(userId)}`, store);
  if (!user) throw new Error(`No user with id ${userId}.`);
  const token = generateToken();
  const id = randomUUID();
  await d1(tokenInsert(id, userId, user.role, await hashToken(token), label), store);
  return { id, token };
}

export async function revokeToken(store: Store, tokenId: string): Promise<boolean> {
  const rows = await d1<{ id: string }>(`UPDATE tokens SET revoked_at = ${q(now())} WHERE id = ${q(tokenId)} AND revoked_at IS NULL RETURNING id`, store);
  return rows.length > 0;
}

export async function listUsers(store: Store) {
  return d1<{ id: string; council: string; name: string; email: string | null; role: Role; initials: string; live_tokens: number }>(
    `SELECT u.id, c.name AS council, u.name, u.email, u.role, u.initials,
       (SELECT COUNT(*) FROM tokens t WHERE t.user_id = u.id AND t.revoked_at IS NULL) AS live_tokens
     FROM users u JOIN councils c ON c.id = u.council_id ORDER BY c.name, u.role, u.name`,
    store,
  );
}

export type FirstRun =
  | { kind: 'created'; councilId: string; councilCreated: boolean; token: { id: string; token: string } }
  | { kind: 'exists' }
  | { kind: 'ambiguous'; councils: number };

/**
 * `npm start`'s first run: an admin for the council, creating the council only if there is
 * none. Keyed on "is there an admin", not "are there users", and reusing a lone council, so
 * a first run that died between the council and the admin is finished by the next one
 * instead of leaving a second council. The council, admin and token go in one call.
 */
export async function ensureFirstAdmin(store: Store, councilName: string): Promise<FirstRun> {
  const [state] = await d1<{ admins: number; councils: string }>(
    "SELECT (SELECT COUNT(*) FROM users WHERE role = 'admin') AS admins, (SELECT json_group_array(id) FROM councils) AS councils",
    store,
  );
  if ((state?.admins ?? 0) > 0) return { kind: 'exists' };
  const councils = JSON.parse(state?.councils ?? '[]') as string[];
  if (councils.length > 1) return { kind: 'ambiguous', councils: councils.length };
  if (councils.length === 1) {
    const user = await createUser(store, councils[0]!, { name: 'Administrator', role: 'admin' }, { label: 'first run' });
    return { kind: 'created', councilId: councils[0]!, councilCreated: false, token: user.token! };
  }
  const councilId = randomUUID();
  const userId = randomUUID();
  const token = { id: randomUUID(), token: generateToken() };
  const at = now();
  await d1(
    `INSERT INTO councils (id, name, created_at) VALUES (${q(councilId)}, ${q(councilName)}, ${q(at)});
     INSERT INTO users (id, council_id, name, email, role, initials, created_at) VALUES (${q(userId)}, ${q(councilId)}, 'Administrator', NULL, 'admin', ${q(initialsFor('Administrator'))}, ${q(at)});
     ${tokenInsert(token.id, userId, 'admin', await hashToken(token.token), 'first run')}`,
    store,
  );
  return { kind: 'created', councilId, councilCreated: true, token };
}
