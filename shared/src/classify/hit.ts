import type { Normalised } from './normalise.ts';
import { toOriginalSpan } from './normalise.ts';
import type { Category } from './verdict.ts';

/** A rule firing on a span of the normalised text, before it is mapped back to the original. */
export interface Hit {
  category: Category;
  rule: string;
  nStart: number;
  nEnd: number;
  /** 0..1, how sure the rule is. */
  score: number;
}

/** Run a global regex over the normalised text and turn each match into a hit. */
export function matchAll(n: Normalised, re: RegExp, category: Category, rule: string, score = 0.95): Hit[] {
  const hits: Hit[] = [];
  for (const m of execAll(re, n.text)) {
    hits.push({ category, rule, nStart: m.index, nEnd: m.index + m[0].length, score });
  }
  return hits;
}

export function originalPhrase(n: Normalised, h: Pick<Hit, 'nStart' | 'nEnd'>): { phrase: string; start: number; end: number } {
  const { start, end } = toOriginalSpan(n, h.nStart, h.nEnd);
  return { phrase: n.original.slice(start, end), start, end };
}

/**
 * Every match of a global regex, via exec + lastIndex. String.prototype.matchAll clones the
 * regex on each call, which for our large alternations cost ~16 µs a call and dominated runtime.
 */
export function execAll(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}
