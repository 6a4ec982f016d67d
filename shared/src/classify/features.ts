import type { Normalised } from './normalise.ts';
import { memoByWord } from './word-ids.ts';

/** Size of the hashed feature space. Changing it invalidates model-weights.json. */
export const FEATURE_BITS = 18;
const MASK = (1 << FEATURE_BITS) - 1;

// FNV-1a, 32-bit: fast, dependency-free and identical in every runtime.
function hash(s: string, seed: number): number {
  return fnv(0x811c9dc5 ^ seed, s) >>> 0;
}

/** FNV-1a state after also hashing `s`. */
function fnv(state: number, s: string): number {
  let h = state;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

// A bigram's hash is hash(`${a} ${b}`, 2): the state after "a " is kept per word, so each
// bigram only hashes its second word (no string is built).
const bigramLead = memoByWord((w) => fnv(0x811c9dc5 ^ 2, `${w} `));

/**
 * Hashed word unigrams, bigrams and character 3–5-grams of the normalised words. Character
 * n-grams let the model see "dickheds" and "massivescumbags" as close to the words they hide.
 * Features are de-duplicated so a long email does not swamp the score with one repeated word.
 */
// De-duplication by generation stamp: cheaper than a Set for thousands of features per email.
const STAMP = new Uint32Array(1 << FEATURE_BITS);
let generation = 0;

export function extractFeatures(n: Normalised, maxTokens = 600): Uint32Array {
  const out: number[] = [];
  visitFeatures(n, maxTokens, (f) => out.push(f));
  return Uint32Array.from(out);
}

/**
 * Sum of `weights` over the features of `n` and how many there are: what a linear model needs,
 * without building the feature array.
 */
export function sumWeights(n: Normalised, weights: Int8Array, maxTokens = 600): { sum: number; count: number } {
  let sum = 0;
  let count = 0;
  visitFeatures(n, maxTokens, (f) => {
    sum += weights[f] ?? 0;
    count++;
  });
  return { sum, count };
}

/** Like `sumWeights`, for two weight vectors over the same features in one pass (two model heads). */
export function sumWeights2(n: Normalised, a: Int8Array, b: Int8Array, maxTokens = 600): { sumA: number; sumB: number; count: number } {
  let sumA = 0;
  let sumB = 0;
  let count = 0;
  visitFeatures(n, maxTokens, (f) => {
    sumA += a[f] ?? 0;
    sumB += b[f] ?? 0;
    count++;
  });
  return { sumA, sumB, count };
}

/** Each distinct feature of `n`, once, in order. */
function visitFeatures(n: Normalised, maxTokens: number, visit: (feature: number) => void): void {
  generation = (generation + 1) >>> 0;
  if (generation === 0) {
    STAMP.fill(0);
    generation = 1;
  }
  const tokens = n.tokens;
  const count = Math.min(tokens.length, maxTokens);
  for (let i = 0; i < count; i++) {
    const t = tokens[i]!;
    const fs = wordFeatures(t);
    for (let k = 0; k < fs.length; k++) {
      const f = fs[k]!;
      if (STAMP[f] !== generation) {
        STAMP[f] = generation;
        visit(f);
      }
    }
    if (i > 0) {
      const f = (fnv(bigramLead(tokens[i - 1]!), t.word) >>> 0) & MASK;
      if (STAMP[f] !== generation) {
        STAMP[f] = generation;
        visit(f);
      }
    }
  }
}

// Words repeat across messages, so their unigram + character n-gram hashes are memoised.
const wordFeatures = memoByWord((w: string): Uint32Array => {
  const out: number[] = [hash(w, 1) & MASK];
  if (w.length > 2) {
    const padded = ` ${w} `;
    for (let k = 3; k <= 5; k++) {
      for (let j = 0; j + k <= padded.length; j++) out.push(hash(padded.slice(j, j + k), 3) & MASK);
    }
  }
  return Uint32Array.from(out);
});
