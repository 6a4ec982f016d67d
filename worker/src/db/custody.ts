import {
  canonicalJson,
  custodyChainHash,
  custodyEventBody,
  GENESIS_HASH,
  type CustodyAction,
  type CustodyActionDetails,
  type CustodyEventView,
  type CustodyVerifyResult,
} from '@wardguard/shared';
import { now } from './ids.ts';
import { parseJsonColumn } from './json-column.ts';

/** Who, when and on what; the action and its details come from CustodyActionDetails. */
interface CustodyEventBase {
  councilId: string;
  actorId: string;
  itemId?: string | null;
  caseId?: string | null;
  at?: string;
}

/** An event to append: the action decides which details it must carry (shared `CustodyDetails`). */
export type CustodyInput<A extends CustodyAction = CustodyAction> = CustodyEventBase & CustodyActionDetails<A>;

/** The actor of events the Worker records on its own (a cron run), with no person or token behind them. */
export const WORKER_ACTOR = 'wardguard-worker';

/** A custody_events row as D1 returns it. */
export interface CustodyRow {
  seq: number;
  council_id: string;
  at: string;
  actor_id: string;
  action: string;
  item_id: string | null;
  case_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

const MAX_APPEND_ATTEMPTS = 25;

const eventBody = custodyEventBody;
export const chainHash = custodyChainHash;

const isSeqConflict = (err: unknown) => /custody_events\.seq|PRIMARY KEY/i.test(String(err));

/** Where the next event goes: the last seq of all councils (seq is global) and this council's last hash. */
export interface CustodyTail {
  maxSeq: number;
  tailHash: string;
}

export interface AppendOptions {
  /**
   * The tail read ahead (readCustodyTail), while the caller waited for something else, to save
   * a round trip. If another append overtook it, the insert collides on seq and the tail is read again.
   */
  tail?: Promise<CustodyTail>;
}

export async function readCustodyTail(db: D1Database, councilId: string): Promise<CustodyTail> {
  return custodyTailFromResult(await custodyTailStatement(db, councilId).all());
}

/** readCustodyTail's read, to ask in a batch with the caller's own reads. */
export const custodyTailStatement = (db: D1Database, councilId: string): D1PreparedStatement =>
  db
    .prepare(
      `SELECT (SELECT MAX(seq) FROM custody_events) AS max_seq,
              (SELECT hash FROM custody_events WHERE council_id = ? ORDER BY seq DESC LIMIT 1) AS tail_hash`,
    )
    .bind(councilId);

export function custodyTailFromResult(result: D1Result | undefined): CustodyTail {
  const tail = (result?.results as { max_seq: number | null; tail_hash: string | null }[] | undefined)?.[0];
  return { maxSeq: tail?.max_seq ?? 0, tailHash: tail?.tail_hash ?? GENESIS_HASH };
}

/**
 * Appends events to the council's chain in the same D1 transaction as `statements`
 * (so an item and its custody events exist together or not at all).
 *
 * seq is global and chosen here as max+1: if anyone appended in between, the insert
 * collides on the primary key, the whole batch rolls back and we re-read the tail.
 */
export async function appendCustody(
  db: D1Database,
  events: CustodyInput[],
  statements: D1PreparedStatement[] = [],
  options: AppendOptions = {},
): Promise<D1Result[]> {
  return (await appendCustodyAt(db, events, statements, options)).results;
}

/** As appendCustody, also returning where each event landed in the chain (an export names its own event as the head). */
export async function appendCustodyAt(
  db: D1Database,
  events: CustodyInput[],
  statements: D1PreparedStatement[] = [],
  options: AppendOptions = {},
): Promise<{ results: D1Result[]; positions: { seq: number; hash: string }[] }> {
  const councilId = events[0]?.councilId;
  if (!councilId || events.some((e) => e.councilId !== councilId)) throw new Error('appendCustody: one council per call');
  for (let attempt = 1; ; attempt++) {
    const ahead = attempt === 1 ? await options.tail?.catch(() => null) : null;
    const tail = ahead ?? (await readCustodyTail(db, councilId));
    let seq = tail.maxSeq;
    let prev = tail.tailHash;
    const inserts: D1PreparedStatement[] = [];
    const positions: { seq: number; hash: string }[] = [];
    for (const e of events) {
      seq += 1;
      const row = {
        councilId,
        at: e.at ?? now(),
        actorId: e.actorId,
        action: e.action,
        itemId: e.itemId ?? null,
        caseId: e.caseId ?? null,
        details: e.details ?? {},
      };
      const hash = await chainHash(prev, eventBody(row));
      inserts.push(
        db
          .prepare(
            'INSERT INTO custody_events (seq, council_id, at, actor_id, action, item_id, case_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .bind(seq, councilId, row.at, row.actorId, row.action, row.itemId, row.caseId, canonicalJson(row.details), prev, hash),
      );
      positions.push({ seq, hash });
      prev = hash;
    }
    try {
      const results = await db.batch([...statements, ...inserts]);
      return { results: results.slice(0, statements.length), positions };
    } catch (err) {
      if (!isSeqConflict(err) || attempt >= MAX_APPEND_ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
    }
  }
}

/** A custody_events row as the API shows it (its council is the caller's). */
export const custodyEventView = (r: Omit<CustodyRow, 'council_id'>): CustodyEventView => ({
  seq: r.seq,
  at: r.at,
  actorId: r.actor_id,
  action: r.action,
  itemId: r.item_id,
  caseId: r.case_id,
  details: parseJsonColumn(r.details, {}),
  prevHash: r.prev_hash,
  hash: r.hash,
});

export async function listCustody(
  db: D1Database,
  councilId: string,
  filter: { itemId?: string; afterSeq?: number; limit: number },
): Promise<CustodyEventView[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM custody_events WHERE council_id = ? AND (? IS NULL OR item_id = ?) AND seq > ?
       ORDER BY seq LIMIT ?`,
    )
    .bind(councilId, filter.itemId ?? null, filter.itemId ?? null, filter.afterSeq ?? 0, filter.limit)
    .all<CustodyRow>();
  return results.map(custodyEventView);
}

const VERIFY_PAGE = 500;

/** Recomputes the council's whole chain and reports the first link that does not hold. */
export async function verifyCustody(db: D1Database, councilId: string): Promise<CustodyVerifyResult> {
  let prev = GENESIS_HASH;
  let after = 0;
  let count = 0;
  for (;;) {
    const { results } = await db
      .prepare('SELECT * FROM custody_events WHERE council_id = ? AND seq > ? ORDER BY seq LIMIT ?')
      .bind(councilId, after, VERIFY_PAGE)
      .all<CustodyRow>();
    for (const r of results) {
      count += 1;
      if (r.prev_hash !== prev) {
        return { ok: false, events: count, headHash: prev, firstBroken: { seq: r.seq, reason: 'prev_hash', expected: prev, found: r.prev_hash } };
      }
      const body = eventBody({
        councilId: r.council_id,
        at: r.at,
        actorId: r.actor_id,
        action: r.action,
        itemId: r.item_id,
        caseId: r.case_id,
        details: parseJsonColumn(r.details, null),
      });
      const expected = await chainHash(prev, body);
      if (expected !== r.hash) {
        return { ok: false, events: count, headHash: prev, firstBroken: { seq: r.seq, reason: 'hash', expected, found: r.hash } };
      }
      prev = r.hash;
      after = r.seq;
    }
    if (results.length < VERIFY_PAGE) return { ok: true, events: count, headHash: prev, firstBroken: null };
  }
}

/** The council's chain head and its length, or null when it has no events. */
export async function custodyHead(db: D1Database, councilId: string): Promise<{ seq: number; hash: string; events: number } | null> {
  const row = await db
    .prepare(
      `SELECT seq, hash, (SELECT COUNT(*) FROM custody_events WHERE council_id = ?1) AS events
       FROM custody_events WHERE council_id = ?1 ORDER BY seq DESC LIMIT 1`,
    )
    .bind(councilId)
    .first<{ seq: number; hash: string; events: number }>();
  return row ?? null;
}

/** The council's event at `seq` (its hash) and how many of its events reach that far; null when there is no such event. */
export async function custodyAt(db: D1Database, councilId: string, seq: number): Promise<{ hash: string; events: number } | null> {
  const row = await db
    .prepare(
      `SELECT hash, (SELECT COUNT(*) FROM custody_events WHERE council_id = ?1 AND seq <= ?2) AS events
       FROM custody_events WHERE council_id = ?1 AND seq = ?2`,
    )
    .bind(councilId, seq)
    .first<{ hash: string; events: number }>();
  return row ?? null;
}
