import { initialsFor, type CreateUser, type Role, type UserView } from '@wardguard/shared';
import { newId, now } from './ids.ts';
import { insertUserSql } from './principal-sql.ts';
import { bindCommand } from './sql-command.ts';

interface UserRow {
  id: string;
  council_id: string;
  name: string;
  email: string | null;
  role: Role;
  initials: string;
  created_at: string;
  disabled_at: string | null;
}

const toView = (r: UserRow): UserView => ({
  id: r.id,
  councilId: r.council_id,
  name: r.name,
  email: r.email,
  role: r.role,
  initials: r.initials,
  createdAt: r.created_at,
  disabledAt: r.disabled_at,
});

const COLUMNS = 'id, council_id, name, email, role, initials, created_at, disabled_at';

export async function createUser(db: D1Database, councilId: string, input: CreateUser): Promise<UserView> {
  const base = initialsFor(input.name);
  // Initials must be unique in a council because they prefix exhibit references.
  for (let n = 1; n < 100; n++) {
    const initials = n === 1 ? base : `${base}${n}`;
    const row: UserRow = {
      id: newId(),
      council_id: councilId,
      name: input.name,
      email: input.email ?? null,
      role: input.role,
      initials,
      created_at: now(),
      disabled_at: null,
    };
    try {
      await bindCommand(
        db,
        insertUserSql({
          id: row.id,
          councilId: row.council_id,
          name: row.name,
          email: row.email,
          role: row.role,
          initials: row.initials,
          createdAt: row.created_at,
        }),
      ).run();
      return toView(row);
    } catch (err) {
      if (!String(err).includes('users.council_id, users.initials')) throw err;
    }
  }
  throw new Error('could not allocate unique initials');
}

export async function getUser(db: D1Database, councilId: string, id: string): Promise<UserView | null> {
  return userFromResult(await getUserStatement(db, councilId, id).all());
}

export const getUserStatement = (db: D1Database, councilId: string, id: string): D1PreparedStatement =>
  db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ? AND council_id = ?`).bind(id, councilId);

export function userFromResult(result: D1Result | undefined): UserView | null {
  const row = (result?.results as UserRow[] | undefined)?.[0];
  return row ? toView(row) : null;
}

export async function listUsers(db: D1Database, councilId: string): Promise<UserView[]> {
  const { results } = await db.prepare(`SELECT ${COLUMNS} FROM users WHERE council_id = ? ORDER BY created_at`).bind(councilId).all<UserRow>();
  return results.map(toView);
}
