import { CONFUSABLES, ZERO_WIDTH } from './confusables.ts';
import { Builder, collapseSpaces, identityMapped, ownArrays } from './offset-map.ts';
import type { Mapped } from './offset-map.ts';
import { respell } from './respell.ts';
import { shapeWords } from './shape-words.ts';
import { rejoinSpacedLetters, SPACED } from './spaced-letters.ts';
import { NO_ID, wordIdAt, wordOf } from './word-ids.ts';

/** One word of the normalised text, with where it came from in the original. */
export interface Token {
  /** Normalised form: lower-case ASCII, leet undone, repeats collapsed. `*` marks a masked letter. */
  word: string;
  /** The word's id in this process (see word-ids.ts): same word, same id. */
  id: number;
  /** Offsets into the original text (UTF-16), end exclusive. */
  start: number;
  end: number;
  /** Offsets into `Normalised.text`. */
  nStart: number;
  nEnd: number;
  /** First original letter was upper case (a name or a sentence start). */
  capitalised: boolean;
  /** Every original letter was upper case (shouting, not a name). */
  allCaps: boolean;
  /** Nothing but spaces/quotes between this word and the start of a sentence. */
  sentenceStart: boolean;
}

export interface Normalised {
  original: string;
  /** Lower-case ASCII text with obfuscation undone; spaces between words kept. */
  text: string;
  /** For each char of `text`, the original span it came from. */
  starts: Int32Array;
  ends: Int32Array;
  tokens: Token[];
}

/** Options let the caller say which words to prefer when a choice is ambiguous. */
export interface NormaliseOptions {
  /** Words to aim for when collapsing repeats ("kiiiill" → kill, not kiill) or rejoining "k i l l u". */
  vocabulary?: ReadonlySet<string>;
}

/**
 * Undo the tricks used to slip abuse past filters, while remembering where every character
 * came from so evidence can point at what the sender actually typed.
 *
 * @example normalise('y0u  w1ll d i e').text // 'you will die'
 */
export function normalise(original: string, options: NormaliseOptions = {}): Normalised {
  const vocab = options.vocabulary ?? new Set<string>();
  const a = foldCharacters(original);
  const b = shapeWords(a, vocab);
  const c = respell(ownArrays(collapseSpaces(SPACED.test(b.text) ? rejoinSpacedLetters(b, vocab) : b)), original);
  const tokens = tokenise(original, c.text, c.starts, c.ends);
  return { original, text: joinWrappedLines(c.text, tokens), starts: c.starts, ends: c.ends, tokens };
}

/** Map a span of the normalised text back to the original text. */
export function toOriginalSpan(n: Normalised, nStart: number, nEnd: number): { start: number; end: number } {
  if (n.starts.length === 0) return { start: 0, end: 0 };
  const s = Math.min(Math.max(nStart, 0), n.starts.length - 1);
  const e = Math.min(Math.max(nEnd - 1, s), n.ends.length - 1);
  return { start: n.starts[s]!, end: n.ends[e]! };
}

// Stage 1: one code point at a time → lower-case ASCII where a look-alike exists.
function foldCharacters(src: string): Mapped {
  // Fast path: plain ASCII (most email) maps one to one.
  if (/^[\x00-\x7f]*$/.test(src)) return identityMapped(asciiLower(src));
  const sameLength = foldOneToOne(src);
  if (sameLength !== null) return identityMapped(sameLength);
  const b = new Builder(src.length + 16);
  let i = 0;
  for (const m of src.matchAll(/[^\x00-\x7f]/gu)) {
    const at = m.index;
    if (at > i) b.identity(src, i, at);
    const raw = m[0];
    const len = raw.length;
    if (!ZERO_WIDTH.test(raw)) {
      const folded = raw.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
      // One piece per UTF-16 unit, so piece indices line up with string indices later on.
      for (const ch of folded) {
        const mapped = CONFUSABLES.get(ch) ?? ch;
        for (let k = 0; k < mapped.length; k++) b.push({ ch: mapped[k]!, s: at, e: at + len });
      }
    }
    i = at + len;
  }
  if (i < src.length) b.identity(src, i, src.length);
  return b.done();
}

const asciiLower = (s: string) => s.toLowerCase().replace(/[\t\r]/g, ' ');

/**
 * The folded text when every non-ASCII character folds to exactly one character (curly quotes,
 * dashes, accented letters: most non-ASCII email), so offsets stay the identity; else null.
 */
