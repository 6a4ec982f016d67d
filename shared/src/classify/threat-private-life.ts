import type { WarningSign } from './threat-warning-signs.ts';
import { wordId, type WordRef } from './word-ids.ts';

// Sentence-level warning signs that single phrases cannot catch, because their words are
// ordinary and only their arrangement is not: the reader's private life (children, home, car,
// routine) in the same sentence as proof of watching ("seen", "clocked", "know which") or a
// knowing tag question ("your kids go to St Aidan's, don't they"); hypothetical harm put as
// regret ("be a shame if anything happened", "would hate for anything to happen"); a quiet
// place pointed out with a knowing tag; and a bare order about a council decision. Each is still only one sign:
// combineWarningSigns needs two different kinds in a message, so a constituent who mentions
// the councillor's children, or demands a decision is reversed, is not flagged for that alone.

const KIN = `(?:lad|lass|son|sons|daughter|daughters|boy|boys|girl|girls|kids|kid|kid's|kids'|children|little ones|wife|husband|missus|partner|mum|mam|mum's|dad|mother|father|nan|family)`;
const PLACE = `(?:house|home|flat|bungalow|bedroom|front door|back door|door|garden|driveway|drive|car|motor|van|route|run|walk home|routine|address|windows?)`;
/** The reader's own: "your kids", "ur little lad", "yer motor", "outside yours". */
const READERS = new RegExp(`\\b(?:your|ur|yer|yor)(?: [a-z']+){0,2}? (?:${KIN}|${PLACE})\\b|\\b(?:outside|past|near|round|at) yours\\b`);
/** Seen in person, or known in a detail only a watcher would have. */
const OBSERVED = new RegExp(
  `\\b(?:seen|saw|watched|watching|clocked|noticed|followed|following|spotted|been sat|sat outside|parked outside)\\b|\\b(?:know|knw|no) (?:which|where|what time|when|wich|wot time)\\b`,
);
/** A tag question closing on the reader's life: "…don't they", "…isn't it". */
const TAG = /\b(?:isn'?t|isnt|don'?t|dont|doesn'?t|doesnt|aren'?t|arent|wasn'?t|hasn'?t|haven'?t|didn'?t) (?:it|they|he|she|you|there)\b|\binnit\b/;
const KNOWING_TAG =
  /\b(?:isn'?t|isnt|don'?t|dont|doesn'?t|doesnt|aren'?t|arent|wasn'?t|hasn'?t|haven'?t|didn'?t|innit) (?:it|they|he|she|you|there)\b\W*$|\binnit\W*$/;
/** Harm to the reader put as regret: "be a shame if anything happened", "…if the brakes went". */
const REGRET = new RegExp(
  `\\b(?:be|it'?d be|would be|it would be|that'?d be)(?: a)?(?: real| such a| terrible| awful| right)? (?:shame|pity|tragedy) if (?:anything|something|owt|you|u|ya|your|ur|yer|the brakes|(?:it|that|the [a-z]+) (?:caught fire|went up|burnt down|burned down))\\b|\\b(?:would|i'?d|we'?d) hate (?:for )?(?:anything|something) (?:bad )?to happen\\b|\\b(?:no ?one|nobody|no-one) (?:needs|has|have) to get hurt\\b`,
);
/** A quiet spot pointed out with a knowing tag ("very quiet down there, isn't it"), or the walk home. */
const LONELY_PLACE = /\b(?:very|so|nice and|awful|really|pretty) (?:quiet|dark|lonely|isolated|deserted) (?:down|round|up|out|along|over) (?:there|here)\b/;
const WALK_HOME = /\b(?:lovely|long|dark|lonely|quiet) walk home\b/;
/** Words without which REGRET cannot match: a cheap first look. */
const REGRET_WORD = /\b(?:shame|pity|tragedy|hate|hurt)\b/;
const DEMAND_VERB = /\b(?:drop|withdraw|reverse|reconsider|scrap|overturn|pull|cancel|rethink)\b/;
const DEMAND =
  /^(?:(?:now |so )?(?:drop|withdraw|reverse|reconsider|scrap|overturn|pull|cancel|rethink)) (?:the|your|that|this|ur|yer) (?:[a-z'-]+ ){0,3}(?:objection|objections|decision|refusal|plans?|vote|application|scheme|licen[cs]e|motion|closure|policy|order|complaint)\b/;

/** The warning-sign kinds one sentence (normalised text) shows by its arrangement. */
export function sentenceSigns(sentence: string): WarningSign[] {
  const out: WarningSign[] = [];
  if (READERS.test(sentence) && (OBSERVED.test(sentence) || KNOWING_TAG.test(sentence))) out.push('watching');
  if (REGRET.test(sentence)) out.push('ominous-close');
  if ((LONELY_PLACE.test(sentence) && KNOWING_TAG.test(sentence)) || WALK_HOME.test(sentence)) out.push('exposed');
  if (DEMAND.test(sentence)) out.push('demand');
  return out;
}

/**
 * Whether a message (normalised text) could show any of these signs: one pass over the whole
 * text, so that most mail skips the sentence-by-sentence look (the classifier's speed budget).
 */
export function mayShowSentenceSigns(tokens: readonly WordRef[]): boolean {
  // One pass over the word ids the normaliser already gave each token: a regex or even a
  // substring search over the whole text costs several times more, and most mail has none of these.
  let seen = 0;
  for (const t of tokens) if (t.id >= 0 && t.id < TRIGGERS.length) seen |= TRIGGERS[t.id]!;
  if (seen & (DEMANDS | REGRETS)) return true;
  return (seen & (OBSERVES | TAGS)) !== 0 && (seen & (READER | PLACE_WORD)) !== 0;
}

const DEMANDS = 1;
const REGRETS = 2;
const OBSERVES = 4;
const TAGS = 8;
const READER = 16;
const PLACE_WORD = 32;
/** Bit flags by word id: which of these sentence-level signs a word can start. */
const TRIGGERS: Uint8Array = (() => {
  const groups: Array<[number, string]> = [
    [DEMANDS, 'drop withdraw reverse reconsider scrap overturn pull cancel rethink'],
    [REGRETS, 'shame pity tragedy hate hurt'],
    [OBSERVES, 'seen saw watched watching clocked noticed followed following spotted sat parked know knw no'],
    [TAGS, "isn't isnt don't dont doesn't doesnt aren't arent wasn't hasn't haven't didn't innit"],
    [READER, 'your ur yer yor yours'],
    [PLACE_WORD, 'quiet dark lonely isolated deserted walk'],
  ];
  const ids = groups.flatMap(([bit, list]) => list.split(' ').map((w) => [wordId(w), bit] as const));
  const table = new Uint8Array(Math.max(...ids.map(([id]) => id)) + 1);
  for (const [id, bit] of ids) if (id >= 0) table[id]! |= bit;
  return table;
})();
