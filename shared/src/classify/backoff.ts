import { insideSingleQuotesOf, isReported, reportFloor, sentenceFloor } from './context.ts';
import { notInPlay } from './play.ts';
import type { Hit } from './hit.ts';
import type { Normalised, Token } from './normalise.ts';
import { memoByWord } from './word-ids.ts';

// A general back-off for threats phrased in ways the patterns in threat.ts do not list:
// within one sentence, a harm word + the reader as target + a sign of intent or future.
// "I'll take a machete to you", "you're getting shot, I promise". Lower confidence than the
// patterns (score 0.6) and it only ever raises `threat` / `threat_to_life` with its own rule
// name, so an officer can tell it apart.

const w = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Harm that happens to someone: the reader must be its subject, just before it ("you … getting shot"). */
const LETHAL_STATE = w(`dead death die dies shot stabbed killed murdered hanged lynched executed strangled drowned buried
  firebombed torched shanked slaughtered beheaded`);
const HURT_STATE = w(`beaten battered hurt injured kneecapped glassed smacked slapped punched kicked decked thumped lamped
  bottled striped chibbed slashed knifed headbutted`);
/** Weapons and their results: the reader may be on either side ("a machete to you", "your grave"). */
const LETHAL_THING = w(`grave graves coffin noose machete knife knives gun guns bullet bullets acid petrol bodybag`);
const HURT_THING = w(`beating bone bones hospital`);
/** Harm as an action: the reader must come after it ("stab you"), not before ("you will kill the high street"). */
const LETHAL_ACT = w(`kill killing murder murdering stab stabbing shoot shooting strangle strangling drown bury hang lynch
  execute torch firebomb burn behead slit gut shank rape raping butcher slaughter`);
const HURT_ACT = w(`hurt hurting punch punching kick kicking batter battering smash smashing beat glass headbutt`);
const COMMS = w(`email emails e-mail message messages text texts dm pm note invite link copy update reply call line`);
const READER = w(`you ya u yous youse yourself you're youre you'll youll you've ye`);
const READER_OWNED = w(`family kids children wife husband son daughter house home head face body neck throat life legs`);
const OFFICE = w(`councillor councillors cllr mp mayor`);
// "This will hurt you at the polls": harm to a career or a vote share is politics, not a threat.
// Only politics right after the harm word counts (see politicalNear).
const POLITICS = w(`ballot polls poll election elections vote votes voters electorally politically reputation career seat majority`);
const INTENT = w(`will shall gonna gunna going getting gets promise swear soon tonight tomorrow next wait waiting
  should deserve deserves hope wish someone somebody anyone anybody fancy coming watch i'll we'll i'm we're imma`);
/** Harm words in everyday idioms: "death trap", "dead end", "a long shot", "knife edge". */
const IDIOM_NEXT: Record<string, string[]> = {
  death: ['trap', 'toll', 'rate', 'rates', 'of', 'penalty'],
  dead: ['end', 'tired', 'easy', 'right', 'wrong', 'set', 'against', 'on', 'serious', 'heat', 'loss', 'weight'],
  shot: ['at', 'in', 'of', 'yourself', 'yourselves', 'themselves', 'ourselves', 'myself', 'himself', 'herself'],
  grave: ['concern', 'concerns', 'consequences', 'error', 'mistake', 'danger', 'doubts', 'reservations'],
  knife: ['crime', 'edge'],
  gun: ['crime'],
  die: ['for', 'laughing', 'hard'],
  kill: ['time', 'it', 'for', 'off', 'the', 'two'],
  killing: ['it', 'me', 'the', 'off', 'our', 'this', 'local', 'small'],
  beat: ['you', 'the', 'it', 'them'],
  burn: ['out', 'bridges', 'money', 'cash', 'fuel', 'the'],
  hurt: ['me', 'my', 'our', 'us', 'residents', 'people', 'the', 'business', 'businesses', 'local'],
  bullet: ['points', 'point', 'train'],
  kicked: ['out', 'off', 'into', 'upstairs', 'around', 'about'],
  decked: ['out'],
  slapped: ['with', 'on', 'down'],
  bottled: ['it', 'up', 'water', 'milk', 'beer'],
  smacked: ['with'],
};
const IDIOM_BEFORE: Record<string, string[]> = {
  shot: ['a', 'long', 'big', 'best', 'good'],
  dead: ['drop'],
  hurt: ['feel', 'i', "i'm", 'am', 'was', 'were', 'felt'],
};

