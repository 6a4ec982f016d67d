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
const EDGE_PUNCT = /[.'_!|#-]/;
// . ' _ ! | # -
const isEdge = (c: number) => c === 46 || c === 39 || c === 95 || c === 33 || c === 124 || c === 35 || c === 45;

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
  const c = collapseSpaces(SPACED.test(b.text) ? rejoinSpacedLetters(b, vocab) : b);
  const tokens = tokenise(original, c.text, c.starts, c.ends);
  return { original, text: c.text, starts: c.starts, ends: c.ends, tokens };
}

// Three single letters in a row, e.g. "k i l l": only then is stage 3 worth running.
const SPACED = /(?:^|[^a-z*])[a-z*] [a-z*] [a-z*](?![a-z*])/;

// Runs of spaces become one space, so patterns can rely on single spaces between words.
function collapseSpaces(m: Mapped): Mapped {
  if (!/ {2}/.test(m.text)) return m;
  const keep: number[] = [];
  for (let i = 0; i < m.text.length; i++) if (!(m.text[i] === ' ' && m.text[i - 1] === ' ')) keep.push(i);
  const starts = new Int32Array(keep.length);
  const ends = new Int32Array(keep.length);
  let text = '';
  keep.forEach((k, j) => {
    starts[j] = m.starts[k]!;
    ends[j] = m.ends[k]!;
  });
  text = m.text.replace(/ {2,}/g, ' ');
  return { text, starts, ends };
}

interface Mapped {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
}

function toPieces(m: Mapped, from: number, to: number): Piece[] {
  const out: Piece[] = [];
  for (let i = from; i < to; i++) out.push({ ch: m.text[i]!, s: m.starts[i]!, e: m.ends[i]! });
  return out;
}