function foldOneToOne(src: string): string | null {
  const parts: string[] = [];
  let i = 0;
  for (let k = 0; k < src.length; k++) {
    const c = src.charCodeAt(k);
    if (c < 128) continue;
    if (c >= 0xd800 && c <= 0xdfff) return null;
    const raw = src[k]!;
    if (ZERO_WIDTH.test(raw)) return null;
    const folded = raw.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    const mapped = folded.length === 1 ? (CONFUSABLES.get(folded) ?? folded) : '';
    if (mapped.length !== 1) return null;
    if (k > i) parts.push(asciiLower(src.slice(i, k)));
    parts.push(mapped);
    i = k + 1;
  }
  if (i < src.length) parts.push(asciiLower(src.slice(i)));
  return parts.join('');
}

const TOKEN_CHAR = new Uint8Array(128);
for (const ch of "abcdefghijklmnopqrstuvwxyz0123456789*'") TOKEN_CHAR[ch.charCodeAt(0)] = 1;
const isTok = (c: number) => c < 128 && TOKEN_CHAR[c] === 1;

function tokenise(original: string, text: string, starts: Int32Array, ends: Int32Array): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isTok(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let nStart = i;
    while (i < text.length && isTok(text.charCodeAt(i))) i++;
    let nEnd = i;
    while (nStart < nEnd && text.charCodeAt(nStart) === 39) nStart++;
    while (nEnd > nStart && text.charCodeAt(nEnd - 1) === 39) nEnd--;
    if (nEnd <= nStart) continue;
    const start = starts[nStart]!;
    const end = ends[nEnd - 1]!;
    const first = original[start] ?? '';
    const capitalised = isUpper(first);
    let allCaps = false;
    // A lower-case second letter settles it without building the upper-case copy.
    const second = original.charCodeAt(start + 1);
    if (capitalised && end - start > 1 && !(second >= 97 && second <= 122)) {
      const raw = original.slice(start, end);
      allCaps = raw === raw.toUpperCase() && /\p{L}.*\p{L}/su.test(raw);
    }
    const id = wordIdAt(text, nStart, nEnd);
    const word = id === NO_ID ? text.slice(nStart, nEnd) : wordOf(id);
    tokens.push({ word, id, start, end, nStart, nEnd, capitalised, allCaps, sentenceStart: isSentenceStart(original, start) });
  }
  return tokens;
}

function isUpper(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128 || Number.isNaN(c)) return false;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isSentenceStart(original: string, at: number): boolean {
  const first = original.charCodeAt(at);
  // Email wraps lines and people trail off with "...": a lower-case word after a single line
  // break or an ellipsis goes on the same sentence ("I am going to\nkill you").
  const continues = first >= 97 && first <= 122;
  for (let i = at - 1; i >= 0; i--) {
    const c = original.charCodeAt(i);
    if (c === 10 && continues && !endsSentence(original, i)) return false;
    if (c === 46 && continues && original.charCodeAt(i - 1) === 46) return false;
    if (c === 0x2026 && continues) return false;
    // newline . ! ? :
    if (c === 10 || c === 46 || c === 33 || c === 63 || c === 58) return true;
    // space, tab, CR, quotes, brackets, *, _, >, -
    if (
      c === 32 ||
      c === 9 ||
      c === 13 ||
      c === 34 ||
      c === 39 ||
      c === 40 ||
      c === 91 ||
      c === 42 ||
      c === 95 ||
      c === 62 ||
      c === 45 ||
      c === 0x201c ||
      c === 0x2018
    )
      continue;
    return false;
  }
  return true;
}

/** The line ending at `nl` is blank or closes a sentence, so the next line starts a new one. */
function endsSentence(original: string, nl: number): boolean {
  for (let i = nl - 1; i >= 0; i--) {
    const c = original.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) continue;
    return c === 10 || c === 46 || c === 33 || c === 63 || c === 58 || c === 0x2026;
  }
  return true;
}

/** A line break inside a sentence (a wrapped line) reads as a space, so patterns see one sentence. */
function joinWrappedLines(text: string, tokens: readonly Token[]): string {
  if (!text.includes('\n')) return text;
  let out: string[] | null = null;
  let at = 0;
  for (const t of tokens) {
    const k = t.nStart - 1;
    if (t.sentenceStart || text.charCodeAt(k) !== 10 || text.charCodeAt(k - 1) === 32) continue;
    (out ??= []).push(text.slice(at, k), ' ');
    at = k + 1;
  }
  if (!out) return text;
  out.push(text.slice(at));
  return out.join('');
}
