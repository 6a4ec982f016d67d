import { describe, expect, it } from 'vitest';
import { buildCustodyLines, COUNCIL_ID, custodyJsonl } from './test-pack.ts';
import { createCustodyChecker } from './verify-custody.ts';

const events = Array.from({ length: 30 }, (_, i) => ({
  at: `2026-11-01T09:${String(i).padStart(2, '0')}:00.000Z`,
  actorId: 'user-1',
  action: i % 3 ? 'viewed' : 'captured',
  itemId: `item-${i % 4}`,
  caseId: 'case-1',
  details: { n: i, text: 'café “quoted” — unicode survives chunking' },
}));

async function check(bytes: Uint8Array, chunkSize: number, expect_: Parameters<typeof createCustodyChecker>[0]) {
  const checker = createCustodyChecker(expect_);
  for (let i = 0; i < bytes.length; i += chunkSize) await checker.push(bytes.subarray(i, i + chunkSize));
  return checker.finish();
}

describe('createCustodyChecker', () => {
  it('gives the same answer however the file is split into chunks, even mid-character', async () => {
    const lines = await buildCustodyLines(events, { redacted: [4, 5, 17] });
    const head = lines[lines.length - 1]!;
    const head_ = { headSeq: head.seq, headHash: head.hash, councilId: COUNCIL_ID };
    for (const size of [1, 7, 4096]) {
      const { problems, summary } = await check(custodyJsonl(lines), size, head_);
      expect(problems).toEqual([]);
      expect(summary).toMatchObject({ lines: 30, full: 27, redacted: 3, headSeq: head.seq });
    }
  });

  it('accepts a last line without a newline', async () => {
    const lines = await buildCustodyLines(events.slice(0, 3));
    const bytes = custodyJsonl(lines);
    const { problems } = await check(bytes.subarray(0, bytes.length - 1), 5, null);
    expect(problems).toEqual([]);
  });

  it('says an event belongs to another council', async () => {
    const lines = await buildCustodyLines(events.slice(0, 2));
    const { problems } = await check(custodyJsonl(lines), 100, { headSeq: lines[1]!.seq, headHash: lines[1]!.hash, councilId: 'council-other' });
    expect(problems.map((p) => p.code)).toEqual(['CUSTODY_COUNCIL_MISMATCH', 'CUSTODY_COUNCIL_MISMATCH']);
  });

  it('lists at most twenty problems and counts the rest', async () => {
    const lines = await buildCustodyLines(events);
    const broken = lines.map((l) => ({ ...l, hash: 'e'.repeat(64) }));
    const { problems, summary } = await check(custodyJsonl(broken), 4096, null);
    expect(problems).toHaveLength(21);
    expect(problems[20]).toMatchObject({ code: 'CUSTODY_TOO_MANY_PROBLEMS' });
    expect(summary.firstBrokenSeq).toBe(lines[0]!.seq);
  });

  it('calls an empty log empty', async () => {
    const { problems } = await check(new Uint8Array(0), 1, null);
    expect(problems.map((p) => p.code)).toEqual(['CUSTODY_EMPTY']);
  });
});
