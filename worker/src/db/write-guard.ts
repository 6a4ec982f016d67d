import { WardguardError } from '@wardguard/shared';
import { appendCustody, type CustodyInput } from './custody.ts';

/**
 * Put straight after a guarded UPDATE in a D1 batch: if that UPDATE changed no row (someone
 * else got there first), this statement fails and the batch (custody events included) rolls
 * back. `changes()` is SQLite's count for the connection's last INSERT/UPDATE/DELETE, and a
 * batch runs its statements in order on one connection inside one transaction.
 */
export function requireChange(db: D1Database): D1PreparedStatement {
  return db.prepare('INSERT INTO write_guard (must_change) SELECT NULL WHERE changes() = 0');
}

/** True when a batch failed because its guarded UPDATE changed nothing. */
export function isLostRace(err: unknown): boolean {
  return /write_guard\.must_change/.test(String(err));
}

/**
 * The `.catch` of a guarded batch whose lost race the user should hear about: it becomes a
 * CONFLICT saying `message` (what happened and what to do next); any other failure passes on.
 *
 * @example
 *   await appendGuarded(env.DB, event, write).catch(conflictOnLostRace('This referral was already withdrawn.'));
 */
export function conflictOnLostRace(message: string): (err: unknown) => never {
  return (err) => {
    if (isLostRace(err)) throw new WardguardError('CONFLICT', message);
    throw err;
  };
}

/**
 * One custody event and the one guarded write it records, in one transaction: when the write
 * changes no row (someone else got there first) nothing is kept, and the call rejects with an
 * error `isLostRace` recognises. `after` are written only with it (the mail filter's action
 * for a decision).
 */
export function appendGuarded(db: D1Database, event: CustodyInput, write: D1PreparedStatement, ...after: D1PreparedStatement[]): Promise<D1Result[]> {
  return appendCustody(db, [event], [write, requireChange(db), ...after]);
}
