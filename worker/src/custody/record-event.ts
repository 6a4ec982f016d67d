import type { CustodyAction, CustodyDetails } from '@wardguard/shared';
import type { Bindings, Principal } from '../env.ts';
import { getRecord } from '../db/mail-records.ts';
import type { CustodyInput } from '../db/custody.ts';
import { appendGuarded } from '../db/write-guard.ts';
import { now } from '../db/ids.ts';

/**
 * The caller's custody event about a filed message (under its evidence item, when the record is
 * still there) and the one guarded write it records, in one transaction stamped `at`. Rejects
 * with a lost race (`isLostRace`) when the write changes no row; returns `at` otherwise.
 */
export async function appendRecordEvent<A extends CustodyAction>(
  env: Bindings,
  p: Principal,
  recordId: string,
  action: A,
  details: CustodyDetails[A],
  write: (at: string) => D1PreparedStatement,
): Promise<string> {
  const record = await getRecord(env.DB, p.councilId, recordId);
  const at = now();
  // TypeScript cannot pair a generic action with its details in a union member; the signature does.
  const event = { councilId: p.councilId, actorId: p.userId, action, itemId: record?.itemId ?? null, at, details } as CustodyInput;
  await appendGuarded(env.DB, event, write(at));
  return at;
}
