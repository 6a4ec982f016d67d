import { EMOJI_WORDS } from './emoji.ts';
// Look-alike letters that abusers swap in to dodge filters ("аss" with a Cyrillic а).
// NFKD already folds full-width, mathematical and circled letters; this table covers the
// scripts NFKD leaves alone. Keys are lower case: the caller lower-cases first.
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  // Cyrillic
  ['а', 'a'], ['в', 'b'], ['е', 'e'], ['ё', 'e'], ['к', 'k'], ['м', 'm'], ['н', 'h'], ['о', 'o'],
  ['р', 'p'], ['с', 'c'], ['т', 't'], ['у', 'y'], ['х', 'x'], ['ѕ', 's'], ['і', 'i'], ['ї', 'i'],
  ['ј', 'j'], ['ԁ', 'd'], ['һ', 'h'], ['ɡ', 'g'], ['ѵ', 'v'], ['ԝ', 'w'], ['п', 'n'], ['г', 'r'],
  // Greek
  ['α', 'a'], ['β', 'b'], ['ε', 'e'], ['η', 'n'], ['ι', 'i'], ['κ', 'k'], ['ν', 'v'], ['ο', 'o'],
  ['ρ', 'p'], ['τ', 't'], ['υ', 'u'], ['χ', 'x'], ['ω', 'w'], ['γ', 'y'], ['μ', 'u'],
  // Latin oddities and punctuation that should read as its ASCII twin
  ['ł', 'l'], ['ø', 'o'], ['đ', 'd'], ['ħ', 'h'], ['ı', 'i'], ['ß', 'ss'], ['æ', 'ae'], ['œ', 'oe'],
  ['ℓ', 'l'], ['ɑ', 'a'], ['ɩ', 'i'], ['ʋ', 'u'],
  ['\u2019', "'"], ['\u2018', "'"], ['\u02bc', "'"], ['\u2032', "'"], ['`', "'"],
  ['\u201c', '"'], ['\u201d', '"'], ['\u2013', '-'], ['\u2014', '-'], ['\u2212', '-'],
  ['\u00a0', ' '], ['\u2009', ' '], ['\u202f', ' '],
];

export const CONFUSABLES: ReadonlyMap<string, string> = new Map([...PAIRS, ...EMOJI_WORDS]);

/** Characters that render as nothing and are used to split a word invisibly (see text/invisible.ts). */
export { INVISIBLE as ZERO_WIDTH } from '../text/invisible.ts';
