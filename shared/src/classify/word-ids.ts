// Every distinct word the classifier sees gets a small integer id, once, when it is tokenised.
// The detectors keep what they know about a word (lexicon entry, which threat patterns it can
// start, model features…) in arrays indexed by that id, instead of each asking several
// string-keyed Sets per token: on a 3 KB email those lookups were a third of the run time.
//
// The table is open addressing over typed arrays with each word's characters stored inline,
// so a lookup hashes the characters where they lie in the text and compares them without
// building a string first (about twice as fast as Map.get on a fresh slice), and every token
// of the same word shares one string.

/** Ids are never reused, so the table stops growing here; later new words get NO_ID. */
const MAX_WORDS = 200_000;
export const NO_ID = -1;

let mask = (1 << 14) - 1;
/** Per slot: hash, offset of the characters in `chars`, length, id (-1 = empty). */
let slots = new Int32Array((mask + 1) * 4).fill(-1);
let chars = new Uint16Array(1 << 16);
let used = 0;
const words: string[] = [];

function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h ^ (h >>> 16);
}

function sameChars(at: number, text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (chars[at + i - start] !== text.charCodeAt(i)) return false;
  return true;
}

/** The id of text[start, end), assigning the next one on first sight (NO_ID once the table is full). */
export function wordIdAt(text: string, start: number, end: number): number {
  const h = hashOf(text, start, end);
  const len = end - start;
  for (let k = h & mask; ; k = (k + 1) & mask) {
    const base = k * 4;
    const id = slots[base + 3]!;
    if (id === -1) break;
    if (slots[base] === h && slots[base + 2] === len && sameChars(slots[base + 1]!, text, start, end)) return id;
  }
  if (words.length >= MAX_WORDS) return NO_ID;
  if (used + len > chars.length) {
    const grown = new Uint16Array(Math.max(chars.length * 2, used + len));
    grown.set(chars);
    chars = grown;
  }
  for (let i = start; i < end; i++) chars[used + i - start] = text.charCodeAt(i);
  const id = words.length;
  words.push(text.slice(start, end));
  place(h, used, len, id);
  used += len;
  if (words.length * 2 > mask) grow();
  return id;
}

function place(h: number, at: number, len: number, id: number): void {
  let k = h & mask;
  while (slots[k * 4 + 3] !== -1) k = (k + 1) & mask;
  slots.set([h, at, len, id], k * 4);
}

function grow(): void {
  const old = slots;
  mask = mask * 2 + 1;
  slots = new Int32Array((mask + 1) * 4).fill(-1);
  for (let base = 0; base < old.length; base += 4) if (old[base + 3] !== -1) place(old[base]!, old[base + 1]!, old[base + 2]!, old[base + 3]!);
}

/** The id of `word` (see wordIdAt). */
export function wordId(word: string): number {
  return wordIdAt(word, 0, word.length);
}

/** The one shared string for an id. */
export function wordOf(id: number): string {
  return words[id]!;
}

/** Anything with a word and its id: a Token. */
export interface WordRef {
  word: string;
  id: number;
}

/**
 * `compute(word)`, memoised per word id: the returned function answers from an array after the
 * first call for each word. Words without an id are computed every time. `compute` must not
 * return undefined.
 *
 * @example const isPronoun = memoByWord((w) => PRONOUNS.has(w)); isPronoun(token)
 */
export function memoByWord<T>(compute: (word: string) => T): (ref: WordRef) => T {
  const values: Array<T | undefined> = [];
  return function memoised(ref: WordRef): T {
    const id = ref.id;
    if (id < 0) return compute(ref.word);
    if (id < values.length) {
      const hit = values[id];
      if (hit !== undefined) return hit;
    } else {
      while (values.length <= id) values.push(undefined);
    }
    const value = compute(ref.word);
    values[id] = value;
    return value;
  };
}
