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

export async function countUsers(store: Store): Promise<number> {
  const [row] = await d1<{ n: number }>('SELECT COUNT(*) AS n FROM users', store);
  return row?.n ?? 0;
}
