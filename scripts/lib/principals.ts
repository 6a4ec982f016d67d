// Creates councils, users and tokens straight in D1 (local or remote): this is how
// the first admin exists before any API token does.
import { generateToken, hashToken, initialsFor, type Role } from '@wardguard/shared';
import { randomUUID } from 'node:crypto';
import { d1, type Store } from './wrangler.ts';
import { inlineSql, type SqlCommand } from '../../worker/src/db/sql-command.ts';
import {
  councilInitialsSql,
  firstRunCensusSql,
  insertCouncilSql,
  insertTokenSql,
  insertUserSql,
  listAllUsersSql,
  listCouncilsSql,
  revokeTokenSql,
  tokenKind,
  userRoleSql,
} from '../../worker/src/db/principal-sql.ts';

const now = () => new Date().toISOString();

/** The Worker's own statements (worker/src/db/principal-sql.ts), several in one wrangler call. */
const run = <T = Record<string, unknown>>(store: Store, ...commands: SqlCommand[]) => d1<T>(commands.map((c) => `${inlineSql(c)};`).join('\n'), store);

export async function listCouncils(store: Store) {
  return run<{ id: string; name: string }>(store, listCouncilsSql());
}

export async function createCouncil(name: string, store: Store): Promise<string> {
  const id = randomUUID();
  await run(store, insertCouncilSql({ id, name, createdAt: now() }));
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
  const taken = new Set((await run<{ initials: string }>(store, councilInitialsSql(councilId))).map((r) => r.initials));
  const base = initialsFor(u.name);
  let initials = base;
  for (let n = 2; taken.has(initials); n++) initials = `${base}${n}`;
  const id = randomUUID();
  const commands = [insertUserSql({ id, councilId, name: u.name, email: u.email ?? null, role: u.role, initials, createdAt: now() })];
  let token: { id: string; token: string } | null = null;
  if (withToken) {
    token = { id: randomUUID(), token: generateToken() };
    commands.push(tokenInsert(token.id, id, u.role, await hashToken(token.token), withToken.label));
  }
  await run(store, ...commands);
  return { id, initials, token };
}

const tokenInsert = (id: string, userId: string, role: Role, tokenHash: string, label: string) =>
  insertTokenSql({ id, userId, kind: tokenKind(role), tokenHash, label, createdAt: now() });

export async function issueToken(store: Store, userId: string, label = ''): Promise<{ id: string; token: string }> {
  const [user] = await run<{ role: Role }>(store, userRoleSql(userId));
  if (!user) throw new Error(`No user with id ${userId}.`);
  const token = generateToken();
  const id = randomUUID();
  await run(store, tokenInsert(id, userId, user.role, await hashToken(token), label));
  return { id, token };
}

export async function revokeToken(store: Store, tokenId: string): Promise<boolean> {
  const rows = await run<{ id: string }>(store, revokeTokenSql(tokenId, now(), null));
  return rows.length > 0;
}

export async function listUsers(store: Store) {
  return run<{ id: string; council: string; name: string; email: string | null; role: Role; initials: string; live_tokens: number }>(store, listAllUsersSql());
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
  const [state] = await run<{ admins: number; councils: string }>(store, firstRunCensusSql());
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
  await run(
    store,
    insertCouncilSql({ id: councilId, name: councilName, createdAt: at }),
    insertUserSql({ id: userId, councilId, name: 'Administrator', email: null, role: 'admin', initials: initialsFor('Administrator'), createdAt: at }),
    tokenInsert(token.id, userId, 'admin', await hashToken(token.token), 'first run'),
  );
  return { kind: 'created', councilId, councilCreated: true, token };
}
