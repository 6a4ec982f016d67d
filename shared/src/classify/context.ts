import type { Hit } from './hit.ts';
import type { Normalised } from './normalise.ts';
import { toOriginalSpan } from './normalise.ts';

// Context that changes what a matched phrase means: negation ("I would never hurt you"),
// reported speech ("he said he would kill me") and counter-speech ("posts like 'X are scum'
// get you banned"). Used by both threat and abuse rules.

const NEGATION =
  /\b(?:never|not|no|n't|nobody|no one|noone|nor|without(?! (?:a |any )?(?:doubt|malice|prejudice|question|exception|delay|fail|hesitation|warning|mercy|remorse|a second thought))|won'?t|wouldn'?t|don'?t|didn'?t|shouldn'?t|mustn'?t|can'?t|cannot|isn'?t|aren'?t|wasn'?t|(?<!\b(?:one|bus|the|a|full|pit|tram|last|next|request|that|this) )stop(?! (?:shop|asking|being|pretending|messing|ignoring|talking|playing)\b)|against|condemn|condemns|wrong to|unacceptable|illegal to|crime to|nobody should|shouldn't)\b/;
const NEGATION_ALL = new RegExp(NEGATION.source, 'g');
// Reported or quoted threats: "he said he would kill me", "posts like 'death to X' get you banned".
const REPORTING =
  /(?<![a-z'])(?!(?:i|me|you|not|never|i'm|im|just|only|simply|merely|honestly|literally|really)\b)(?:[a-z']+)(?: (?:just|only|also|even|actually|apparently|allegedly|then|once|always|really|literally|simply|merely|honestly))? (?:said|say|says|saying|told|tells|wrote|writes|posted|posts|tweeted|threatened|threatening|threatens|threaten|claimed|reported|shouted|screamed|yelled|called|accused|received|sent|emailed|messaged|sprayed|spray-painted|painted|daubed|scrawled|graffitied|carved|chanted|chanting|warned me|left a message|quote|quoted|quoting|repeating|repeated)\b/;
// "Police" alone is not a report: "call the police if you like, I'll still kill you" is a threat.
// A line quoted from a film or song, named as such just after it: "'I will find you, and I will
// kill you' is still the best line in any film".
const QUOTED_LINE =
  /\b(?:is|was|'s)(?: still)? (?:the|a|my|his|her|their) (?:best|greatest|favourite|favorite|classic|famous|iconic|most famous) (?:line|quote|scene|bit|lyric)\b|\b(?:line|quote|lyric|scene) (?:from|in) (?:the |a )?(?:film|movie|show|series|song|book|episode)\b/;
const COUNTER =
  /(?:^\s*(?:threatening|threats? to|saying|calling|writing|telling (?:someone|people) to)\b|\bcall(?:ed|ing)? (?:me|him|her|us|them|my [a-z]+) (?:a|an)\b|\b(?:i never said|never said|i didn'?t say|statements like|stuff like|writing that|believe that|you say|to say)\b)|\b(?:for saying|for wishing|for writing|for posting|for threatening|posts like|comments like|messages like|words like|phrases like|saying that|said that|threats? (?:like|such as)|is a threat|are threats|report(?:ed|ing)? (?:it|this|them|him|her)|(?:told|informed|contacted|alerted|(?:passed|sent|forwarded|given|shown|handed)(?: (?:it|this|them))?(?: on)? to) the police|forward(?:ing|ed)? (?:a |an |the |this |my |his |her )?(?:message|email|e-mail|post|text|voicemail|letter)|police (?:are|were|have been|say|said) (?:investigating|aware|informed|involved|looking)|crime (?:reference|number))\b/;

/**
 * The text of the clause before `at`: at most 120 characters, not before `floor`, cut at the
 * last punctuation. The normalised text has no full stops, so callers that know where the
 * sentence starts (from the tokens, see sentenceFloor) pass it as `floor`.
 */
export function clauseBefore(text: string, at: number, floor = 0): string {
  const from = Math.max(0, floor, at - 120);
  const slice = text.slice(from, at);
  const cut = Math.max(slice.lastIndexOf('.'), slice.lastIndexOf('!'), slice.lastIndexOf('?'), slice.lastIndexOf('\n'), slice.lastIndexOf(';'));
  return slice.slice(cut + 1);
}

export function insideQuotes(text: string, at: number): boolean {
  const line = text.slice(Math.max(0, text.lastIndexOf('\n', at)), at);
  return (line.match(/"/g) ?? []).length % 2 === 1;
}

/**
 * The match sits inside single quotes that a report opens ("telling a councillor 'I am going to
 * slit your throat'", "graffiti reading 'X will die'"). The normaliser drops quote marks, so this
 * reads the original. Quotes with no report before them are not enough: a threat is often sent
 * as a quote ("'I will find you…' That's for you, councillor"), or in a voicemail transcript.
 */
export function insideSingleQuotesOf(n: Normalised, nStart: number): boolean {
  const at = toOriginalSpan(n, nStart, nStart + 1).start;
  const text = n.original.replace(/[\u2018\u2019]/g, "'");
  const from = Math.max(0, text.lastIndexOf('\n', at));
  const open = openingQuote(text.slice(from, at), text[at] ?? ' ');
  return open !== -1 && QUOTE_INTRO.test(text.slice(Math.max(from, from + open - 60), from + open));
}
const QUOTE_INTRO =
  /\b(?:telling|told|tells|saying|said|says|reading|reads|read|wrote|writes|writing|that|this|messaged|emailing|emailed|texted|shouted|posted|tweeted|threatened|threatening|sprayed|scrawled|daubed|words|message|messages|comment|comments|note|graffiti|calling|called|chanted|chanting)\b[^']{0,30}$/i;

/**
 * Where the single quote open at the end of `line` starts, or -1. A quote opens where ' follows a
 * space or the line start and precedes a letter, and closes where it follows a letter or a stop and
 * precedes a space, a stop or the end; apostrophes inside words do neither.
 */
function openingQuote(line: string, next: string): number {
  let open = -1;
  for (let i = line.indexOf("'"); i !== -1; i = line.indexOf("'", i + 1)) {
    const before = i === 0 ? ' ' : line[i - 1]!;
    const after = i + 1 < line.length ? line[i + 1]! : next;
    if (open === -1 && /[\s(:"]/.test(before) && /[A-Za-z]/.test(after)) open = i;
    else if (open !== -1 && /[A-Za-z0-9.,!?]/.test(before) && /[\s.,;:!?)]/.test(after)) open = -1;
  }
  return open;
}

/** Harm verb inside the match is itself negated: "I would never hurt you", "no one deserves to die". */
export function isNegated(text: string, h: Hit, floor = 0): boolean {
  const inside = text.slice(h.nStart, h.nEnd);
  if (/\b(?:never|not|n't|no longer|nobody|no one)\b|n't\b|^no\b/.test(inside)) return true;
  const before = clauseBefore(text, h.nStart, floor);
  // "If you don't fix it, you'll regret it": negation in the condition does not cancel the threat.
  if (/\bif\b/.test(before)) return false;
  // "You won't be so smug when she's found…": the negation stays in its own clause.
  if (/^(?:when|once|until|till|after|before)\b/.test(inside)) return false;
  // The last five words, read with one word before them so a lookbehind still sees "bus" in "bus stop".
  const parts = before.split(/\s+/);
  const lead = parts.length > 5 ? `${parts[parts.length - 6]} ` : '';
  const near = lead + parts.slice(-5).join(' ');
  for (const m of near.matchAll(NEGATION_ALL)) if (m.index >= lead.length) return true;
  return false;
}

/**
 * Where a report may start for a match at `at`: the sentence before counts only when it
 * introduces this one as a quotation ("Someone posted this. 'X should hang.'", "He wrote: you
 * will die"). Otherwise a reporting verb a sentence earlier ("my GP says I'm at breaking point.
 * When I break I'm taking you with me") would excuse a threat the writer makes in their own voice.
 */
export function reportFloor(n: Normalised, at: number): number {
  const here = sentenceFloor(n, at, 0);
  const before = sentenceFloor(n, at, 1);
  if (before === here) return here;
  const i = n.tokens.findIndex((t) => t.nStart === here);
  if (i <= 0) return here;
  const gap = n.original.slice(n.tokens[i - 1]!.end, n.tokens[i]!.start);
  if (/["'\u2018\u2019\u201c\u201d:\u00ab\u00bb]/.test(gap)) return before;
  return INTRODUCES.test(n.text.slice(before, here)) ? before : here;
}
const INTRODUCES =
  /\b(?:this|these|that|the following|it|message|messages|email|e-mail|post|posts|text|note|voicemail|letter|comment|comments|tweet|graffiti)\s*$/;

export function isReported(text: string, h: Hit, floor = 0): boolean {
  const before = clauseBefore(text, h.nStart, floor);
  if (COUNTER.test(before) || COUNTER.test(text.slice(h.nEnd, h.nEnd + 40)) || QUOTED_LINE.test(text.slice(h.nEnd, h.nEnd + 80))) return true;
  return REPORTING.test(before) || insideQuotes(text, h.nStart);
}

/**
 * Where the sentence holding normalised offset `at` starts, `back` sentences earlier: a
 * negation never reaches over a full stop (back = 0), a report may introduce a quote in the
 * sentence before ("Someone posted this. 'X should hang.'", back = 1).
 */
export function sentenceFloor(n: Normalised, at: number, back = 0): number {
  const t = n.tokens;
  let lo = 0;
  let hi = t.length - 1;
  let i = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid]!.nStart <= at) {
      i = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let left = back; i > 0; i--) {
    if (!t[i]!.sentenceStart) continue;
    if (left === 0) break;
    left--;
  }
  return i > 0 ? t[i]!.nStart : 0;
}
