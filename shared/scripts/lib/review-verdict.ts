import { classifierVersion } from '../../src/classify/index.ts';
import type { Verdict } from '../../src/classify/index.ts';
import { emptyScores } from '../../src/classify/verdict.ts';

/** The verdict for input we could not read: a human must look at it. */
export function reviewVerdict(error: string): Verdict {
  return { severity: 'review', categories: [], scores: emptyScores(), evidence: [], version: classifierVersion(), error };
}
