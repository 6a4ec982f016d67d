import { splitPattern } from './split-pattern.ts';
import type { SplitPattern } from './split-pattern.ts';
import type { Normalised } from './normalise.ts';
import type { Category } from './verdict.ts';

/** One threat family as the scanner in threat.ts runs it. */
export interface Pattern {
  rule: string;
  category: Category;
  /** The pattern as one regex, or (when it holds a noun phrase) split around it. */
  re: RegExp | null;
  split: SplitPattern | null;
  /**
   * Groups of words the pattern cannot match without (one from each group); empty means always
   * try. The regex only runs on a window around a word of the last group, and when there are
   * two or more groups, a word of the first must come shortly before it.
   */
  need: ReadonlyArray<readonly string[]>;
  /** The text just before the pattern must end in its grammatical subject; the hit then starts there. */
  subject?: boolean;
  /** The pattern itself contains a negation ("should not be illegal"), so the negation check is skipped. */
  negationInside?: boolean;
  /** Also report these categories (doxxing is a threat too). */
  also?: Category[];
  /**
   * A last check on the whole normalised text around a match, for families whose meaning depends
   * on more than the phrase (a veiled threat next to friendly words is a greeting).
   */
  accept?: (n: Normalised, nStart: number, nEnd: number) => boolean;
}

export interface PatternOptions {
  also?: Category[];
  negationInside?: boolean;
  subject?: boolean;
  accept?: Pattern['accept'];
}

/** Compile a pattern source (see threat-lexicon.ts for the TARGET / SUBJECT placeholders). */
export function makePattern(rule: string, category: Category, src: string, need: ReadonlyArray<readonly string[]>, options: PatternOptions = {}): Pattern {
  const split = splitPattern(src);
  return {
    rule,
    category,
    re: split ? null : new RegExp(src, 'g'),
    split,
    need,
    ...(options.also ? { also: options.also } : {}),
    ...(options.negationInside ? { negationInside: true } : {}),
    ...(options.subject ? { subject: true } : {}),
    ...(options.accept ? { accept: options.accept } : {}),
  };
}

/** A word list written as one string. */
export const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);

/** For `accept`: nothing follows the hit in its sentence (the next word, if any, starts a new one). */
export function endsItsSentence(n: Normalised, _nStart: number, nEnd: number): boolean {
  const next = n.tokens.find((t) => t.nStart >= nEnd);
  return !next || next.sentenceStart;
}