// What each word is to the back-off, as bits memoised per word (one array read per token
// instead of a dozen Set lookups).
const B_INTENT = 1;
const B_POLITICS = 2;
const B_LETHAL_STATE = 4;
const B_LETHAL_ACT = 8;
const B_LETHAL_THING = 16;
const B_HURT_STATE = 32;
const B_HURT_ACT = 64;
const B_HURT_THING = 128;
const B_COMMS = 256;
const B_READER = 512;
const B_READER_OWNED = 1024;
const B_YOUR = 2048;
const B_NEGATION = 4096;
const B_LETHAL = B_LETHAL_STATE | B_LETHAL_ACT | B_LETHAL_THING;
const B_HURT = B_HURT_STATE | B_HURT_ACT | B_HURT_THING;
const B_ACT = B_LETHAL_ACT | B_HURT_ACT;
const B_THING = B_LETHAL_THING | B_HURT_THING;
const CONDITION = /^(?:if|unless)$/;
const ACTIVE_OBJECT = new Set(['them', 'him', 'her', 'it', 'us', 'the', 'that', 'those', 'everyone', 'everybody', 'this']);
const UNSTOPPABLE = /^(?:stop|stopping|save|saving|prevent|help|protect|protecting)$/;
const NEGATION = /^(?:not|never|no|nobody|don't|won't|wouldn't|didn't|can't|isn't)$|n't$/;

const bitsOf = memoByWord((word) => {
  let bits = 0;
  const set = (on: boolean, bit: number) => {
    if (on) bits |= bit;
  };
  set(INTENT.has(word) || word.endsWith("'ll"), B_INTENT);
  set(POLITICS.has(word), B_POLITICS);
  set(LETHAL_STATE.has(word), B_LETHAL_STATE);
  set(LETHAL_ACT.has(word), B_LETHAL_ACT);
  set(LETHAL_THING.has(word), B_LETHAL_THING);
  set(HURT_STATE.has(word), B_HURT_STATE);
  set(HURT_ACT.has(word), B_HURT_ACT);
  set(HURT_THING.has(word), B_HURT_THING);
  set(COMMS.has(word), B_COMMS);
  set(READER.has(word) || OFFICE.has(word), B_READER);
  set(READER_OWNED.has(word), B_READER_OWNED);
  set(word === 'your' || word === 'ur' || word === 'yer', B_YOUR);
  set(NEGATION.test(word), B_NEGATION);
  return bits;
});

function idiomatic(tokens: Token[], i: number): boolean {
  const word = tokens[i]!.word;
  const next = tokens[i + 1]?.word ?? '';
  const prev = tokens[i - 1]?.word ?? '';
  return (IDIOM_NEXT[word]?.includes(next) ?? false) || (IDIOM_BEFORE[word]?.includes(prev) ?? false);
}

// The arena a harm lands in: "at the polls", "in the election", "your career", "by voters".
const ARENA = new Set(['at', 'in', 'on', 'by', 'your', 'ur', 'his', 'her', 'their', 'electorally', 'politically']);

function politicalNear(tokens: Token[], i: number): boolean {
  if (i > 0 && bitsOf(tokens[i - 1]!) & B_POLITICS) return true;
  for (let k = i + 1; k < Math.min(tokens.length, i + 7); k++) {
    if (!(bitsOf(tokens[k]!) & B_POLITICS)) continue;
    for (let j = Math.max(i + 1, k - 3); j < k; j++) if (ARENA.has(tokens[j]!.word)) return true;
  }
  return false;
}