/** Appends text with its source spans; most words are copied whole, which keeps this fast. */
class Builder {
  private parts: string[] = [];
  private s: Int32Array;
  private e: Int32Array;
  private n = 0;
  constructor(capacity: number) {
    this.s = new Int32Array(Math.max(16, capacity));
    this.e = new Int32Array(Math.max(16, capacity));
  }
  private room(k: number): void {
    if (this.n + k <= this.s.length) return;
    const size = Math.max(this.s.length * 2, this.n + k);
    const s = new Int32Array(size);
    const e = new Int32Array(size);
    s.set(this.s.subarray(0, this.n));
    e.set(this.e.subarray(0, this.n));
    this.s = s;
    this.e = e;
  }
  copy(m: Mapped, from: number, to: number): void {
    if (to <= from) return;
    this.room(to - from);
    this.parts.push(m.text.slice(from, to));
    this.s.set(m.starts.subarray(from, to), this.n);
    this.e.set(m.ends.subarray(from, to), this.n);
    this.n += to - from;
  }
  /** Copy original text that needs no folding beyond lower case (ASCII). */
  identity(src: string, from: number, to: number): void {
    this.room(to - from);
    this.parts.push(src.slice(from, to).toLowerCase().replace(/[\t\r]/g, ' '));
    for (let i = from; i < to; i++) {
      this.s[this.n] = i;
      this.e[this.n++] = i + 1;
    }
  }
  push(p: Piece): void {
    this.room(1);
    this.parts.push(p.ch);
    this.s[this.n] = p.s;
    this.e[this.n++] = p.e;
  }
  pushAll(ps: Piece[]): void {
    for (const p of ps) this.push(p);
  }
  done(): Mapped {
    return { text: this.parts.join(''), starts: this.s.slice(0, this.n), ends: this.e.slice(0, this.n) };
  }
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
  if (/^[\x00-\x7f]*$/.test(src)) {
    const starts = new Int32Array(src.length);
    const ends = new Int32Array(src.length);
    for (let i = 0; i < src.length; i++) {
      starts[i] = i;
      ends[i] = i + 1;
    }
    return { text: src.toLowerCase().replace(/[\t\r]/g, ' '), starts, ends };
  }
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

// Stage 2: within each run of word characters undo leet, in-word punctuation and long repeats.
const PLAIN_WORD = /^[a-z]+(?:'[a-z]+)?$/;
const TRIPLE = /([a-z])\1\1/;

// Char classes for the hand-written scanners below (regex matchAll allocates per match and
// dominated the cost on 3 KB emails).
const RUN_CHAR = new Uint8Array(128);
for (const ch of "abcdefghijklmnopqrstuvwxyz0123456789@$*!|'._#-") RUN_CHAR[ch.charCodeAt(0)] = 1;
const TOKEN_CHAR = new Uint8Array(128);
for (const ch of "abcdefghijklmnopqrstuvwxyz0123456789*'") TOKEN_CHAR[ch.charCodeAt(0)] = 1;
const isRun = (c: number) => c < 128 && RUN_CHAR[c] === 1;
const isTok = (c: number) => c < 128 && TOKEN_CHAR[c] === 1;

// Most changes keep the length (edge punctuation → space, leet letter → letter), so they are
// made in place on the same offset map; only joins and collapsed repeats need a rebuild.
function shapeWords(m: Mapped, vocab: ReadonlySet<string>): Mapped {
  const str = m.text;
  // Same-length edits, applied at the end by slicing: [from, to, replacement].
  const edits: Array<[number, number, string]> = [];
  let i = 0;
  while (i < str.length) {
    if (!isRun(str.charCodeAt(i))) {
      i++;
      continue;
    }
    const from = i;
    let plainRun = true;
    let digits = true;
    let prev = -1;
    let repeat = 0;
    while (i < str.length) {
      const c = str.charCodeAt(i);
      if (!isRun(c)) break;
      if (c < 48 || c > 57) digits = false;
      if (c < 97 || c > 122) plainRun = false;
      else if (c === prev) {
        if (++repeat >= 2) plainRun = false;
      } else repeat = 0;
      prev = c;
      i++;
    }
    if (plainRun || digits) continue;
    let lo = from;
    let hi = i;
    while (lo < hi && isEdge(str.charCodeAt(lo))) lo++;
    while (hi > lo && (isEdge(str.charCodeAt(hi - 1)) || str[hi - 1] === '*') && !(str[hi - 1] === "'" && str[hi - 2] === 's')) hi--;
    const core = str.slice(lo, hi);
    let replacement = core;
    if (!(PLAIN_WORD.test(core) && !TRIPLE.test(core))) {
      const shaped = shapeRun(toPieces(m, lo, hi), vocab);
      if (shaped.length !== hi - lo || shaped.some((p, k) => p.s !== m.starts[lo + k])) return rebuildWords(m, vocab);
      replacement = shaped.map((p) => p.ch).join('');
    }
    if (lo === from && hi === i && replacement === core) continue;
    edits.push([from, i, ' '.repeat(lo - from) + replacement + ' '.repeat(i - hi)]);
  }
  if (edits.length === 0) return m;
  const parts: string[] = [];
  let at = 0;
  for (const [a, b, r] of edits) {
    parts.push(str.slice(at, a), r);
    at = b;
  }
  parts.push(str.slice(at));
  return { ...m, text: parts.join('') };
}

function rebuildWords(m: Mapped, vocab: ReadonlySet<string>): Mapped {
  const str = m.text;
  const b = new Builder(str.length + 16);
  let last = 0;
  let i = 0;
  while (i < str.length) {
    if (!isRun(str.charCodeAt(i))) {
      i++;
      continue;
    }
    const from = i;
    // One pass: find the run, and see whether it is a plain lower-case word without triple letters.
    let plainRun = true;
    let digits = true;
    let prev = -1;
    let repeat = 0;
    while (i < str.length) {
      const c = str.charCodeAt(i);
      if (!isRun(c)) break;
      if (c < 48 || c > 57) digits = false;
      if (c < 97 || c > 122) plainRun = false;
      else if (c === prev) {
        if (++repeat >= 2) plainRun = false;
      } else repeat = 0;
      prev = c;
      i++;
    }
    if (plainRun || digits) continue;
    let lo = from;
    let hi = i;
    // "@" and "$" lead real words ("@ss", "$hit"); other edge punctuation is just punctuation.
    while (lo < hi && EDGE_PUNCT.test(str[lo]!)) lo++;
    // Keep the plural possessive ("councillors' pay"): it tells an object from a person.
    while (hi > lo && (EDGE_PUNCT.test(str[hi - 1]!) || str[hi - 1] === '*') && !(str[hi - 1] === "'" && str[hi - 2] === 's')) hi--;
    const core = str.slice(lo, hi);
    const plain = PLAIN_WORD.test(core) && !TRIPLE.test(core);
    if (plain && lo === from && hi === i) continue;
    b.copy(m, last, from);
    last = i;
    for (let k = from; k < lo; k++) b.push({ ch: ' ', s: m.starts[k]!, e: m.ends[k]! });
    if (plain) b.copy(m, lo, hi);
    else b.pushAll(shapeRun(toPieces(m, lo, hi), vocab));
    for (let k = hi; k < i; k++) b.push({ ch: ' ', s: m.starts[k]!, e: m.ends[k]! });
  }
  if (last === 0) return m;
  b.copy(m, last, str.length);
  return b.done();
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
  // Join when the pieces are letters spelt out: all short, or at least three with one longer tail ("f.u.c.k1ng").
  const long = parts.filter((q) => q.length > 2).length;
  const join = parts.length > 1 && (long === 0 || (parts.length >= 3 && long === 1));
  const out: Piece[] = [];
  parts.forEach((part, idx) => {
    if (idx > 0 && !join) out.push({ ...seps[idx - 1]!, ch: ' ' });
    out.push(...collapseRepeats(undoLeet(part, vocab), vocab));
  });
  return out;
}

function undoLeet(part: Piece[], vocab: ReadonlySet<string>): Piece[] {
  const word = part.map((p) => p.ch).join('');
  if (!/[a-z]/.test(word)) return part;
  const out = part.map((p) => {
    const l = LEET[p.ch];
    return l ? { ...p, ch: l } : p;
  });
  // "d13" could be a postcode district; read it as leet only when that spells a word we look for.
  if (NOT_LEET.test(word) && !vocab.has(out.map((p) => p.ch).join(''))) return part;
  return out;
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
function rejoinSpacedLetters(m: Mapped, vocab: ReadonlySet<string>): Mapped {
  const pieces = toPieces(m, 0, m.text.length);
  const isLetter = (i: number) => i >= 0 && i < pieces.length && /[a-z*]/.test(pieces[i]!.ch);
  const isGap = (i: number) => i >= 0 && i < pieces.length && pieces[i]!.ch === ' ';
  const out = new Builder(m.text.length + 16);
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
        out.pushAll(splitJoined(letters.map((k) => pieces[k]!), vocab));
        i = j + 1;
        continue;
      }
    }
    out.push(pieces[i]!);
    i++;
  }
  return out.done();
}

