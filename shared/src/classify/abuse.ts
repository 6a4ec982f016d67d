import { isNegated, isReported } from './context.ts';
import { isCompoundHomonym, isMildIdiom } from './homonyms.ts';
import type { Hit } from './hit.ts';
import { execAll, matchAll } from './hit.ts';
import { LEXICON, IDENTITY_GROUPS } from './lexicon.ts';
import type { LexEntry } from './lexicon.ts';
import { isNameUse } from './names.ts';
import type { Normalised, Token } from './normalise.ts';
import { memoByWord } from './word-ids.ts';

const SECOND_PERSON = new Set(`you u ya yer your ur youre you're ye yous youse yourself`.split(/\s+/));
const POINTING = new Set(`such what absolute total complete utter bunch load pack fucking bloody useless lying`.split(/\s+/));
const COPULA = new Set(`is are was were 's 're be being`.split(/\s+/));
const SELF = new Set(`i i'm im me myself my we we're`.split(/\s+/));
const OFFICE = /^(?:councillors?|cllrs?|mps?|mayors?|officers?|leaders?|council|chair|tory|tories|labour|libdems?)$/;

// Words masked with * ("f**k", "c*nt"): compare letter by letter, same length, same first letter.
const MASKABLE = [...LEXICON.keys()].filter((w) => w.length >= 3);

// Everyday words that get glued to an insult when spaces are dropped ("massivescumbags",
// "fuckall"). A glued word only counts when BOTH halves are known, so "Penistone" and
// "Scunthorpe" stay whole.
const GLUE = new Set(
  `so such a an the all you your ur them those these many massive total complete absolute utter fucking bloody
   dirty filthy stupid typical just bunch of lot off up real proper big little fat ugly thick`.split(/\s+/),
);
const GLUE_TAIL = new Set(`all you off up them those these behaviour behavior lot face head`.split(/\s+/));

function unglue(word: string): { word: string; entry: LexEntry } | null {
  if (word.length < 7) return null;
  for (let k = 2; k <= word.length - 2; k++) {
    const head = word.slice(0, k);
    const tail = word.slice(k);
    const t = LEXICON.get(tail);
    if (t && tail.length >= 4 && GLUE.has(head)) return { word: tail, entry: t };
    const h = LEXICON.get(head);
    if (h && head.length >= 4 && GLUE_TAIL.has(tail)) return { word: head, entry: h };
  }
  return null;
}

export function lookup(word: string): { word: string; entry: LexEntry } | null {
  const direct = LEXICON.get(word);
  if (direct) return { word, entry: direct };
  const glued = unglue(word);
  if (glued) return glued;
  if (word.includes('*') && /^[a-z]/.test(word)) {
    const stars = (word.match(/\*/g) ?? []).length;
    if (stars * 2 > word.length) return null;
    for (const cand of MASKABLE) {
      if (cand.length !== word.length) continue;
      let ok = true;
      for (let i = 0; i < word.length && ok; i++) if (word[i] !== '*' && word[i] !== cand[i]) ok = false;
      if (ok) return { word: cand, entry: LEXICON.get(cand)! };
    }
  }
  return null;
}

/** An insult is aimed at someone when a second-person word, a copula or a pointer comes just before it. */
function isAimed(tokens: readonly Token[], i: number, original: string): boolean {
  const next = tokens[i + 1];
  if (next && OFFICE.test(next.word)) return true;
  // "Scum like you …"
  if (next?.word === 'like' && SECOND_PERSON.has(tokens[i + 2]?.word ?? '')) return true;
  let copula = false;
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const w = tokens[k]!.word;
    if (SELF.has(w)) return false;
    if (SECOND_PERSON.has(w) || POINTING.has(w) || OFFICE.test(w)) return true;
    if (COPULA.has(w) || w.endsWith("'s") || w.endsWith("'re")) copula = true;
    if (tokens[k]!.sentenceStart) break;
  }
  if (copula) return true;
  // Vocative: "Do your job, wanker." / "Wanker!"
  const before = original.slice(0, tokens[i]!.start).trimEnd();
  const after = original.slice(tokens[i]!.end).trimStart();
  if (before.endsWith(',')) return true;
  if ((before === '' || /[.!?\n]$/.test(before)) && (after === '' || /^[.!?]/.test(after))) return true;
  return false;
}

const GROUP_LIST = IDENTITY_GROUPS.split(/\s+/).filter(Boolean);
const GROUP = GROUP_LIST.join('|');
const DEROG =
  'scum|vermin|parasites?|animals|rats|cockroaches|filth|filthy|trash|garbage|subhuman|sub human|disgusting|vile|' +
  'a plague|a cancer|a disease|worthless|inferior|lesser beings|savages|primitive|dirty|rapists|pests|evil|' +
  'pathetic|repulsive|revolting|sickening|despicable|abhorrent|retarded|dickheads|scumbags|shitheads|a waste of space';
