import { Builder, toPieces } from './offset-map.ts';
import type { Mapped, Piece } from './offset-map.ts';

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};
// Ordinals, times, quantities and road numbers are real numbers, not leet.
const NOT_LEET = /^(?:\d+(?:st|nd|rd|th|pm|am|s|k|m|km|mph|hrs?|mins?|yrs?|ft|kg|p|x|g|gb|mb|ml)?|[a-z]{1,2}\d+)$/;
// . ' _ ! | # -
const isEdge = (c: number) => c === 46 || c === 39 || c === 95 || c === 33 || c === 124 || c === 35 || c === 45;

// Stage 2: within each run of word characters undo leet, in-word punctuation and long repeats.
const PLAIN_WORD = /^[a-z]+(?:'[a-z]+)?$/;
const TRIPLE = /([a-z])\1\1/;

// Char classes for the hand-written scanners below (regex matchAll allocates per match and
// dominated the cost on 3 KB emails).
const RUN_CHAR = new Uint8Array(128);
for (const ch of "abcdefghijklmnopqrstuvwxyz0123456789@$*!|'._#-") RUN_CHAR[ch.charCodeAt(0)] = 1;
const isRun = (c: number) => c < 128 && RUN_CHAR[c] === 1;

/**
 * One pass over a run of word-ish characters from `start`: where it ends, and whether it
 * needs no shaping (a plain lower-case word without triple letters, or all digits).
 */
function scanRun(str: string, start: number): { end: number; untouched: boolean } {
  let i = start;
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
  return { end: i, untouched: plainRun || digits };
}

/**
 * The word inside a run, without edge punctuation. "@" and "$" lead real words ("@ss",
 * "$hit") so they stay; a plural possessive ("councillors' pay") keeps its apostrophe
 * because it tells an object from a person.
 */
function trimEdges(str: string, from: number, to: number): [number, number] {
  let lo = from;
  let hi = to;
  while (lo < hi && isEdge(str.charCodeAt(lo))) lo++;
  while (hi > lo && (isEdge(str.charCodeAt(hi - 1)) || str[hi - 1] === '*') && !(str[hi - 1] === "'" && str[hi - 2] === 's')) hi--;
  return [lo, hi];
}

// Most changes keep the length (edge punctuation → space, leet letter → letter), so they are
// made in place on the same offset map; only joins and collapsed repeats need a rebuild.
export function shapeWords(m: Mapped, vocab: ReadonlySet<string>): Mapped {
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
    const run = scanRun(str, i);
    i = run.end;
    if (run.untouched) continue;
    const [lo, hi] = trimEdges(str, from, i);
    const core = str.slice(lo, hi);
    let replacement = core;
    if (!(PLAIN_WORD.test(core) && !TRIPLE.test(core))) {
      const shaped = shapeInPlace(m, lo, hi, core, vocab);
      if (shaped === null) return rebuildWords(m, vocab);
      replacement = shaped;
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

// shapeRun's answer when it keeps the length, by word and vocabulary. Keeping the length means
// nothing was joined or collapsed, so every character still stands for the same original one
// and the answer depends on the characters alone (words like "covid-19" recur in every email).
const IN_PLACE = new WeakMap<ReadonlySet<string>, Map<string, string | null>>();
const IN_PLACE_MAX = 20_000;

/** The shaped word when shaping keeps its length (edit in place), or null (rebuild the text). */
function shapeInPlace(m: Mapped, lo: number, hi: number, core: string, vocab: ReadonlySet<string>): string | null {
  let memo = IN_PLACE.get(vocab);
  if (!memo) IN_PLACE.set(vocab, (memo = new Map()));
  const known = memo.get(core);
  if (known !== undefined) return known;
  const shaped = shapeRun(toPieces(m, lo, hi), vocab);
  const answer = shaped.length === hi - lo ? shaped.map((p) => p.ch).join('') : null;
  if (memo.size >= IN_PLACE_MAX) memo.clear();
  memo.set(core, answer);
  return answer;
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
    const run = scanRun(str, i);
    i = run.end;
    if (run.untouched) continue;
    const [lo, hi] = trimEdges(str, from, i);
    const core = str.slice(lo, hi);
    const plain = PLAIN_WORD.test(core) && !TRIPLE.test(core);
    // Words that keep their length are copied whole, with their spans; only words that get
    // shorter ("e.g" → "eg", "www" → "ww") are rebuilt piece by piece.
    const inPlace = plain ? core : shapeInPlace(m, lo, hi, core, vocab);
    if (inPlace !== null && lo === from && hi === i && inPlace === core) continue;
    b.copy(m, last, from);
    last = i;
    if (inPlace !== null) {
      b.copyAs(m, from, i, ' '.repeat(lo - from) + inPlace + ' '.repeat(i - hi));
      continue;
    }
    b.copyAs(m, from, lo, ' '.repeat(lo - from));
    b.pushAll(shapeRun(toPieces(m, lo, hi), vocab));
    b.copyAs(m, hi, i, ' '.repeat(i - hi));
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
