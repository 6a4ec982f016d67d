import { isReported } from './context.ts';
import type { Hit } from './hit.ts';
import type { Normalised, Token } from './normalise.ts';

// A general back-off for threats phrased in ways the patterns in threat.ts do not list:
// within one sentence, a harm word + the reader as target + a sign of intent or future.
// "I'll take a machete to you", "you're getting shot, I promise". Lower confidence than the
// patterns (score 0.6) and it only ever raises `threat` / `threat_to_life` with its own rule
// name, so an officer can tell it apart.

const w = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Harm that happens to someone: the reader must be its subject, just before it ("you … getting shot"). */
const LETHAL_STATE = w(`dead death die dies shot stabbed killed murdered hanged lynched executed strangled drowned buried
  firebombed torched shanked slaughtered beheaded`);
const HURT_STATE = w(`beaten battered hurt injured kneecapped glassed`);
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
const INTENT = w(`will shall gonna gunna going getting gets promise swear soon tonight tomorrow next wait waiting
  should deserve deserves hope wish someone somebody anyone anybody fancy coming watch i'll we'll i'm we're imma`);
/** Harm words in everyday idioms: "death trap", "dead end", "a long shot", "knife edge". */
const IDIOM_NEXT: Record<string, string[]> = {
  death: ['trap', 'toll', 'rate', 'rates', 'of', 'penalty'],
  dead: ['end', 'tired', 'easy', 'right', 'wrong', 'set', 'against', 'on', 'serious', 'heat', 'loss', 'weight'],
  shot: ['at', 'in'],
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
};
const IDIOM_BEFORE: Record<string, string[]> = { shot: ['a', 'long', 'big', 'best', 'good'], dead: ['drop'], hurt: ['feel', 'i', "i'm", 'am', 'was', 'were', 'felt'] };

function idiomatic(tokens: Token[], i: number): boolean {
  const word = tokens[i]!.word;
  const next = tokens[i + 1]?.word ?? '';
  const prev = tokens[i - 1]?.word ?? '';
  return (IDIOM_NEXT[word]?.includes(next) ?? false) || (IDIOM_BEFORE[word]?.includes(prev) ?? false);
}

function hasReader(tokens: Token[], from: number, to: number): boolean {
  for (let k = Math.max(0, from); k < Math.min(tokens.length, to); k++) {
    const t = tokens[k]!.word;
    if (READER.has(t) || OFFICE.has(t)) return true;
    if ((t === 'your' || t === 'ur' || t === 'yer') && READER_OWNED.has(tokens[k + 1]?.word ?? '')) return true;
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

// "This will hurt you at the polls": harm to a career or a vote share is politics, not a threat.
const POLITICS = w(`ballot polls poll election elections vote votes voters electorally politically reputation career seat majority`);

function scoreSentence(n: Normalised, s: Token[]): Hit | null {
  if (s.length < 3 || !s.some((t) => INTENT.has(t.word) || t.word.endsWith("'ll"))) return null;
  if (s.some((t) => POLITICS.has(t.word))) return null;
  for (let i = 0; i < s.length; i++) {
    const word = s[i]!.word;
    const lethal = LETHAL_STATE.has(word) || LETHAL_ACT.has(word) || LETHAL_THING.has(word);
    const hurt = HURT_STATE.has(word) || HURT_ACT.has(word) || HURT_THING.has(word);
    if (!lethal && !hurt) continue;
    if (idiomatic(s, i)) continue;
    const act = LETHAL_ACT.has(word) || HURT_ACT.has(word);
    const thing = LETHAL_THING.has(word) || HURT_THING.has(word);
    const target = act ? hasReader(s, i + 1, i + 7) : thing ? hasReader(s, i - 6, i + 7) : hasReader(s, i - 9, i);
    if (!target) continue;
    // "I'll shoot you an email": a message, not a bullet.
    if (s.slice(i + 1, i + 5).some((t) => COMMS.has(t.word))) continue;
    const h: Hit = {
      category: lethal ? 'threat_to_life' : 'threat',
      rule: 'backoff:harm+reader+intent',
      nStart: s[0]!.nStart,
      nEnd: s[s.length - 1]!.nEnd,
      score: 0.6,
    };
    const local: Hit = { ...h, nStart: s[i]!.nStart, nEnd: s[i]!.nEnd };
    if (isReported(n.text, local)) continue;
    // "You won't get hurt": a negation anywhere before the harm word in this sentence cancels it.
    if (s.slice(0, i).some((t) => /^(?:not|never|no|nobody|don't|won't|wouldn't|didn't|can't|isn't)$|n't$/.test(t.word))) continue;
    return h;
  }
  return null;
}
