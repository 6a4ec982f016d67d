import { describe, expect, it } from 'vitest';
import { classify } from './classify.ts';
import { extractFeatures, FEATURE_BITS } from './features.ts';
import weights from './model-weights.json' with { type: 'json' };
import { createModel, defaultModel, encodeWeights } from './model.ts';
import type { LinearModel, ModelFile } from './model.ts';
import { normalise } from './normalise.ts';
import { VOCABULARY } from './vocabulary.ts';

const file = weights as ModelFile;
const norm = (s: string) => normalise(s, { vocabulary: VOCABULARY });

describe('linear model', () => {
  it('ships weights small enough for the extension and the Worker bundle', () => {
    expect(JSON.stringify(weights).length).toBeLessThan(800_000);
  });

  it('scores hateful sentences above the same sentence made positive', () => {
    const m = defaultModel();
    const hateful = m.predict(normalise('Those immigrants are a plague on this country'));
    const kind = m.predict(normalise('Those immigrants are a blessing to this country'));
    expect(hateful).toBeGreaterThan(kind);
  });

  it('round-trips quantised weights through base64 without loss', () => {
    // Give each feature of one sentence a known int8 weight; the decoded model must reproduce
    // sum × scale / √count + bias exactly.
    const n = norm('You are a disgrace to this town');
    const feats = extractFeatures(n);
    const bytes = new Int8Array(1 << FEATURE_BITS);
    const values = [0, 1, -1, 127, -128, 42, -7];
    feats.forEach((f, i) => (bytes[f] = values[i % values.length]!));
    let sum = 0;
    for (const f of feats) sum += bytes[f]!;
    const model = createModel({ ...file, weights: encodeWeights(bytes), scale: 0.01, bias: 0.5, threat: undefined });
    expect(model.version).toBe(file.version);
    expect(model.predict(n)).toBeCloseTo(1 / (1 + Math.exp(-((sum * 0.01) / Math.sqrt(feats.length) + 0.5))), 12);
  });

  it('refuses weights trained for a different feature space', () => {
    expect(() => createModel({ ...file, featureBits: 12 })).toThrow(/feature bits/);
  });
});

describe('threat head', () => {
  it('loads from the shipped weights, with a threshold chosen in training and its sources named', () => {
    const m = defaultModel();
    expect(m.threat).toBeDefined();
    expect(m.threat!.threshold).toBeGreaterThanOrEqual(0.5);
    expect(m.threat!.threshold).toBeLessThan(1);
    expect(file.threat!.trainedOn.join(' ')).toMatch(/Gab Hate Corpus/);
  });

  it('decodes deterministically: two decodes of the file give identical scores', () => {
    const a = createModel(file);
    const b = createModel(JSON.parse(JSON.stringify(file)) as ModelFile);
    for (const s of ['I am going to put a bullet in your head', 'See you at the meeting on Tuesday']) {
      expect(a.threat!.predict(norm(s))).toBe(b.threat!.predict(norm(s)));
      expect(a.predictBoth!(norm(s))).toEqual({ abuse: a.predict(norm(s)), threat: a.threat!.predict(norm(s)) });
    }
  });

  it('scores a clear threat above its threshold and benign sentences below', () => {
    const m = defaultModel();
    expect(m.threat!.predict(norm('I am going to put a bullet in your head'))).toBeGreaterThanOrEqual(m.threat!.threshold);
    for (const s of [
      'Thank you for your help with the planning application',
      'I will see you at the meeting on Tuesday',
      'You are wrong about the council tax rise and I will vote against you',
    ]) {
      expect(m.threat!.predict(norm(s))).toBeLessThan(m.threat!.threshold);
    }
  });
});

describe('threat head in classify', () => {
  // A stub model whose threat head fires on everything: isolates classify's gating from the weights.
  const stub = (threat: number): LinearModel => ({
    version: 'stub',
    threshold: 0.99,
    predict: () => 0,
    threat: { threshold: 0.9, predict: () => threat },
    predictBoth: () => ({ abuse: 0, threat }),
  });

  it('adds a model:threat hit, sourced to the model, with the sentence as the phrase', () => {
    const body = 'People like you will get what is coming.';
    const v = classify({ body }, { model: stub(0.97) });
    expect(v.severity).toBe('threat');
    const e = v.evidence.find((x) => x.rule === 'model:threat');
    expect(e).toMatchObject({ category: 'threat', source: 'model', phrase: body.replace(/\.$/, '').trim() });
  });

  it('stays quiet below the threshold', () => {
    expect(classify({ body: 'People like you will get what is coming.' }, { model: stub(0.5) }).evidence.some((x) => x.rule === 'model:threat')).toBe(false);
  });

  it('does not fire on sentences aimed at no one', () => {
    expect(classify({ body: 'The library opens at nine on Saturdays.' }, { model: stub(0.97) }).severity).toBe('clean');
  });

  it('does not repeat a threat a rule already found in that sentence', () => {
    const v = classify({ body: 'I will kill you.' }, { model: stub(0.97) });
    expect(v.evidence.some((x) => x.rule !== 'model:threat' && (x.category === 'threat' || x.category === 'threat_to_life'))).toBe(true);
    expect(v.evidence.some((x) => x.rule === 'model:threat')).toBe(false);
  });
});
