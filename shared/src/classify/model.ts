import { FEATURE_BITS, sumWeights, sumWeights2 } from './features.ts';
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
  /** Second head over the same hashed features: is this a threat (of violence or harm)? */
  threat?: HeadFile;
}

/** One more logistic head over the same features; weights int8 × scale, base64. */
export interface HeadFile {
  bias: number;
  scale: number;
  weights: string;
  /** Probability above which this head alone may raise a flag (chosen on a validation fold). */
  threshold: number;
  trainedOn: string[];
}

export interface LinearModel {
  version: string;
  /** Abuse head's threshold. */
  threshold: number;
  /** Abuse head: identity-based hate and insults. */
  predict(n: Normalised): number;
  /** Threat head, when the weights have one. */
  threat?: { threshold: number; predict(n: Normalised): number };
  /** Both heads in one pass over the features (only when there is a threat head). */
  predictBoth?(n: Normalised): { abuse: number; threat: number };
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
  const prob = (sum: number, count: number, scale: number, bias: number) => (count === 0 ? 0 : 1 / (1 + Math.exp(-((sum * scale) / Math.sqrt(count) + bias))));
  const model: LinearModel = {
    version: file.version,
    threshold: file.threshold,
    predict(n) {
      const { sum, count } = sumWeights(n, w);
      return prob(sum, count, file.scale, file.bias);
    },
  };
  const head = file.threat;
  if (head) {
    const t = decodeBase64(head.weights);
    model.threat = {
      threshold: head.threshold,
      predict(n) {
        const { sum, count } = sumWeights(n, t);
        return prob(sum, count, head.scale, head.bias);
      },
    };
    model.predictBoth = (n) => {
      const { sumA, sumB, count } = sumWeights2(n, w, t);
      return { abuse: prob(sumA, count, file.scale, file.bias), threat: prob(sumB, count, head.scale, head.bias) };
    };
  }
  return model;
}

let cached: LinearModel | null = null;
/** The model shipped in the repo, decoded once. */
export function defaultModel(): LinearModel {
  cached ??= createModel(weightsFile as ModelFile);
  return cached;
}
