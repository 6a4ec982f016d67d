import { describe, expect, it } from 'vitest';
import { subjectStartBefore, targetEnds } from './noun-phrase.ts';
import { execSplit, splitPattern } from './split-pattern.ts';
import { ADVERBS, BARE_GROUP_WORDS, DET_WORDS, IDIOM_AFTER, INTENT, LETHAL, OWNED_WORDS, PERSON_WORDS, PRONOUN_WORDS, TARGET } from './threat-lexicon.ts';

// The regexes the matcher replaced, rebuilt from the same word lists: the matcher must agree
// with them (they are only compiled here, in the test).
const alt = (words: readonly string[]) => words.join('|');
const TARGET_RE =
  `(?:(?:${alt(BARE_GROUP_WORDS)})(?: people)?(?! (?:are|is|have|will|should|and)\\b)|(?:${alt(DET_WORDS)})` +
  `(?: (?!and\\b|or\\b|but\\b|if\\b|for\\b)[a-z'*]+){0,2} (?:${alt(PERSON_WORDS)})s?(?:(?:'s|s'|') (?:${alt(OWNED_WORDS)}))?` +
  `|(?:${alt(PRONOUN_WORDS)}))\\b(?!')`;
const SUBJECT_RE = `(?:(?:${alt(DET_WORDS)} )?(?:[a-z'*]+ ){0,2}(?:${alt(PERSON_WORDS)})|you|he|she|they|you all|you lot)`;
const SUBJECT_BEFORE_RE = new RegExp(`\\b(?:${SUBJECT_RE})(?: all| like you| like them)*(?: really| honestly| just)? $`);

const PHRASES = [
  'you',
  'you.',
  "you're wrong",
  "you'",
  'yous',
  'ya',
  "y'all now",
  'all of you',
  'the lot of you lot',
  'them all',
  'that councillor',
  'that lying tory councillor',
  'the next mp',
  'your kids',
  "your mum's house",
  "your kids' school",
  "the councillors' allowances",
  'those muslims',
  'muslims',
  'black people',
  'black people are',
  'muslims and jews',
  'the consultation',
  'the high street',
  'a 2nd councillor',
  'the and councillor',
  'the very old man',
  'his lads',
  'her family home',
  'everyone here',
  'the mandate',
  'mps',
  'the mps',
  'every single one of you',
  'her',
  'here',
  'the pair of you',
  'your life',
  'their kids head',
  'any politician',
  'some of them',
  'gays',
  'gay people will',
];

describe('noun phrases: who a threat lands on', () => {
  it.each(PHRASES)('finds the same first end as the TARGET regex in "%s"', (phrase) => {
    const text = `i will kill ${phrase}`;
    const at = 'i will kill '.length;
    const re = new RegExp(TARGET_RE, 'y');
    re.lastIndex = at;
    const m = re.exec(text);
    expect(targetEnds(text, at)[0] ?? -1).toBe(m ? at + m[0].length : -1);
  });

  it('offers every end the pattern could use, longest noun phrase first', () => {
    const text = "kill your mum's house now";
    expect(targetEnds(text, 5)).toEqual([text.indexOf(' now')]);
    const lads = 'kill the lads house';
    expect(targetEnds(lads, 5)).toEqual([lads.length, 'kill the lads'.length]);
  });
});

describe('noun phrases: the subject before a modal', () => {
  it.each([
    'traitors like you ',
    'those kinds of women ',
    'am i wrong to think that those kinds of muslims ',
    'you ',
    'you all really ',
    'the councillor ',
    'that fat useless cllr ',
    'i think they ',
    'he said the man ',
    'nobody ',
    'people like them ',
    'they all just ',
    "men's ",
    'the mandate ',
    'yer man ',
  ])('starts where the SUBJECT regex did in "%s"', (lead) => {
    expect(subjectStartBefore(lead)).toBe(SUBJECT_BEFORE_RE.exec(lead)?.index ?? -1);
  });
});

describe('split patterns', () => {
  const src = `${INTENT}${ADVERBS} (?:${LETHAL}) ${TARGET}(?!${IDIOM_AFTER})`;
  const whole = new RegExp(src.replace(TARGET, `(?:${TARGET_RE})`), 'g');
  const split = splitPattern(src)!;

  it.each([
    "i'm going to kill you",
    'we will burn your house down',
    'i will shoot you an email',
    'we will kill the high street',
    'me and the lads are going to stab that councillor and his family',
    'i want to end you. then i will end them',
    "i'll put a bullet in your head",
    'i would gladly hang every traitor',
    'i could kill for a pint',
    'nothing here',
  ])('finds what the single regex found in "%s"', (text) => {
    const expected = [...text.matchAll(whole)].map((m) => ({ index: m.index, text: m[0] }));
    expect(execSplit(split, text)).toEqual(expected);
  });

  it('refuses a noun phrase that does not follow a space or \\b', () => {
    expect(() => splitPattern(`kill(?:${TARGET})`)).toThrow(/noun phrase/);
  });
});