function hasReader(tokens: Token[], from: number, to: number): boolean {
  for (let k = Math.max(0, from); k < Math.min(tokens.length, to); k++) {
    const bits = bitsOf(tokens[k]!);
    if (bits & B_READER) return true;
    if (bits & B_YOUR && k + 1 < tokens.length && bitsOf(tokens[k + 1]!) & B_READER_OWNED) return true;
    // Text-speak "ur" is "you're" before a verb of intent ("ur getting smacked").
    if (tokens[k]!.word === 'ur' && k + 1 < tokens.length && bitsOf(tokens[k + 1]!) & B_INTENT) return true;
  }
  return false;
}

/** Back-off threat hits, one per sentence at most. */
export function detectBackoffThreats(n: Normalised): Hit[] {
  const hits: Hit[] = [];
  const tokens = n.tokens;
  let start = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const end = i === tokens.length || (i > start && tokens[i]!.sentenceStart);
    if (!end) continue;
    const sentence = tokens.slice(start, i);
    start = i;
    const hit = scoreSentence(n, sentence);
    if (hit) hits.push(hit);
  }
  return hits;
}

// "I'm not threatening you, but…" denies the threat, it does not negate the harm that follows.
const DISCLAIMED = /^(?:threatening|threat)$/;

function scoreSentence(n: Normalised, s: Token[]): Hit | null {
  if (s.length < 3) return null;
  let all = 0;
  for (const t of s) all |= bitsOf(t);
  if (!(all & B_INTENT) || !(all & (B_LETHAL | B_HURT))) return null;
  for (let i = 0; i < s.length; i++) {
    const bits = bitsOf(s[i]!);
    const lethal = (bits & B_LETHAL) !== 0;
    const hurt = (bits & B_HURT) !== 0;
    if (!lethal && !hurt) continue;
    if (idiomatic(s, i)) continue;
    // Politics is where the harm lands only when it follows closely ("hurt you at the polls");
    // a vote or a council tax rise elsewhere in the sentence does not make a stabbing figurative.
    if (politicalNear(s, i)) continue;
    const act = (bits & B_ACT) !== 0;
    const thing = (bits & B_THING) !== 0;
    // "You absolutely murdered them on the parking charges": a state word with an object after it
    // is the reader acting, not the reader harmed.
    if (!act && !thing && ACTIVE_OBJECT.has(s[i + 1]?.word ?? '')) continue;
    const target = act ? hasReader(s, i + 1, i + 7) : thing ? hasReader(s, i - 6, i + 7) : hasReader(s, i - 9, i);
    if (!target) continue;
    // "I'll shoot you an email": a message, not a bullet.
    if (s.slice(i + 1, i + 5).some((t) => bitsOf(t) & B_COMMS)) continue;
    const h: Hit = {
      category: lethal ? 'threat_to_life' : 'threat',
      rule: 'backoff:harm+reader+intent',
      nStart: s[0]!.nStart,
      nEnd: s[s.length - 1]!.nEnd,
      score: 0.6,
    };
    const local: Hit = { ...h, nStart: s[i]!.nStart, nEnd: s[i]!.nEnd };
    if (isReported(n.text, local, reportFloor(n, local.nStart)) || insideSingleQuotesOf(n, local.nStart)) continue;
    if (!notInPlay(n, local.nStart, local.nEnd)) continue;
    // "You won't get hurt": a negation anywhere before the harm word in this sentence cancels it,
    // unless it only says nothing will stop it ("and nobody on this earth will stop me").
    // A negation inside an "if"/"unless" condition does not cancel the consequence either.
    const condition = s.findIndex((t, j) => j < i && CONDITION.test(t.word));
    if (
      s
        .slice(0, i)
        .some(
          (t, j) =>
            bitsOf(t) & B_NEGATION &&
            !(condition !== -1 && j > condition) &&
            !s.slice(j + 1, Math.min(i, j + 6)).some((u) => UNSTOPPABLE.test(u.word)) &&
            !DISCLAIMED.test(s[j + 1]?.word ?? ''),
        )
    )
      continue;
    return h;
  }
  return null;
}