const HATE_RULES: Array<[RegExp, string]> = [
  [
    new RegExp(
      `\\b(?:${GROUP})(?: people| lives| folk)?(?: like (?:you|them)(?: all)?)? (?:are|is|were) (?:all |just |so |such |nothing but |total |complete |massive |absolute |the |a |no better than |like )*(?:${DEROG})\\b`,
      'g',
    ),
    'group-derogation',
  ],
  [new RegExp(`\\bi (?:really |absolutely |just |fucking )?(?:hate|despise|detest|loathe|can'?t stand) (?:all )?(?:${GROUP})\\b`, 'g'), 'hate-group'],
  [new RegExp(`\\b(?:contempt|hatred|disgust) for (?:all )?(?:${GROUP})\\b`, 'g'), 'hate-group'],
  [new RegExp(`\\b(?:${GROUP})(?: people)? (?:lives )?(?:are not|aren'?t|don'?t|do not) (?:worth|matter)\\b`, 'g'), 'group-worthless'],
];
// [pattern, category, rule, words the pattern needs (checked first, so most texts skip it)]
const PHRASE_RULES: Array<[RegExp, Hit['category'], string, string[]]> = [
  [/\b(?:fuck|screw|f\*\*k|sod) (?:you|u|ya|off)\b/g, 'insult', 'fuck-you', ['fuck', 'screw', 'f**k', 'sod']],
  [/\bgo (?:and )?(?:fuck|screw) (?:yourself|yourselves)\b/g, 'insult', 'fuck-yourself', ['fuck', 'screw']],
  [
    /\b(?:piece of (?:shit|crap|garbage|trash|filth)|waste of (?:space|oxygen|skin|air)|human (?:garbage|trash|scum|filth))\b/g,
    'insult',
    'dehumanising',
    ['piece', 'waste', 'human'],
  ],
  [
    /\b(?:suck my (?:dick|cock|balls)|send (?:me )?(?:nudes|pics of your)|show (?:me )?your (?:tits|boobs|pussy)|sit on my (?:face|dick|cock))\b/g,
    'sexual',
    'sexual-demand',
    ['suck', 'nudes', 'pics', 'show', 'sit'],
  ],
  [/\b(?:your|nice|great|lovely|show us your) (?:tits|boobs|pussy|arse|ass)\b/g, 'sexual', 'sexual-body', ['tits', 'boobs', 'pussy', 'arse', 'ass']],
  [/\bbend (?:you|u|ya|her) over\b/g, 'sexual', 'sexual-demand', ['bend']],
  // "Go back to where you came from": telling someone they do not belong because of where they are from.
  [
    /\b(?:go|fuck off|piss off|sod off|get) back (?:to )?(?:where (?:you|u|ya) (?:came|come) from|your (?:own )?countr(?:y|ies)|your mud huts?)\b/g,
    'hate',
    'go-back',
    ['back'],
  ],
  [
    /\b(?:you(?:'re| are| r)?|ur|youre) (?:a |an |such a |one |just a )?(?:[a-z]+ ){0,3}(?:shit|shite|fuck|fucker|bullshit artist)\b/g,
    'insult',
    'you-are-a-swear',
    ['shit', 'shite', 'fuck', 'fucker', 'bullshit'],
  ],
];

/** lookup(), memoised per word: most words of most emails are ordinary and repeat. */
const lookupToken = memoByWord(lookup);

const GROUP_TRIGGERS = new Set(GROUP_LIST.filter((g) => g !== 'people'));
const isGroupWord = memoByWord((word) => GROUP_TRIGGERS.has(word));
/** Per word: bit k is set when PHRASE_RULES[k] needs it. */
const phraseRuleBits = memoByWord((word) => PHRASE_RULES.reduce((bits, [, , , need], k) => (need.includes(word) ? bits | (1 << k) : bits), 0));

// Hate rules run only near a group word: 60 chars before it (for "I hate …") to 160 after.
function groupWindows(n: Normalised): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const t of n.tokens) {
    if (!isGroupWord(t)) continue;
    let a = Math.max(0, t.nStart - 60);
    while (a > 0 && a < t.nStart && /[a-z']/.test(n.text[a - 1]!)) a++;
    const b = Math.min(n.text.length, t.nEnd + 160);
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Lexicon and phrase rules for insults, slurs, sexual harassment and plain swearing. */
export function detectAbuse(n: Normalised): Hit[] {
  const hits: Hit[] = [];
  const tokens = n.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const found = lookupToken(t);
    if (!found) continue;
    if (isNameUse(tokens, i) || isCompoundHomonym(tokens, i) || isMildIdiom(tokens, i)) continue;
    const { strength, category } = found.entry;
    const base = { nStart: t.nStart, nEnd: t.nEnd, rule: `lexicon:${found.word}` };
    if (strength === 'swear') hits.push({ ...base, category: 'profanity', score: 0.9 });
    else if (strength === 'hard_slur') hits.push({ ...base, category, score: 0.95 });
    else if (isAimed(tokens, i, n.original)) hits.push({ ...base, category, score: 0.9 });
    else if (strength === 'insult' || strength === 'slur') hits.push({ ...base, category: 'profanity', score: 0.7 });
  }
  let phraseRules = 0;
  for (const t of tokens) phraseRules |= phraseRuleBits(t);
  for (const [a, b] of groupWindows(n)) {
    const sub = n.text.slice(a, b);
    for (const [re, rule] of HATE_RULES) {
      for (const m of execAll(re, sub)) {
        const h: Hit = { category: 'hate', rule, nStart: a + m.index, nEnd: a + m.index + m[0].length, score: 0.9 };
        if (!isNegated(n.text, h)) hits.push(h);
      }
    }
  }
  PHRASE_RULES.forEach(([re, cat, rule], k) => {
    if (phraseRules & (1 << k)) hits.push(...matchAll(n, re, cat, rule, 0.9));
  });
  // Quoting or reporting abuse ("he called me a …", 'posts like "X are scum"') is not abuse;
  // it stays visible as profanity so an officer still sees the word.
  return hits.map((h) => (h.category !== 'profanity' && isReported(n.text, h) ? { ...h, category: 'profanity' as const, score: 0.5 } : h));
}
