// Training pieces shared by `npm run train` (the shipped weights) and `npm run eval` (threat heads
// trained in memory with one source held out). Deterministic: seeded shuffle, fixed epochs.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { extractFeatures, FEATURE_BITS } from '../../src/classify/features.ts';
import { encodeWeights } from '../../src/classify/model.ts';
import type { HeadFile } from '../../src/classify/model.ts';
import { normalise } from '../../src/classify/normalise.ts';
import { VOCABULARY } from '../../src/classify/vocabulary.ts';
import { DATA_DIR, fold, loadDavidson, loadGabHate, loadHateCheck, loadLatentHatred, loadProbeSets, loadToxicSpans } from './datasets.ts';
import { probeThreatItems } from './probe-training.ts';
import type { Example } from './datasets.ts';
import { mulberry32, shuffle } from './rng.ts';

export interface Row {
  feats: Uint32Array;
  y: number;
  weight: number;
}

export interface Weights {
  w: Float64Array;
  bias: number;
}

export interface FitOptions {
  seed: number;
  epochs: number;
  learningRate: number;
  l2: number;
}

export const SEED = 20260523;
export const ABUSE_FIT: FitOptions = { seed: SEED, epochs: 6, learningRate: 0.5, l2: 1e-6 };
export const THREAT_FIT: FitOptions = { seed: SEED + 1, epochs: 6, learningRate: 0.3, l2: 1e-6 };

/** The validation fold (one in ten, by id) on which thresholds are chosen. */
export const isValidation = (e: Example): boolean => fold(e.id, 10) === 7;

const featureCache = new Map<string, Uint32Array>();
export function featuresOf(ex: Example): Uint32Array {
  let f = featureCache.get(ex.id);
  if (!f) {
    f = extractFeatures(normalise(ex.text, { vocabulary: VOCABULARY }));
    featureCache.set(ex.id, f);
  }
  return f;
}

/** Rows with the positives up-weighted so rare positives are not drowned out. */
export function toRows(items: Array<{ ex: Example; y: number; weight?: number }>, maxPositiveWeight = Infinity): Row[] {
  const pos = items.filter((i) => i.y === 1 && i.weight === undefined).length;
  const neg = items.filter((i) => i.y === 0 && i.weight === undefined).length;
  const pw = Math.min(neg / Math.max(pos, 1) / 2 + 0.5, maxPositiveWeight);
  return items.map(({ ex, y, weight }) => ({ feats: featuresOf(ex), y, weight: weight ?? (y === 1 ? pw : 1) }));
}

/** Logistic regression by SGD over hashed features (1/√n feature scaling). */
export function fit(rows: Row[], o: FitOptions): Weights {
  const w = new Float64Array(1 << FEATURE_BITS);
  let bias = 0;
  const rand = mulberry32(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const lr = o.learningRate / (1 + epoch);
    for (const r of shuffle(rows, rand)) {
      if (r.feats.length === 0) continue;
      const x = 1 / Math.sqrt(r.feats.length);
      let z = bias;
      for (const f of r.feats) z += w[f]! * x;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - r.y) * r.weight;
      for (const f of r.feats) w[f] = w[f]! - lr * (g * x + o.l2 * w[f]!);
      bias -= lr * g * 0.1;
    }
  }
  return { w, bias };
}

export function predict(m: Weights, feats: Uint32Array): number {
  if (feats.length === 0) return 0;
  let z = 0;
  for (const f of feats) z += m.w[f]!;
  z = z / Math.sqrt(feats.length) + m.bias;
  return 1 / (1 + Math.exp(-z));
}

/** Best-F1 threshold whose false-positive rate on the validation negatives stays ≤ maxFpr (abuse head). */
export function chooseF1Threshold(m: Weights, val: Row[], maxFpr: number): { t: number; f1: number } {
  const scored = val.map((r) => ({ p: predict(m, r.feats), y: r.y }));
  const negatives = scored.filter((s) => s.y === 0).length;
  let best = { t: 0.9, f1: -1 };
  for (let t = 0.5; t <= 0.995; t += 0.005) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const s of scored) {
      if (s.p >= t && s.y === 1) tp++;
      else if (s.p >= t) fp++;
      else if (s.y === 1) fn++;
    }
    if (fp / Math.max(negatives, 1) > maxFpr) continue;
    const f1 = (2 * tp) / Math.max(2 * tp + fp + fn, 1);
    if (f1 > best.f1) best = { t, f1 };
  }
  return { t: Math.round(best.t * 1000) / 1000, f1: best.f1 };
}

