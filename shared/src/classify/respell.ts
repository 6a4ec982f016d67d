import { LEXICON_WORDS } from './lexicon.ts';
import { Builder } from './offset-map.ts';
import type { Mapped } from './offset-map.ts';

// Stage 4 of the normaliser: words written so that a word list misses them, read as the word
// the sender meant. Three mechanisms, each narrow on purpose:
// - misspelt and slang harm words ("kil", "ded", "merked"): a fixed table, because the same
//   few spellings recur and a fuzzy match would turn "skill" or "deed" into threats;
// - masked harm words ("k*ll", "sh**t"): a star stands for one letter; read as the only harm
//   word that fits, unless a swear word also fits ("sh*t" stays a swear word);
// - hashtags that glue a call to violence together ("#hangthemall"): split into known words,
//   kept only when the split holds a harm verb and someone it lands on.

const SPELLING: ReadonlyMap<string, string> = new Map([
  ['kil', 'kill'],
  ['kiled', 'killed'],
  ['kild', 'killed'],
  ['killd', 'killed'],
  ['ded', 'dead'],
  ['deth', 'death'],
  ['wil', 'will'],
  ['wiil', 'will'],
  ['wll', 'will'],
  ['stabb', 'stab'],
  ['stabed', 'stabbed'],
  ['murda', 'murder'],
  ['murdah', 'murder'],
  ['murderd', 'murdered'],
  ['merk', 'kill'],
  ['merked', 'killed'],
  ['merking', 'killing'],
  ['murk', 'kill'],
  ['murked', 'killed'],
  ['duppy', 'kill'],
  ['duppied', 'killed'],
  ['unalive', 'kill'],
  ['unalived', 'killed'],
  ['shankd', 'shanked'],
  ['hangd', 'hanged'],
  ['shoted', 'shot'],
  // Text-speak that hides a harm word or the tense that makes it a threat ("ur getin smakd").
  ['smakd', 'smacked'],
  ['smackd', 'smacked'],
  ['slapd', 'slapped'],
  ['kikd', 'kicked'],
  ['stabd', 'stabbed'],
  ['getin', 'getting'],
  ['gettin', 'getting'],
  ['nxt', 'next'],
  ['fukin', 'fucking'],
  ['fkin', 'fucking'],
  ['fuckin', 'fucking'],
  ['famly', 'family'],
  ['eny', 'any'],
  ['councilor', 'councillor'],
  ['councilors', 'councillors'],
  ['wiv', 'with'],
  ['shud', 'should'],
]);

// Single letters that stand for a word only after the word that makes them text-speak:
// "u r" is "you are" and "i c u" is "I see you", but "plan c" and "Mr R Shah" stay letters.
const LETTER_WORDS: ReadonlyMap<string, { word: string; after: ReadonlySet<string> }> = new Map([
  ['r', { word: 'are', after: new Set(['u', 'you', 'ya', 'ye', 'we', 'they', 'yous']) }],
  ['c', { word: 'see', after: new Set(['i', 'il', 'ill', "i'll", 'will', 'wil', 'we', 'to', "we'll"]) }],
]);

const HARM_WORDS = `kill killed killing die dead death shoot shot stab stabbed murder murdered hang hanged rape raped
  burn behead lynch hurt beat punch strangle execute bullet noose`
  .split(/\s+/)
  .filter(Boolean);
const SWEAR_WORDS = [...LEXICON_WORDS];

function fits(masked: string, word: string): boolean {
  if (masked.length !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (masked[i] !== '*' && masked[i] !== word[i]) return false;
  return true;
}

/** The harm word a masked word stands for, or null when none or more than one reading fits. */
export function unmask(masked: string): string | null {
  if (!/^[a-z][a-z*]*[a-z*]$/.test(masked) || !masked.includes('*')) return null;
  if (SWEAR_WORDS.some((w) => fits(masked, w))) return null;
  const harm = HARM_WORDS.filter((w) => fits(masked, w));
  return harm.length === 1 ? harm[0]! : null;
}

const HASHTAG_VERBS = new Set(`kill hang shoot burn stab lynch execute gas behead murder bomb string shank knife torch bury drown`.split(' '));
const HASHTAG_TARGETS = new Set(
  `them em him her you all the every traitors tories tory mps mp councillors councillor politicians mayor libs lefties remoaners
   leavers muslims immigrants jews gays blacks paedos nonces scum rats globalists elites`.split(/\s+/),
);
const HASHTAG_WORDS = new Set([...HASHTAG_VERBS, ...HASHTAG_TARGETS, 'up', 'now', 'death', 'to', 'of', 'lot', 'last', 'one', 'and', 'em', 'down']);

/** "hangthemall" → ["hang", "them", "all"] when it splits into known words with a verb and a target; else null. */
export function splitHashtag(tag: string): string[] | null {
  if (tag.length < 6 || tag.length > 40) return null;
  // best[i] = a split of tag[0, i) into known words, fewest words first.
  const best: Array<string[] | null> = new Array(tag.length + 1).fill(null);
  best[0] = [];
  for (let i = 1; i <= tag.length; i++) {
    for (let j = Math.max(0, i - 12); j < i; j++) {
      const prev = best[j];
      if (!prev) continue;
      const piece = tag.slice(j, i);
      if (!HASHTAG_WORDS.has(piece)) continue;
      if (!best[i] || best[i]!.length > prev.length + 1) best[i] = [...prev, piece];
    }
  }
  const split = best[tag.length];
  if (!split || split.length < 2) return null;
  const verb = split.findIndex((w) => HASHTAG_VERBS.has(w));
  return verb !== -1 && split.slice(verb + 1).some((w) => HASHTAG_TARGETS.has(w)) ? split : null;
}

const WORD = /[a-z*][a-z*']*/g;
const QUICK = new RegExp(`\\*|\\b(?:${[...SPELLING.keys(), ...LETTER_WORDS.keys()].join('|')})\\b`);

/** The text with misspelt, masked and hashtagged harm words read as meant; offsets kept. */
export function respell(m: Mapped, original: string): Mapped {
  // One regex pass decides whether any word needs a look: most email has none.
  if (!QUICK.test(m.text) && !original.includes('#')) return m;
  const edits: Array<[number, number, string]> = [];
  WORD.lastIndex = 0;
  let previous = '';
  for (let match = WORD.exec(m.text); match; match = WORD.exec(m.text)) {
    const word = match[0];
    const at = match.index;
    const letter = LETTER_WORDS.get(word);
    const after = previous;
    previous = word;
    let out = SPELLING.get(word) ?? (letter?.after.has(after) ? letter.word : null);
    if (out === null && word.includes('*')) out = unmask(word);
    if (out === null && word.length >= 6 && original[m.starts[at]! - 1] === '#') out = splitHashtag(word)?.join(' ') ?? null;
    if (out !== null) edits.push([at, at + word.length, out]);
  }
  if (edits.length === 0) return m;
  const b = new Builder(m.text.length + 16);
  let last = 0;
  for (const [from, to, text] of edits) {
    b.copy(m, last, from);
    const s = m.starts[from]!;
    const e = m.ends[to - 1]!;
    for (const ch of text) b.push({ ch, s, e });
    last = to;
  }
  b.copy(m, last, m.text.length);
  return b.done();
}
