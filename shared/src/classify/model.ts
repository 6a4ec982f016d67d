import { FEATURE_BITS, sumWeights } from './features.ts';
import type { Normalised } from './normalise.ts';
import weightsFile from './model-weights.json' with { type: 'json' };

/** The JSON written by shared/scripts/train.ts. */
export interface ModelFile {
  version: string;
  featureBits: number;
  bias: number;
  /** Weights are int8 × scale, base64-encoded: small in the repo and quick to load. */
  scale: number;
  weights: string;
  /** Probability above which the model alone may raise a flag (chosen on held-out data). */
  threshold: number;
  trainedOn: string[];
}

export interface LinearModel {
  version: string;
  threshold: number;
  predict(n: Normalised): number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

// atob is not in every runtime's type set (no DOM types here), so decode by hand.
function decodeBase64(s: string): Int8Array {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) lookup[B64.charCodeAt(i)] = i;
  const clean = s.replace(/=+$/, '');
  const out = new Int8Array(Math.floor((clean.length * 3) / 4));
  let buf = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    buf = (buf << 6) | lookup[clean.charCodeAt(i)]!;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buf >> bits) & 0xff;
    }
  }
  return out;
}

export function encodeBase64(bytes: Int8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]! & 0xff;
    const b = i + 1 < bytes.length ? bytes[i + 1]! & 0xff : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2]! & 0xff : 0;
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? B64[n & 63]! : '=';
  }
  return out;
}

/** Logistic regression over hashed features; weights are plain data, so this runs anywhere. */
export function createModel(file: ModelFile): LinearModel {
  if (file.featureBits !== FEATURE_BITS) {
    throw Object.assign(new Error(`model has ${file.featureBits} feature bits, code expects ${FEATURE_BITS}`), {
      code: 'MODEL_MISMATCH',
    });
  }
  const w = decodeBase64(file.weights);
  return {
    version: file.version,
    threshold: file.threshold,
    predict(n) {
      const { sum, count } = sumWeights(n, w);
      if (count === 0) return 0;
      const z = (sum * file.scale) / Math.sqrt(count) + file.bias;
      return 1 / (1 + Math.exp(-z));
    },
  };
}

let cached: LinearModel | null = null;
/** The model shipped in the repo, decoded once. */
export function defaultModel(): LinearModel {
  cached ??= createModel(weightsFile as ModelFile);
  return cached;
}