export interface ThreatValidationRow extends Row {
  /** Benign (not abusive at all), as opposed to abusive-but-not-a-threat. */
  benign: boolean;
  /** Mail to officials (our probe sets): casework and criticism in the head's own domain. */
  domain?: boolean;
}

/** Threat head's false-positive limits on the validation fold. */
export const THREAT_MAX_FPR_BENIGN = 0.002;
export const THREAT_MAX_FPR_NON_THREAT = 0.005;
/** …and its mail to officials (probe-set clean messages and their sentences) ≤ 1 %. */
export const THREAT_MAX_FPR_DOMAIN = 0.01;

/**
 * Threat head threshold: the lowest (highest-recall) threshold at which the validation fold's
 * benign texts are flagged ≤ 0.2 %, all its non-threats (incl. abuse) ≤ 0.5 % and its clean mail
 * to officials ≤ 1 %. The floor of 0.5
 * keeps the head from speaking on a coin toss.
 */
export function chooseThreatThreshold(m: Weights, val: ThreatValidationRow[]): { t: number; recall: number; fprBenign: number; fprNonThreat: number } {
  const scored = val.map((r) => ({ p: predict(m, r.feats), y: r.y, benign: r.benign, domain: r.domain === true }));
  const pos = scored.filter((s) => s.y === 1);
  const nonThreat = scored.filter((s) => s.y === 0);
  const benign = nonThreat.filter((s) => s.benign);
  const domain = nonThreat.filter((s) => s.domain);
  let best = { t: 0.995, recall: 0, fprBenign: 0, fprNonThreat: 0 };
  for (let t = 0.995; t >= 0.5 - 1e-9; t -= 0.005) {
    const fprBenign = benign.filter((s) => s.p >= t).length / Math.max(benign.length, 1);
    const fprNonThreat = nonThreat.filter((s) => s.p >= t).length / Math.max(nonThreat.length, 1);
    const fprDomain = domain.filter((s) => s.p >= t).length / Math.max(domain.length, 1);
    if (fprBenign > THREAT_MAX_FPR_BENIGN || fprNonThreat > THREAT_MAX_FPR_NON_THREAT || fprDomain > THREAT_MAX_FPR_DOMAIN) break;
    best = { t: Math.round(t * 1000) / 1000, recall: pos.filter((s) => s.p >= t).length / Math.max(pos.length, 1), fprBenign, fprNonThreat };
  }
  return best;
}

export function quantise(w: Float64Array): { scale: number; bytes: Int8Array } {
  let max = 0;
  for (const v of w) max = Math.max(max, Math.abs(v));
  const scale = max / 127 || 1;
  const bytes = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) bytes[i] = Math.round(w[i]! / scale);
  return { scale, bytes };
}

export function headFile(m: Weights, threshold: number, trainedOn: string[]): HeadFile {
  const { scale, bytes } = quantise(m.w);
  return {
    bias: Math.round(m.bias * 1e4) / 1e4,
    scale: Number(scale.toPrecision(6)),
    weights: encodeWeights(bytes),
    threshold,
    trainedOn,
  };
}

/**
 * Runs every example's text through `node ../shared/tools/private-test-guard.mjs` (JSON lines on
 * stdin, kept lines on stdout) and returns the examples it kept. Anything that goes into
 * training or threshold tuning must pass through here first.
 */
