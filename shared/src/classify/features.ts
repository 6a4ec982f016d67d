import type { Normalised } from './normalise.ts';

/** Size of the hashed feature space. Changing it invalidates model-weights.json. */
export const FEATURE_BITS = 18;
const MASK = (1 << FEATURE_BITS) - 1;

// FNV-1a, 32-bit: fast, dependency-free and identical in every runtime.
function hash(s: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Hashed word unigrams, bigrams and character 3–5-grams of the normalised words. Character
 * n-grams let the model see "dickheds" and "massivescumbags" as close to the words they hide.
 * Features are de-duplicated so a long email does not swamp the score with one repeated word.
 */
// De-duplication by generation stamp: cheaper than a Set for thousands of features per email.
const STAMP = new Uint32Array(1 << FEATURE_BITS);
let generation = 0;

export function extractFeatures(n: Normalised, maxTokens = 600): Uint32Array {
  generation = (generation + 1) >>> 0;
  if (generation === 0) {
    STAMP.fill(0);
    generation = 1;
  }
  const out: number[] = [];
  const add = (f: number) => {
    if (STAMP[f] !== generation) {
      STAMP[f] = generation;
      out.push(f);
    }
  };
  const tokens = n.tokens;
  const count = Math.min(tokens.length, maxTokens);
  for (let i = 0; i < count; i++) {
    const w = tokens[i]!.word;
    const fs = wordFeatures(w);
    for (let k = 0; k < fs.length; k++) add(fs[k]!);
    if (i > 0) add(hash(tokens[i - 1]!.word + ' ' + w, 2) & MASK);
  }
  return Uint32Array.from(out);
}

// Words repeat across messages, so their unigram + character n-gram hashes are memoised.
const WORD_CACHE = new Map<string, Uint32Array>();
const WORD_CACHE_MAX = 50_000;

function wordFeatures(w: string): Uint32Array {
  const hit = WORD_CACHE.get(w);
  if (hit) return hit;
  const out: number[] = [hash(w, 1) & MASK];
  if (w.length > 2) {
    const padded = ` ${w} `;
    for (let k = 3; k <= 5; k++) {
      for (let j = 0; j + k <= padded.length; j++) out.push(hash(padded.slice(j, j + k), 3) & MASK);
    }
  }
  const arr = Uint32Array.from(out);
  if (WORD_CACHE.size >= WORD_CACHE_MAX) WORD_CACHE.clear();
  WORD_CACHE.set(w, arr);
  return arr;
}
