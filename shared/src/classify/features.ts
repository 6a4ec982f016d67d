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
export function extractFeatures(n: Normalised, maxTokens = 600): Uint32Array {
  const seen = new Set<number>();
  const words = n.tokens.slice(0, maxTokens).map((t) => t.word);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    seen.add(hash(w, 1) & MASK);
    if (i > 0) seen.add(hash(words[i - 1] + ' ' + w, 2) & MASK);
    if (w.length > 2) {
      const padded = ` ${w} `;
      for (let k = 3; k <= 5; k++) {
        for (let j = 0; j + k <= padded.length; j++) seen.add(hash(padded.slice(j, j + k), 3) & MASK);
      }
    }
  }
  return Uint32Array.from(seen);
}
