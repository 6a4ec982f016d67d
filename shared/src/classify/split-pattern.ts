import { isBoundary, subjectEnds, subjectExtras, targetEnds } from './noun-phrase.ts';
import { SUBJECT, SUBJECT_OR_SOMEONE, TARGET } from './threat-lexicon.ts';

// A threat pattern with a noun phrase in it ("I'll kill ${TARGET}") runs as three parts: a
// small regex before the noun phrase, the noun-phrase matcher, and a small sticky regex after
// it. Together they find the same matches as the single regex would (leftmost start first,
// then on from its end), without V8 compiling the word lists into every pattern.

/** One match in the scanned text, like a RegExpExecArray's `index` and `[0]`. */
export interface PatternMatch {
  index: number;
  text: string;
}

export interface SplitPattern {
  /** `(?:before)$` searched in the text up to the noun phrase; null when the pattern starts at it (`\b`). */
  before: RegExp | null;
  /** The same without `$`: if it matches nowhere from the current position, nothing can. */
  probe: RegExp | null;
  phrase: (text: string, at: number) => number[];
  /** Sticky regex for what follows the noun phrase; null when nothing does. */
  after: RegExp | null;
  /** The same, unanchored: if it matches nowhere from the first possible start, nothing can. */
  afterProbe: RegExp | null;
}

const SOMEONE = subjectExtras(['someone', 'somebody']);
const PHRASES: ReadonlyArray<[string, (text: string, at: number) => number[]]> = [
  [TARGET, targetEnds],
  [SUBJECT, (text, at) => subjectEnds(text, at)],
  [SUBJECT_OR_SOMEONE, (text, at) => subjectEnds(text, at, SOMEONE)],
];

/** Split a pattern source at its noun phrase; null when it has none (an ordinary regex). */
export function splitPattern(src: string): SplitPattern | null {
  const found = PHRASES.filter(([mark]) => src.includes(mark));
  if (found.length === 0) return null;
  const [mark, phrase] = found[0]!;
  const parts = src.split(mark);
  if (found.length > 1 || parts.length !== 2) throw new Error(`pattern must hold one noun phrase: ${src.slice(0, 80)}`);
  const [head, tail] = parts as [string, string];
  // The part before must end in a literal space (or be just `\b`), so cutting the text at the
  // noun phrase cannot change what it matches.
  if (head !== '\\b' && !head.endsWith(' ')) throw new Error(`noun phrase must follow a space or \\b: ${src.slice(0, 80)}`);
  return {
    before: head === '\\b' ? null : new RegExp(`(?:${head})$`, 'g'),
    probe: head === '\\b' ? null : new RegExp(head, 'g'),
    phrase,
    after: tail === '' ? null : new RegExp(tail, 'y'),
    // A tail that starts with a lookaround ("not an idiom") matches almost anywhere: no use as a probe.
    afterProbe: tail === '' || /^\(\?<?[=!]/.test(tail) ? null : new RegExp(tail, 'g'),
  };
}

/** Every match in `text`, as a global regex exec loop would find them. */
export function execSplit(p: SplitPattern, text: string): PatternMatch[] {
  const out: PatternMatch[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let first = pos;
    if (p.probe) {
      p.probe.lastIndex = pos;
      const m = p.probe.exec(text);
      if (!m) break;
      first = m.index;
    }
    if (p.afterProbe) {
      p.afterProbe.lastIndex = first;
      if (!p.afterProbe.test(text)) break;
    }
    let bestStart = -1;
    let bestEnd = -1;
    for (let x = first; x < text.length; x++) {
      if (p.before ? text.charCodeAt(x - 1) !== 32 : !isBoundary(text, x)) continue;
      const end = phraseThenAfter(p, text, x);
      if (end === -1) continue;
      const start = p.before ? startBefore(p.before, text, x, pos) : x;
      if (start === -1) continue;
      // Leftmost start wins; on a tie the later phrase (a longer, greedier start) is kept.
      if (bestStart === -1 || start <= bestStart) {
        bestStart = start;
        bestEnd = end;
      }
    }
    if (bestStart === -1) break;
    out.push({ index: bestStart, text: text.slice(bestStart, bestEnd) });
    pos = bestEnd > bestStart ? bestEnd : bestEnd + 1;
  }
  return out;
}

/** End of the whole match when the noun phrase starts at `x` and the rest follows, else -1. */
function phraseThenAfter(p: SplitPattern, text: string, x: number): number {
  for (const end of p.phrase(text, x)) {
    if (!p.after) return end;
    p.after.lastIndex = end;
    if (p.after.test(text)) return p.after.lastIndex;
  }
  return -1;
}

/** Leftmost start ≥ `from` of the part before the noun phrase, ending exactly at `x`. */
function startBefore(before: RegExp, text: string, x: number, from: number): number {
  before.lastIndex = from;
  const m = before.exec(text.slice(0, x));
  return m ? m.index : -1;
}
