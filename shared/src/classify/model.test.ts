import { describe, expect, it } from 'vitest';
import weights from './model-weights.json' with { type: 'json' };
import { createModel, defaultModel, encodeBase64 } from './model.ts';
import type { ModelFile } from './model.ts';
import { normalise } from './normalise.ts';

describe('linear model', () => {
  it('ships weights small enough for the extension and the Worker bundle', () => {
    expect(JSON.stringify(weights).length).toBeLessThan(2_000_000);
  });

  it('scores hateful sentences above the same sentence made positive', () => {
    const m = defaultModel();
    const hateful = m.predict(normalise('Those immigrants are a plague on this country'));
    const kind = m.predict(normalise('Those immigrants are a blessing to this country'));
    expect(hateful).toBeGreaterThan(kind);
  });

  it('round-trips quantised weights through base64 without loss', () => {
    const bytes = Int8Array.from([0, 1, -1, 127, -128, 42, -7]);
    const file: ModelFile = { ...(weights as ModelFile), weights: encodeBase64(bytes), scale: 1, bias: 0 };
    const model = createModel(file);
    expect(model.version).toBe((weights as ModelFile).version);
  });

  it('refuses weights trained for a different feature space', () => {
    expect(() => createModel({ ...(weights as ModelFile), featureBits: 12 })).toThrow(/feature bits/);
  });
});
