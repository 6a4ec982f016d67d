import { LEXICON } from './lexicon.ts';
import { memoByWord } from './word-ids.ts';

// Words that carry hostility, contempt, harm or negation. The learned model leans hard on group
// words ("Muslims", "trans people"), so on its own it flags "Muslims are welcome here"; a message
// that names a group must also hold one of these before the model alone may call it hate.
// Negation is listed on purpose: "X are not worth anything" and "never trust an X" are hate with
// no insult in them. Kept to general vocabulary (feelings, dehumanising nouns, harm, exclusion,
// judgement), not to test sentences.

// Whole words (short or with everyday look-alikes when used as prefixes).
const EXACT = `rat rats pig pigs ape apes dog dogs pest pests lie lies liar liars ban bans banned gas out rid
  sick ill bad evil vile foul gross ugly dumb thick weak lazy dirty less than rather wrong fault blame burden
  drain leave away zoo cage cages caged jail prison queer
  not no never nothing nobody none nowhere neither nor cannot without`;
// Stems: any word starting with one counts ("hate" → hated, hateful; "disgust" → disgusting).
const STEMS = `hate hatred despis detest loath abhor disgust disgrac sicken rage enrag anger angry annoy furious infuriat
  irritat resent disdain scorn contempt revolt repuls repugn repel nasty filth smell stink hideous pathetic
  despicab shame embarrass cringe vermin parasit leech animal beast savage monkey insect cockroach roach
  swarm infest invad invasion plague cancer diseas virus trash garbage rubbish waste landfill subhuman
  inferior lesser primitive uncivili backward barbar worthless useless pointless stupid dumbest idiot
  ignoran incompeten brainless moron imbecil criminal crook thie cheat rapist terroris danger menace threat
  problem scroung freeload dishonest untrustworth violen cruel wicked worse worst awful terribl horribl
  dreadful disaster ruin destroy kill die dead death murder shoot shot hang burn exterminat eradicat wipe
  purge cleans suffer beat hurt harm stab dump deport expel outlaw lock punish mistake unfit unworth deserv
  distrust mistrust trust pissed baffl ridicul laugh mock crippl throat strangl execut lynch`;

const EXACT_SET = new Set(EXACT.split(/\s+/).filter(Boolean));
const STEM_LIST = STEMS.split(/\s+/).filter(Boolean);

const STEM_SET = new Set(STEM_LIST);
const listed = (w: string): boolean => EXACT_SET.has(w) || LEXICON.has(w) || STEM_LIST.some((s) => w.startsWith(s));

/** Stems with two neighbouring letters swapped ("haet", "sikc", "deaht"): the commonest typo. */
const TYPO_BASE = [...STEM_LIST, ...EXACT_SET, ...LEXICON.keys()];
const SWAPPED = new Set<string>();
for (const s of TYPO_BASE) {
  if (s.length < 4) continue;
  for (let i = 0; i + 1 < s.length; i++) if (s[i] !== s[i + 1]) SWAPPED.add(s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2));
}
/** Long stems and swear words with one letter dropped ("stupd", "despicble", "fuk"). */
const DROPPED = new Set<string>();
const dropFrom = [...STEM_LIST.filter((s) => s.length >= 6), ...[...LEXICON].filter(([w, e]) => e.strength !== 'mild' && w.length >= 4).map(([w]) => w)];
for (const s of dropFrom) for (let i = 1; i < s.length; i++) DROPPED.add(s.slice(0, i) + s.slice(i + 1));

function misspelt(word: string): boolean {
  if (SWAPPED.has(word) || DROPPED.has(word)) return true;
  // As a prefix ("sikcening"), only from 4 letters: short heads hit everyday words ("pedo" → "peo…").
  for (let k = 4; k < word.length; k++) {
    const head = word.slice(0, k);
    if (SWAPPED.has(head) || DROPPED.has(head)) return true;
  }
  return false;
}

/** A hostile word glued to its neighbour ("peopledisgust", "sosickening", "ihate", "fuckall"). */
function glued(word: string): boolean {
  if (word.length < 5) return false;
  for (let k = 1; k <= word.length - 4; k++) {
    const tail = word.slice(k);
    const head = word.slice(0, word.length - k);
    if (STEM_SET.has(tail) || EXACT_SET.has(tail) || LEXICON.has(tail) || LEXICON.has(head)) return true;
    if (STEM_LIST.some((s) => s.length >= 5 && tail.startsWith(s))) return true;
  }
  return false;
}

/** A word that makes a message naming a group possibly hostile (any listed abuse word counts too). */
export const isHostile = memoByWord((word) => word.endsWith("n't") || listed(word) || misspelt(word) || glued(word));
