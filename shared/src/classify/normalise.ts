import { CONFUSABLES, ZERO_WIDTH } from './confusables.ts';

/** One word of the normalised text, with where it came from in the original. */
export interface Token {
  /** Normalised form: lower-case ASCII, leet undone, repeats collapsed. `*` marks a masked letter. */
  word: string;
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

// A char of the working text and the original span it stands for.
interface Piece {
  ch: string;
  s: number;
  e: number;
}

const LEET: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '!': 'i', '|': 'l',
};
// Ordinals, times, quantities and road numbers are real numbers, not leet.
const NOT_LEET = /^(?:\d+(?:st|nd|rd|th|pm|am|s|k|m|km|mph|hrs?|mins?|yrs?|ft|kg|p|x|g|gb|mb|ml)?|[a-z]{1,2}\d+)$/;
const WORD_RUN = /[\p{L}\p{N}@$*!|'._#-]+/gu;
const EDGE_PUNCT = /[.'_!|#-]/;

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
  const c = rejoinSpacedLetters(b, vocab);
  let text = '';
  const starts = new Int32Array(c.length);
  const ends = new Int32Array(c.length);
  for (let i = 0; i < c.length; i++) {
    const p = c[i]!;
    text += p.ch;
    starts[i] = p.s;
    ends[i] = p.e;
  }
  const tokens = tokenise(original, text, starts, ends);
  return { original, text, starts, ends, tokens };
}

/** Map a span of the normalised text back to the original text. */
export function toOriginalSpan(n: Normalised, nStart: number, nEnd: number): { start: number; end: number } {
  if (n.starts.length === 0) return { start: 0, end: 0 };
  const s = Math.min(Math.max(nStart, 0), n.starts.length - 1);
  const e = Math.min(Math.max(nEnd - 1, s), n.ends.length - 1);
  return { start: n.starts[s]!, end: n.ends[e]! };
}

// Stage 1: one code point at a time → lower-case ASCII where a look-alike exists.
function foldCharacters(src: string): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < src.length; ) {
    const code = src.charCodeAt(i);
    if (code < 128) {
      // Fast path: plain ASCII is most of every email.
      const ch = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : src[i]!;
      out.push({ ch: ch === '\t' || ch === '\r' ? ' ' : ch, s: i, e: i + 1 });
      i++;
      continue;
    }
    const cp = src.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const raw = src.slice(i, i + len);
    if (!ZERO_WIDTH.test(raw)) {
      const folded = raw.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
      // One piece per UTF-16 unit, so piece indices line up with string indices later on.
      for (const ch of folded) {
        const mapped = CONFUSABLES.get(ch) ?? ch;
        for (let k = 0; k < mapped.length; k++) out.push({ ch: mapped[k]!, s: i, e: i + len });
      }
    }
    i += len;
  }
  return out;
}

// Stage 2: within each run of word characters undo leet, in-word punctuation and long repeats.
function shapeWords(pieces: Piece[], vocab: ReadonlySet<string>): Piece[] {
  const str = pieces.map((p) => p.ch).join('');
  const out: Piece[] = [];
  let last = 0;
  for (const m of str.matchAll(WORD_RUN)) {
    const from = m.index;
    for (let i = last; i < from; i++) out.push(pieces[i]!);
    last = from + m[0].length;
    let lo = from;
    let hi = last;
    // "@" and "$" lead real words ("@ss", "$hit"); other edge punctuation is just punctuation.
    while (lo < hi && EDGE_PUNCT.test(str[lo]!)) lo++;
    // Keep the plural possessive ("councillors' pay"): it tells an object from a person.
    while (hi > lo && (EDGE_PUNCT.test(str[hi - 1]!) || str[hi - 1] === '*') && !(str[hi - 1] === "'" && str[hi - 2] === 's')) hi--;
    for (let i = from; i < lo; i++) out.push({ ...pieces[i]!, ch: ' ' });
    out.push(...shapeRun(pieces.slice(lo, hi), vocab));
    for (let i = hi; i < last; i++) out.push({ ...pieces[i]!, ch: ' ' });
  }
  for (let i = last; i < pieces.length; i++) out.push(pieces[i]!);
  return out;
}

function shapeRun(run: Piece[], vocab: ReadonlySet<string>): Piece[] {
  const text = run.map((p) => p.ch).join('');
  if (!/\p{L}/u.test(text)) return run.map((p) => (/[\p{N}]/u.test(p.ch) ? p : { ...p, ch: ' ' }));
  // Split on in-word separators; "f.u.c.k" and "sh-it" (all short pieces) are one word, "well-known" is two.
  const parts: Piece[][] = [[]];
  const seps: Piece[] = [];
  for (const p of run) {
    if (p.ch === '.' || p.ch === '-' || p.ch === '_') {
      parts.push([]);
      seps.push(p);
    } else parts[parts.length - 1]!.push(p);
  }
  const join = parts.length > 1 && parts.every((q) => q.length <= 2);
  const out: Piece[] = [];
  parts.forEach((part, idx) => {
    if (idx > 0 && !join) out.push({ ...seps[idx - 1]!, ch: ' ' });
    out.push(...collapseRepeats(undoLeet(part), vocab));
  });
  return out;
}

