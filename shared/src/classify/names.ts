import type { Token } from './normalise.ts';

// Words that tend to follow a place or a street name: "Cock Lane", "Bell End", "Pratts Bottom".
const PLACE_SUFFIX = new Set(
  `lane road street st end hill bottom farm bridge common green way close avenue village town parish ward park hall
   house wood mill moor cross court row gardens square place terrace drive crescent magna parva upon on`.split(/\s+/),
);
// Words that tend to come before a place: "in Twatt", "near Penistone", "from Cockermouth".
const PLACE_BEFORE = new Set(`in at from near to via of visit visiting through towards outside around past for by`.split(/\s+/));
const ADDRESSING = new Set(`you ya u your ur youre you're yer such what`.split(/\s+/));

/**
 * A rude-looking word is a name when it is written like one: capitalised, not shouted, and
 * sitting next to another capitalised word ("Dick Whittington", "Moby Dick"), after a place
 * preposition ("in Twatt") or before a street/place word ("Cock Lane"). "You Twat" is still an insult.
 */
export function isNameUse(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || !t.capitalised || t.allCaps) return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (prev && ADDRESSING.has(prev.word)) return false;
  const capNeighbour = (n: Token | undefined) => !!n && n.word !== 'i' && n.capitalised && !n.allCaps && !ADDRESSING.has(n.word);
  if (capNeighbour(next) && !next!.sentenceStart) return true;
  if (!t.sentenceStart && capNeighbour(prev)) return true;
  if (!t.sentenceStart && prev && PLACE_BEFORE.has(prev.word)) return true;
  if (next && PLACE_SUFFIX.has(next.word)) return true;
  return false;
}
