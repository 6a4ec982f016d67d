import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { Filter } from 'bad-words';
import leo from 'leo-profanity';
import { profanity } from '@2toad/profanity';

/** A popular npm profanity filter, reduced to "does it flag this text". */
export interface Baseline {
  name: string;
  flags(text: string): boolean;
}

export function createBaselines(): Baseline[] {
  const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  const badWords = new Filter();
  return [
    { name: 'obscenity 0.4.6', flags: (t) => obscenity.hasMatch(t) },
    { name: 'bad-words 4.1.5', flags: (t) => badWords.isProfane(t) },
    { name: 'leo-profanity 1.9.0', flags: (t) => leo.check(t) },
    { name: '@2toad/profanity 3.3.0', flags: (t) => profanity.exists(t) },
  ];
}