function undoLeet(part: Piece[]): Piece[] {
  const word = part.map((p) => p.ch).join('');
  if (!/[a-z]/.test(word) || NOT_LEET.test(word)) return part;
  return part.map((p) => {
    const l = LEET[p.ch];
    return l ? { ...p, ch: l } : p;
  });
}

// "fuuuuck" → "fuck", "kiiiill" → "kill", "soooo" → "soo": pick the vocabulary word when there is one.
function collapseRepeats(part: Piece[], vocab: ReadonlySet<string>): Piece[] {
  const runs: Array<{ at: number; len: number }> = [];
  for (let i = 0; i < part.length; ) {
    let j = i + 1;
    while (j < part.length && part[j]!.ch === part[i]!.ch) j++;
    if (j - i >= 3 && /[a-z]/.test(part[i]!.ch)) runs.push({ at: i, len: j - i });
    i = j;
  }
  if (runs.length === 0) return part;
  const build = (keep: number[]): Piece[] => {
    const out: Piece[] = [];
    let r = 0;
    for (let i = 0; i < part.length; i++) {
      const run = runs[r];
      if (run && i === run.at) {
        const k = keep[r]!;
        for (let j = 0; j < k; j++) {
          const src = part[i + j]!;
          out.push(j === k - 1 ? { ...src, e: part[i + run.len - 1]!.e } : src);
        }
        i += run.len - 1;
        r++;
      } else out.push(part[i]!);
    }
    return out;
  };
  const limit = Math.min(runs.length, 4);
  for (let mask = 0; mask < 1 << limit; mask++) {
    const keep = runs.map((_, r) => (r < limit && mask & (1 << r) ? 2 : 1));
    const cand = build(keep);
    if (vocab.has(cand.map((p) => p.ch).join(''))) return cand;
  }
  return build(runs.map(() => 2));
}

// Stage 3: "k i l l" → "kill". Three or more single letters separated by single spaces.
function rejoinSpacedLetters(pieces: Piece[], vocab: ReadonlySet<string>): Piece[] {
  const isLetter = (i: number) => i >= 0 && i < pieces.length && /[a-z*]/.test(pieces[i]!.ch);
  const isGap = (i: number) => i >= 0 && i < pieces.length && pieces[i]!.ch === ' ';
  const out: Piece[] = [];
  let i = 0;
  while (i < pieces.length) {
    // A single letter: letter with a non-letter on both sides.
    if (isLetter(i) && !isLetter(i - 1) && !isLetter(i + 1)) {
      const letters = [i];
      let j = i;
      while (isGap(j + 1) && isLetter(j + 2) && !isLetter(j + 3)) {
        j += 2;
        letters.push(j);
      }
      if (letters.length >= 3) {
        out.push(...splitJoined(letters.map((k) => pieces[k]!), vocab));
        i = j + 1;
        continue;
      }
    }
    out.push(pieces[i]!);
    i++;
  }
  return out;
}

// "killu" is not a word but "kill" + "u" is; "ihate" is "i" + "hate". Find the longest
// vocabulary word starting at the first or second letter and split around it.
function splitJoined(letters: Piece[], vocab: ReadonlySet<string>): Piece[] {
  const word = letters.map((p) => p.ch).join('');
  if (vocab.has(word) || vocab.size === 0) return letters;
  for (const from of [0, 1]) {
    for (let to = word.length; to - from >= 3; to--) {
      if (from === 0 && to === word.length) continue;
      if (!vocab.has(word.slice(from, to))) continue;
      const out: Piece[] = [];
      letters.forEach((p, k) => {
        if ((k === from && k > 0) || (k === to && k < letters.length)) out.push({ ch: ' ', s: p.s, e: p.s });
        out.push(p);
      });
      return out;
    }
  }
  return letters;
}

const TOKEN = /[a-z0-9*']+/g;

function tokenise(original: string, text: string, starts: Int32Array, ends: Int32Array): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let nStart = m.index;
    let nEnd = nStart + m[0].length;
    while (nStart < nEnd && text[nStart] === "'") nStart++;
    while (nEnd > nStart && text[nEnd - 1] === "'") nEnd--;
    if (nEnd <= nStart) continue;
    const start = starts[nStart]!;
    const end = ends[nEnd - 1]!;
    const raw = original.slice(start, end);
    const firstLetter = raw.match(/\p{L}/u)?.[0] ?? '';
    const letters = raw.replace(/[^\p{L}]/gu, '');
    tokens.push({
      word: text.slice(nStart, nEnd),
      start,
      end,
      nStart,
      nEnd,
      capitalised: firstLetter !== '' && firstLetter !== firstLetter.toLowerCase(),
      allCaps: letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      sentenceStart: isSentenceStart(original, start),
    });
  }
  return tokens;
}

function isSentenceStart(original: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const ch = original[i]!;
    if (ch === '\n' || ch === '.' || ch === '!' || ch === '?' || ch === ':') return true;
    if (!/[\s"'“‘(\[*_>-]/.test(ch)) return false;
  }
  return true;
}