// "killu" is not a word but "kill" + "u" is; "ihate" is "i" + "hate". Only a pronoun or
// article is split off, so "k i l l e r" stays one word.
const SPLIT_HEAD = new Set(['i', 'a', 'u']);
const SPLIT_TAIL = new Set(['u', 'ya', 'you', 'yu', 'ur', 'a', 'i', 'em']);

function splitJoined(letters: Piece[], vocab: ReadonlySet<string>): Piece[] {
  const word = letters.map((p) => p.ch).join('');
  if (vocab.has(word) || vocab.size === 0) return letters;
  for (const from of [0, 1]) {
    if (from === 1 && !SPLIT_HEAD.has(word[0]!)) continue;
    for (let to = word.length; to - from >= 3; to--) {
      if (from === 0 && to === word.length) continue;
      if (to < word.length && !SPLIT_TAIL.has(word.slice(to))) continue;
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
    if (capitalised && end - start > 1) {
      const raw = original.slice(start, end);
      allCaps = raw === raw.toUpperCase() && /\p{L}.*\p{L}/su.test(raw);
    }
    tokens.push({ word: text.slice(nStart, nEnd), start, end, nStart, nEnd, capitalised, allCaps, sentenceStart: isSentenceStart(original, start) });
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
  for (let i = at - 1; i >= 0; i--) {
    const c = original.charCodeAt(i);
    // newline . ! ? :
    if (c === 10 || c === 46 || c === 33 || c === 63 || c === 58) return true;
    // space, tab, CR, quotes, brackets, *, _, >, -
    if (c === 32 || c === 9 || c === 13 || c === 34 || c === 39 || c === 40 || c === 91 || c === 42 || c === 95 || c === 62 || c === 45 || c === 0x201c || c === 0x2018) continue;
    return false;
  }
  return true;
}
