import { base64ToBytes, bytesToBase64 } from '../encoding/base64.ts';
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

// Weights are signed bytes, stored as base64 in model-weights.json.
function decodeWeights(text: string): Int8Array {
  const bytes = base64ToBytes(text);
  if (!bytes) throw new Error('The model weights are not base64.');
  return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export const encodeWeights = (weights: Int8Array): string => bytesToBase64(new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength));

/** Logistic regression over hashed features; weights are plain data, so this runs anywhere. */
export function createModel(file: ModelFile): LinearModel {
  if (file.featureBits !== FEATURE_BITS) {
    throw Object.assign(new Error(`model has ${file.featureBits} feature bits, code expects ${FEATURE_BITS}`), {
      code: 'MODEL_MISMATCH',
    });
  }
  const w = decodeWeights(file.weights);
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
    const t = decodeWeights(head.weights);
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
