import { describe, expect, it } from 'vitest';
import type { Example } from './datasets.ts';
import { PROBE_NEGATIVE_RATIO, PROBE_POSITIVE_WEIGHT, probeThreatItems, sentencesOf } from './probe-training.ts';

const ex = (id: string, text: string, threat: boolean): Example => ({ id, text, threat, abusive: threat, group: '', heldOut: false, source: 'probe' });

describe('probe-set threat-head items', () => {
  it('splits a clean message into the sentences the classifier scores (first to last word, original text)', () => {
    const s = sentencesOf(ex('probe-9:1', 'Thanks for the reply. Could I book a slot at your next surgery? It is about the bins.', false));
    expect(s.map((e) => e.text)).toEqual(['Thanks for the reply', 'Could I book a slot at your next surgery', 'It is about the bins']);
    expect(new Set(s.map((e) => e.id)).size).toBe(3);
  });

  it('adds no sentence copies of a one-sentence message', () => {
    expect(sentencesOf(ex('probe-9:2', 'We are coming for your seat.', false))).toEqual([]);
  });

  it('weighs the domain negatives as much in total as the domain threats', () => {
    const items = probeThreatItems([
      ex('probe-9:1', 'I will find you and hurt you.', true),
      ex('probe-9:2', 'I know where your surgery is.', true),
      ex('probe-9:3', 'Thanks for the reply. See you at the surgery.', false),
    ]);
    const total = (y: number) => items.filter((i) => i.y === y).reduce((s, i) => s + i.weight!, 0);
    expect(items.filter((i) => i.y === 0)).toHaveLength(3);
    expect(total(1)).toBe(2 * PROBE_POSITIVE_WEIGHT);
    expect(total(0)).toBeCloseTo(PROBE_NEGATIVE_RATIO * total(1));
    expect(items.every((i) => i.domain && (i.y === 0) === i.benign)).toBe(true);
  });
});
