import { makePattern, words } from './threat-pattern.ts';
import type { Pattern } from './threat-pattern.ts';
import type { Normalised } from './normalise.ts';

// Threats told as the outcome rather than the act, often about a third person the message is
// passed on to ("tell him…"): a weapon ending up in someone, being put through a window, bleeding
// out, not living to see the election, being carried out, held under, a wreath laid; a wish to
// watch it happen; a weapon the writer is "not afraid to use on you"; and a short message of
// weapon emoji aimed at someone. Benign twins live in threat-outcomes.test.ts.

const PERSON = `(?:you|u|ya|him|her|them)`;
const P = (rule: string, category: Pattern['category'], src: string, need: string[][], accept?: Pattern['accept'], negationInside = false) =>
  makePattern(rule, category, src, need, { ...(accept ? { accept } : {}), ...(negationInside ? { negationInside } : {}) });

/** "…acid in it": the "it" is a face or head named just before. */
const faceBefore = (n: Normalised, nStart: number) => /\b(?:face|head|eyes)\b/.test(n.text.slice(Math.max(0, nStart - 80), nStart));

/** A weapon the message shows as a picture (the normaliser reads 🔪 as "knife"), not writes. */
const EMOJI_WEAPON = /^(?:knife|gun|bomb|coffin|grave|blood|axe|rope)$/;
const SHORT_TARGET = /^(?:you|u|ur|your|cllr|councillor|mayor|mp|traitor)$/;
function shortEmojiThreat(n: Normalised): boolean {
  if (n.tokens.length > 12) return false;
  const pictured = n.tokens.some((t) => EMOJI_WEAPON.test(t.word) && /\p{Extended_Pictographic}/u.test(n.original.slice(t.start, t.end)));
  const aimed = n.tokens.some((t) => SHORT_TARGET.test(t.word) || n.original[t.start] === '@' || n.original[t.start - 1] === '@');
  return pictured && aimed;
}

