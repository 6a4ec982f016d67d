import type { CustodyFullLine, CustodyLinkLine } from '@wardguard/shared';
import { exportCustodyPage, firstExportSeq, type CustodyScope, type ExportCustodyRow } from '../db/custody-export.ts';
import { custodyEventView } from '../db/custody.ts';
import { createStreamHash } from '../storage/hash-stream.ts';

export interface CustodyFile {
  size: number;
  sha256: string;
  /** The same bytes again, read page by page: a council's chain may be far larger than memory. */
  stream(): AsyncIterable<Uint8Array>;
}

const PAGE = 500;
const encoder = new TextEncoder();

/** An event in the pack, its keys in the order the file has always had them (its bytes are hashed and signed). */
function fullLine(councilId: string, r: ExportCustodyRow): CustodyFullLine {
  const { seq, ...event } = custodyEventView(r);
  return { seq, councilId, ...event };
}

async function* lines(db: D1Database, s: CustodyScope, from: number): AsyncGenerator<Uint8Array> {
  let after = from - 1;
  for (;;) {
    const results = await exportCustodyPage(db, s, after, PAGE);
    let chunk = '';
    for (const r of results) {
      const line: CustodyFullLine | CustodyLinkLine = r.full ? fullLine(s.councilId, r) : { seq: r.seq, redacted: true, prevHash: r.prev_hash, hash: r.hash };
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
