import { describe, expect, it } from 'vitest';
import { classify } from './classify.ts';
import { isHostile } from './hostile.ts';
import type { LinearModel } from './model.ts';
import { wordId } from './word-ids.ts';

const word = (w: string) => isHostile({ word: w, id: wordId(w) });
const ABUSIVE = ['abuse', 'threat', 'threat_to_life'];

// A model that calls everything abusive: only the guard can keep a sentence clean.
const alwaysAbusive: LinearModel = { version: 'test-always', threshold: 0.5, predict: () => 0.99 };

describe('identity words alone are not hate', () => {
  // Our own wording, the sort of mail councillors get about equality policy.
  const benign = [
    'Trans people are welcome here.',
    'Many gay people live in this town.',
    'I love Muslims.',
    'Immigrants like you make this borough a better place.',
    'Women like you are an inspiration to the whole council.',
    'Are any of the new refugees on the housing list yet?',
    'Black people should be proud of this history month.',
    'Our ward has more disabled people than most.',
  ];
  const hostileTwins = [
    'Gay people like you make me sick.',
    'Women like you should never be allowed near the council.',
    'Disabled people are a drain on this town.',
    'Muslims are vermin.',
    'I despise all Muslims.',
    'Immigrants like you are filthy parasites.',
  ];

  it.each(benign)('keeps "%s" clean with the shipped model', (body) => {
    expect(classify({ body }).severity).toBe('clean');
  });

  it.each(hostileTwins)('still flags "%s"', (body) => {
    expect(ABUSIVE).toContain(classify({ body }).severity);
  });

  it('stops the model from calling a group-naming sentence hate with no hostile word in the message', () => {
    const v = classify({ body: 'Trans people are welcome here.' }, { model: alwaysAbusive });
    expect(v.severity).toBe('clean');
    const twin = classify({ body: 'Trans people are a disgrace to this town.' }, { model: alwaysAbusive });
    expect(twin.severity).toBe('abuse');
    expect(twin.evidence.some((e) => e.source === 'model' && e.category === 'hate')).toBe(true);
  });

  it('looks for the hostile word across sentences of the same message', () => {
    const v = classify({ body: 'Women think they run this town. I despise them.' }, { model: alwaysAbusive });
    expect(v.severity).toBe('abuse');
  });

  it('leaves the model free on sentences aimed at a person with no group word', () => {
    expect(classify({ body: 'You are a joke of a councillor.' }, { model: alwaysAbusive }).severity).toBe('abuse');
  });
});

describe('isHostile', () => {
  it('knows hostile words, their inflections, negation and abuse words', () => {
    for (const w of ['hate', 'hateful', 'disgusting', 'vermin', 'never', "don't", 'worthless', 'twat']) expect(word(w)).toBe(true);
  });
  it('sees through one swapped or dropped letter and glued words', () => {
    for (const w of ['haet', 'sikc', 'stupd', 'fuk', 'ihate', 'sosickening', 'peopledisgust']) expect(word(w)).toBe(true);
  });
  it('leaves everyday words alone', () => {
    for (const w of ['people', 'welcome', 'love', 'group', 'course', 'whatever', 'town', 'proud', 'have', 'late']) {
      expect(word(w)).toBe(false);
    }
  });
});