export function privateTestGuard(examples: Example[]): { kept: Example[]; dropped: number; report: string } {
  const guard = join(DATA_DIR, '..', 'tools', 'private-test-guard.mjs');
  const input = examples.map((e, i) => JSON.stringify({ i, text: e.subject ? `${e.subject}\n${e.text}` : e.text })).join('\n') + '\n';
  const res = spawnSync(process.execPath, [guard], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (res.status !== 0 || res.error) {
    throw Object.assign(new Error(`private-test guard failed: ${res.error?.message ?? res.stderr}`), { code: 'GUARD_FAILED' });
  }
  const keep = new Set<number>();
  for (const line of res.stdout.split('\n')) if (line.trim()) keep.add((JSON.parse(line) as { i: number }).i);
  const kept = examples.filter((_, i) => keep.has(i));
  return { kept, dropped: examples.length - kept.length, report: res.stderr.trim() };
}

/** Where a threat-head example came from, for the counts and the held-out rotation. */
export const sourceOf = (e: Example): string => e.source ?? e.id.slice(0, e.id.indexOf(':'));

export interface ThreatItem {
  ex: Example;
  y: number;
  benign: boolean;
  /** Row weight, when not the default (positives up-weighted, negatives 1). */
  weight?: number;
  domain?: boolean;
}

/**
 * Candidate training items for the threat head, before the guard and before any held-out
 * source is removed. Positives: Gab Hate Corpus `cv` (train split), Latent Hatred
 * `threatening`, Toxic Spans comments with a Threat span from ≥ 2 annotators. Negatives: every
 * other labelled post of those sources, Davidson tweets (4 in 5) and HateCheck non-threat
 * cases (training templates). Plus our probe sets of mail to officials (`probe`, all sets unless
 * told), domain-balanced (see probe-training.ts). Never: GHC test split, HateCheck threat_* and spell_* cases and held-out
 * templates, Davidson's held-out fifth, Toxic Spans comments with one threat annotator.
 */
export function threatCandidates(probe: Example[] = loadProbeSets()): ThreatItem[] {
  const item = (ex: Example): ThreatItem => ({ ex, y: ex.threat ? 1 : 0, benign: !ex.abusive });
  const hc = loadHateCheck()
    .filter((e) => !e.heldOut && !e.threat)
    .map((e) => item({ ...e, source: 'hatecheck' }));
  const dv = loadDavidson()
    .filter((e) => !e.heldOut)
    .map((e) => item({ ...e, source: 'davidson' }));
  const ghc = loadGabHate()
    .filter((e) => !e.heldOut)
    .map(item);
  const lh = loadLatentHatred().map(item);
  const ts = loadToxicSpans()
    .filter((e) => !e.unsure)
    .map(item);
  return [...hc, ...dv, ...ghc, ...lh, ...ts, ...probeThreatItems(probe)];
}

/** Train a threat head on `items` (validation fold for the threshold, then refit on everything). */
export function trainThreatHead(items: ThreatItem[], log: (s: string) => void = () => {}): { weights: Weights; threshold: number } {
  const train = items.filter((i) => !isValidation(i.ex));
  const val = items.filter((i) => isValidation(i.ex));
  const trainRows = toRows(train, THREAT_MAX_POSITIVE_WEIGHT);
  const valRows: ThreatValidationRow[] = toRows(val, THREAT_MAX_POSITIVE_WEIGHT).map((r, k) => ({
    ...r,
    benign: val[k]!.benign,
    domain: val[k]!.domain === true,
  }));
  const chosen = chooseThreatThreshold(fit(trainRows, THREAT_FIT), valRows);
  log(
    `threat head: ${trainRows.length} train (${train.filter((i) => i.y === 1).length} threats), ${valRows.length} validation (${val.filter((i) => i.y === 1).length} threats); ` +
      `threshold ${chosen.t.toFixed(3)}: validation recall ${(chosen.recall * 100).toFixed(1)}%, benign flagged ${(chosen.fprBenign * 100).toFixed(2)}%, non-threats flagged ${(chosen.fprNonThreat * 100).toFixed(2)}%`,
  );
  const weights = fit(toRows(items, THREAT_MAX_POSITIVE_WEIGHT), THREAT_FIT);
  return { weights, threshold: chosen.t };
}

/** Cap on the positives' up-weighting: ~900 threats against ~90 k others. */
export const THREAT_MAX_POSITIVE_WEIGHT = 20;
