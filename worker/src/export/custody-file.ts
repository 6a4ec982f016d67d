import type { CustodyFullLine, CustodyLinkLine } from '@wardguard/shared';
import { exportCustodyPage, firstExportSeq, type CustodyScope } from '../db/custody-export.ts';
import { parseJsonColumn } from '../db/json-column.ts';
import { createStreamHash } from '../storage/hash-stream.ts';

export interface CustodyFile {
  size: number;
  sha256: string;
  /** The same bytes again, read page by page: a council's chain may be far larger than memory. */
  stream(): AsyncIterable<Uint8Array>;
}

const PAGE = 500;
const encoder = new TextEncoder();

async function* lines(db: D1Database, s: CustodyScope, from: number): AsyncGenerator<Uint8Array> {
  let after = from - 1;
  for (;;) {
    const results = await exportCustodyPage(db, s, after, PAGE);
    let chunk = '';
    for (const r of results) {
      const line: CustodyFullLine | CustodyLinkLine = r.full
        ? {
            seq: r.seq,
            councilId: s.councilId,
            at: r.at,
            actorId: r.actor_id,
            action: r.action,
            itemId: r.item_id,
            caseId: r.case_id,
            details: parseJsonColumn(r.details, {}),
            prevHash: r.prev_hash,
            hash: r.hash,
          }
        : { seq: r.seq, redacted: true, prevHash: r.prev_hash, hash: r.hash };
      chunk += JSON.stringify(line) + '\n';
      after = r.seq;
    }
    if (chunk) yield encoder.encode(chunk);
    if (results.length < PAGE) return;
  }
}

/**
 * custody/custody.jsonl for a pack: the council's chain from the first event about an
 * included item up to the export event, other councillors' events reduced to links.
 * Read twice (once to hash for the manifest, once to send) rather than held in memory;
 * the rows cannot change in between because the table refuses UPDATE and DELETE.
 */
export async function custodyFile(db: D1Database, scope: CustodyScope): Promise<CustodyFile> {
  const from = await firstExportSeq(db, scope);
  const hash = createStreamHash();
  for await (const chunk of lines(db, scope, from)) await hash.write(chunk);
  return { ...(await hash.finish()), stream: () => lines(db, scope, from) };
}
