import { now } from './ids.ts';

/** Adds a bound value and returns its placeholder. */
export type Bind = (value: unknown) => string;

export interface GuardedChange {
  column: string;
  /** The value read before the change: the row changes only if the column still holds it. */
  was: unknown;
  /** The new value, or a SET expression when it is more than an assignment. */
  to: { value: unknown } | { sql: (bind: Bind) => string };
}

/**
 * `UPDATE table SET <changed columns>, updated_at WHERE id AND <each changed column IS its
 * value as read> RETURNING …`. Only the columns named change, so two people changing
 * different fields at once both keep their change; a change to a field someone else changed
 * since it was read changes nothing. Follow it with requireChange, so the batch and its
 * custody event roll back and the caller can answer CONFLICT.
 */
export function guardedUpdate(db: D1Database, table: string, id: string, changes: GuardedChange[], returning: string, at = now()): D1PreparedStatement {
  const args: unknown[] = [];
  const bind: Bind = (v) => {
    args.push(v);
    return `?${args.length}`;
  };
  const sets = changes.map((c) => ('value' in c.to ? `${c.column} = ${bind(c.to.value)}` : c.to.sql(bind)));
  const guards = changes.map((c) => `${c.column} IS ${bind(c.was)}`);
  sets.push(`updated_at = ${bind(at)}`);
  return db.prepare(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = ${bind(id)} AND ${guards.join(' AND ') || '1'} RETURNING ${returning}`).bind(...args);
}
