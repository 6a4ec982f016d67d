import { utf8Decode } from '../encoding/utf8.ts';
import { custodyChainHash, custodyEventBody } from '../evidence/custody-hash.ts';
import { custodyLineSchema, PACK_PATHS, type CustodyLine } from './format.ts';
import type { CustodySummary, PackProblem, PackProblemCode } from './verify-report.ts';

/** What the signed manifest says the chain ends with, and whose chain it is. */
export interface CustodyExpectation {
  headSeq: number;
  headHash: string;
  councilId: string;
}

// A council's chain can be longer than memory, so lines are checked as they stream past;
// one line is still held whole, and a line this long is not something the Worker writes.
const MAX_LINE_BYTES = 8 * 1024 * 1024;
const MAX_LISTED_PROBLEMS = 20;
const NEWLINE = 0x0a;

const short = (hash: string) => `${hash.slice(0, 12)}…`;

export interface CustodyChecker {
  /** The next bytes of custody/custody.jsonl, in order. */
  push(chunk: Uint8Array): Promise<void>;
  finish(): Promise<{ problems: PackProblem[]; summary: CustodySummary }>;
}

/**
 * Checks custody/custody.jsonl line by line: each line parses, seq only increases (it is
 * numbered across councils, so it may skip), each prevHash is the hash of the line before
 * (so nothing was removed, inserted or reordered), each full event still hashes to its
 * recorded hash (so nothing was edited), and the last line is the head the manifest signed.
 * Redacted links cannot be recomputed; their place in the chain is still checked.
 * `onLine` sees each readable line's seq and hash (the checkpoint is compared with them).
 */
export function createCustodyChecker(expect: CustodyExpectation | null, onLine?: (seq: number, hash: string) => void): CustodyChecker {
  const problems: PackProblem[] = [];
  let omitted = 0;
  const summary: CustodySummary = { lines: 0, full: 0, redacted: 0, headSeq: null, headHash: null, firstBrokenSeq: null };
  let lineNo = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let blankLine: number | null = null;
  // null after an unreadable line: the next link cannot be checked against it.
  let prev: { seq: number; hash: string } | null = null;
  let brokenSeen = false;

  const problem = (code: PackProblemCode, message: string, seq?: number) => {
    if (!brokenSeen) {
      brokenSeen = true;
      summary.firstBrokenSeq = seq ?? null;
    }
    if (problems.length >= MAX_LISTED_PROBLEMS) {
      omitted += 1;
      return;
    }
    problems.push({ path: PACK_PATHS.custody, code, message, ...(seq !== undefined ? { seq } : {}) });
  };

  const parse = (bytes: Uint8Array): { line: CustodyLine } | { error: string; seq?: number } => {
    let value: unknown;
    try {
      value = JSON.parse(utf8Decode(bytes));
    } catch {
      return { error: 'is not valid JSON' };
    }
    const parsed = custodyLineSchema.safeParse(value);
    if (parsed.success) return { line: parsed.data };
    const seq = (value as { seq?: unknown } | null)?.seq;
    return { error: 'is not a custody event or a redacted link', ...(typeof seq === 'number' ? { seq } : {}) };
  };

  async function checkLine(bytes: Uint8Array) {
    lineNo += 1;
    if (bytes.byteLength === 0) {
      // A blank line is harmless only as the very last thing in the file.
      blankLine ??= lineNo;
      return;
    }
    if (blankLine !== null) {
      problem('CUSTODY_LINE_INVALID', `Line ${blankLine} of the custody log is blank.`);
      blankLine = null;
    }
    summary.lines += 1;
    const result = parse(bytes);
    if ('error' in result) {
      const at = result.seq !== undefined ? `Line ${lineNo} (seq ${result.seq})` : `Line ${lineNo}`;
      problem('CUSTODY_LINE_INVALID', `${at} of the custody log ${result.error}, so the chain cannot be checked across it.`, result.seq);
      prev = null;
      return;
    }
    const line = result.line;
    onLine?.(line.seq, line.hash);
    if (prev && line.seq <= prev.seq) {
      problem('CUSTODY_SEQ_ORDER', `Custody event seq ${line.seq} comes after seq ${prev.seq}: the log is out of order or has a repeated event.`, line.seq);
    }
    if (prev && line.prevHash !== prev.hash) {
      problem(
        'CUSTODY_LINK_BROKEN',
        `Custody event seq ${line.seq} does not follow on from seq ${prev.seq} (its prevHash ${short(line.prevHash)} is not that event's hash ${short(prev.hash)}): an event between them was removed, inserted or reordered.`,
        line.seq,
      );
    }
    if ('redacted' in line) {
      summary.redacted += 1;
    } else {
      summary.full += 1;
      const recomputed = await custodyChainHash(line.prevHash, custodyEventBody(line));
      if (recomputed !== line.hash) {
        problem(
          'CUSTODY_HASH_MISMATCH',
          `Custody event seq ${line.seq} (${line.action}) was changed after it was recorded: its contents hash to ${short(recomputed)}, not its recorded ${short(line.hash)}.`,
          line.seq,
        );
      }
      if (expect && line.councilId !== expect.councilId) {
        problem('CUSTODY_COUNCIL_MISMATCH', `Custody event seq ${line.seq} belongs to another council (${line.councilId}), not ${expect.councilId}.`, line.seq);
      }
    }
    prev = { seq: line.seq, hash: line.hash };
    summary.headSeq = line.seq;
    summary.headHash = line.hash;
  }

  async function takeLine(end: Uint8Array | null) {
    const parts = end ? [...pending, end] : pending;
    const size = pendingBytes + (end?.byteLength ?? 0);
    pending = [];
    pendingBytes = 0;
    if (size > MAX_LINE_BYTES) {
      lineNo += 1;
      problem('CUSTODY_LINE_INVALID', `Line ${lineNo} of the custody log is longer than ${MAX_LINE_BYTES} bytes; it was not read.`);
      prev = null;
      return;
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.byteLength;
    }
    await checkLine(bytes);
  }

  return {
    async push(chunk) {
      let start = 0;
      for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, start)) {
        await takeLine(chunk.subarray(start, i));
        start = i + 1;
      }
      if (start < chunk.byteLength) {
        const rest = chunk.slice(start);
        // Keep collecting only up to the limit; takeLine reports the overlong line.
        if (pendingBytes <= MAX_LINE_BYTES) pending.push(rest);
        pendingBytes += rest.byteLength;
      }
    },
    async finish() {
      if (pendingBytes > 0) await takeLine(null);
      if (summary.lines === 0) {
        problem('CUSTODY_EMPTY', 'The custody log has no events in it.');
      } else if (expect && (summary.headSeq !== expect.headSeq || summary.headHash !== expect.headHash)) {
        problem(
          'CUSTODY_HEAD_MISMATCH',
          `The custody log ends at seq ${summary.headSeq} (hash ${short(summary.headHash ?? '')}), but the signed manifest says it ends at seq ${expect.headSeq} (hash ${short(expect.headHash)}): events at the end were removed or added.`,
          summary.headSeq ?? undefined,
        );
      }
      if (omitted > 0) {
        problems.push({ path: PACK_PATHS.custody, code: 'CUSTODY_TOO_MANY_PROBLEMS', message: `${omitted} further custody problem(s) are not listed.` });
      }
      return { problems, summary };
    },
  };
}
