import type { Token } from './normalise.ts';

// Slurs that are also the second half of an everyday compound: council jargon is
// "gobbledygook" (often written "gobbledy gook"), a Maine coon is a cat. The word before
// decides, so the slur aimed at someone is still caught.
const COMPOUND_BEFORE: Readonly<Record<string, RegExp>> = {
  gook: /^(?:gobbledy|gobblede|gobbledi|gobbeldy|gobbledee|de)$/,
  gooks: /^(?:gobbledy|gobblede|gobbledi|gobbeldy|gobbledee|de)$/,
  coon: /^maine$/,
  coons: /^maine$/,
};

/** tokens[i] is the tail of a harmless compound ("gobbledy gook", "Maine coon"). */
export function isCompoundHomonym(tokens: readonly Token[], i: number): boolean {
  const before = COMPOUND_BEFORE[tokens[i]!.word];
  const prev = tokens[i - 1];
  return before !== undefined && prev !== undefined && before.test(prev.word);
}

/** "Taking the piss", "a piss-take", "a piss-up", "pissing down": British and mild, not swearing at anyone. */
export function isMildIdiom(tokens: readonly Token[], i: number): boolean {
  const w = tokens[i]!.word;
  if (w !== 'piss' && w !== 'pissing') return false;
  const next = tokens[i + 1]?.word ?? '';
  const prev = tokens[i - 1]?.word ?? '';
  if (w === 'piss') return /^(?:take|taker|takers|takes|up|ups|poor)$/.test(next) || prev === 'the';
  return next === 'down' || (next === 'it' && tokens[i + 2]?.word === 'down');
}