export const OUTCOME_PATTERNS: Pattern[] = [
  // "He'll get a knife in him next time."
  P(
    'weapon-in-person',
    'threat_to_life',
    `\\b(?:get|getting|gets|have) (?:a |an |the |some )?(?:knife|blade|bullet|bullets|machete|screwdriver|axe|bolt) (?:in|into|through|across) ${PERSON}\\b`,
    // Past tense ("got a blade in him") is a story being told, not a threat.
    [words('get getting gets have'), words('knife blade bullet bullets machete screwdriver axe bolt')],
  ),
  // "If she shows her face again she's getting acid in it."
  P(
    'weapon-in-person',
    'threat',
    `\\b(?:get|getting|gets|got|'ll get|will get) (?:the |some )?acid (?:in|on|over) it\\b`,
    [words('get getting gets got'), words('acid')],
    faceBefore,
  ),
  // "I will put you through the window."
  P(
    'through-window',
    'threat',
    `\\b(?:i'?ll|ill|i will|i'?m going to|im going to|i'?m gonna|gonna|i'?d|we'?ll|we will) (?:put|throw|chuck|push|kick|lob|send) ${PERSON} (?:straight )?(?:through|out of|out) (?:the|a|your|ur|his|her|their) (?:window|windows|glass|door|windscreen)\\b`,
    [words('put throw chuck push kick lob send'), words('window windows glass door windscreen')],
  ),
  // "What matters to me is you bleeding out on the pavement."
  P('bleeding-out', 'threat_to_life', `\\b(?:you|u|ya) (?:bleeding|bleed|bled) out\\b`, [words('you u ya'), words('bleeding bleed bled')]),
  // "I shall personally see to it that you do not live to see the next election."
  P(
    'not-live-to-see',
    'threat_to_life',
    `\\b(?:see to it|make sure|ensure|guarantee)(?: that)? (?:you|u|he|she|they) (?:do not|don'?t|won'?t|will not|wont|never|shall not|does not|doesn'?t) live to see\\b`,
    [words('see make ensure guarantee'), words('live')],
    undefined,
    true,
  ),
  // "If she turns up on the 12th she'll be carried out of it."
  P(
    'carried-out',
    'threat',
    `\\b(?:you|u|he|she|they)(?:'ll| will|'re going to| are going to| is going to|'s going to)? be carried out (?:of (?:it|there|that|the [a-z]+)|in a (?:box|body bag|bodybag|coffin))\\b`,
    [words('carried'), words('of in')],
  ),
  // "He won't leave the leisure centre on his own two feet."
  P(
    'own-two-feet',
    'threat',
    `\\b(?:won'?t|wont|will not|never|not) (?:leave|walk out of|walk away from|get out of) (?:[a-z']+ ){0,3}?on (?:his|her|your|ur|their) own (?:two )?feet\\b`,
    [words('leave walk get'), words('feet')],
    (n) => !/\b(?:hospital|operation|surgery on|ward|rehab|injury|stroke|fall)\b/.test(n.text),
    true,
  ),
  // "You'll be the next one they lay flowers for"; "nobody will lay one for you".
  P(
    'wreath',
    'threat',
    `\\b(?:next one|next|the one|the next (?:one|councillor|politician|mp)) they (?:lay|leave|put) (?:flowers|wreaths|a wreath)(?: down)? for\\b|\\b(?:nobody|no one|no-one) will (?:lay|leave) (?:one|a wreath|flowers) for (?:you|u)\\b`,
    [words('lay leave put'), words('for')],
    undefined,
    true,
  ),
  // "As those trees fall, so shall you."
  P(
    'so-shall-you',
    'threat',
    `\\b(?:as|like) (?:those|these|the|that|this|they|it|he|she)(?: [a-z']+){0,3}? (?:fall|falls|die|dies|burn|burns|perish|perishes|go down|come down|hang|hangs),? so (?:shall|will) (?:you|u|ye|thou)\\b`,
    [words('as like'), words('shall will')],
  ),
  // "I'll hold the ginger one under till he stops kicking."
  P('held-under', 'threat_to_life', `\\bhold (?:him|her|them|you|u|(?:the )?[a-z]+ one|the [a-z]+) under (?:till|until|while|the water)\\b`, [
    words('hold'),
    words('under'),
  ]),
  // "I'd love to see you set on fire outside the town hall."
  P(
    'love-to-see',
    'threat',
    `\\b(?:i'?d|i would|we'?d|we would) (?:love|like|pay|give anything|pay good money) to see ${PERSON}(?: [a-z']+){0,2}? (?:set on fire|set alight|burn|burned|burnt|hanged|hang|hung|shot|stabbed|die|dead|killed|murdered|lynched|strung up|beaten|battered|bleed|suffer)\\b`,
    [
      words('love like pay give'),
      words('fire alight burn burned burnt hanged hang hung shot stabbed die dead killed murdered lynched up beaten battered bleed suffer'),
    ],
  ),
  // "I've got a shed full of tools and I'm not afraid to use em on you."
  P(
    'use-on-you',
    'threat',
    `\\b(?:not|never|aint|ain'?t) (?:afraid|scared|frightened|shy) (?:to|of) us(?:e|ing) (?:it|them|em|'em|one|that|those|these) on ${PERSON}\\b`,
    [words('afraid scared frightened shy'), words('use using')],
    undefined,
    true,
  ),
  // "…or I'll take it off you myself, and your head with it."
  P('head-with-it', 'threat_to_life', `\\band (?:your|ur|his|her) head with it\\b`, [words('head'), words('it')]),
  // "I look at his face every morning and think about what I'm going to do to it."
  P(
    'what-ill-do',
    'threat',
    `\\b(?:think|thinking|dream|dreaming|plan|planning) (?:about|of) what (?:i'?m|i am|i'?ll|i will|we'?re|we are|we'?ll) (?:going to|gonna)? ?do to (?:you|u|him|her|it|them)\\b`,
    [words('think thinking dream dreaming plan planning'), words('do')],
  ),
  // "One of these mornings when he's out with the dog he's not coming back."
  P(
    'not-coming-back',
    'threat',
    `\\bone of these (?:days|nights|mornings|evenings)\\b[^.!?]{0,60}\\b(?:not coming (?:back|home)|won'?t come (?:back|home)|never come (?:back|home)|won'?t be coming (?:back|home))\\b`,
    [words('these'), words('back home')],
    undefined,
    true,
  ),
  // "If a few of us turned up at 2am with cans of petrol he'd think twice."
  P(
    'armed-crowd',
    'threat',
    `\\bif (?:a few of us|we|some of us|a couple of us|the lads|a few lads|enough of us) (?:turned|turn|showed|show|went|go) (?:up|round)\\b[^.!?]{0,50}?\\bwith (?:cans? of |some |a few |our )?(?:petrol|bricks?|bats?|knives|weapons|torches|pitchforks|rope|hammers)\\b`,
    [words('turned turn showed show went go'), words('petrol brick bricks bat bats knives weapons torches pitchforks rope hammers')],
  ),
  // "…and if he's in when the brick goes through, all the better."
  P(
    'occupant-harm',
    'threat',
    `\\b(?:if|when) (?:he'?s|she'?s|they'?re|you'?re|he is|she is|you are) (?:in|inside|home|at home) when (?:the|a) (?:brick|petrol bomb|fire|rock|firework|bomb)\\b`,
    [words('in inside home'), words('brick bomb fire rock firework')],
  ),
  // "Something will happen to you on your way home."
  P(
    'something-will-happen',
    'threat',
    `\\bsomething (?:bad |nasty |terrible |awful )?(?:will|is going to|'s going to|is gonna|'s gonna|might well|could well) happen to (?:you|u|ya|your (?:kids|family|wife|husband|son|daughter|partner))\\b`,
    [words('something'), words('happen')],
  ),
  // "🔪🩸 @CllrX 🏠📍 soon": a short message of weapon pictures aimed at someone.
  P(
    'emoji-weapon-aimed',
    'threat_to_life',
    `\\b(?:knife|gun|bomb|coffin|grave|blood|axe|rope)\\b`,
    [words('knife gun bomb coffin grave blood axe rope')],
    shortEmojiThreat,
  ),
];
