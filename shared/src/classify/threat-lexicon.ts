import { IDENTITY_GROUPS } from './lexicon.ts';

// Building blocks for the threat patterns in threat.ts. All match the normalised text
// (lower-case ASCII, single words), so obfuscated spellings are already undone.

const words = (alternation: string) => alternation.split('|');
const GROUPS = IDENTITY_GROUPS.split(/\s+/).filter(Boolean);

/** Someone the threat lands on: "your kids", "that councillor", "those Muslims". Order matters (regex priority). */
export const PERSON_WORDS: readonly string[] = [
  ...words(
    `person|people|persons|man|men|woman|women|guy|guys|lad|lads|girl|girls|boy|boys|kid|kids|child|children|family|` +
      `families|wife|husband|partner|son|sons|daughter|daughters|baby|babies|mum|mother|dad|father|parents|councillor|` +
      `councillors|cllr|mp|mps|mayor|politician|politicians|traitor|traitors|officer|officers|leader|bastard|bastards|` +
      `bitch|bitches|cunt|cunts|scum|scumbag|scumbags|twat|twats|tory|tories|remoaner|remoaners|paedo|paedos|nonce|` +
      `prick|slag|whore|lot|neck|throat|head|face|legs|kneecaps|skull|brains|house|home|car|office|surgery|windows|` +
      `staff|dog|cat|pets|life|lives|van|motor|bike|rover|tesla|audi|bmw|merc|mercedes|jag|spaniel|labrador|staffie|puppy|horse|pony|shed|garage|roof|caravan`,
  ),
  ...GROUPS,
];
export const PRONOUN_WORDS: readonly string[] = words(
  `you|u|ya|yah|yous|youse|ye|yall|y'all|him|her|them|everyone|everybody|whoever|anyone|anybody|all of you|each of you|one of you|` +
    `the lot of you|the pair of you|all of them|every one of them|every last one of them|every one of you|each one of them|each of them|the lot of them|the whole lot of them|every single one of them`,
);
export const DET_WORDS: readonly string[] = words(
  `both of your|both your|the next|the|that|this|those|these|every|all|any|each|some|a|an|his|her|their|our|your|ur|yer`,
);
export const OWNED_WORDS: readonly string[] = words(
  `neck|throat|head|face|legs|kneecaps|skull|brains|house|home|car|kids|children|family|wife|husband|door|windows|office|life|lives`,
);
/** Identity groups may be named bare ("kill Muslims"); other nouns need a determiner. */
export const BARE_GROUP_WORDS: readonly string[] = GROUPS.filter((g) => g !== 'people');
/** Pronouns that can be the subject of a prediction or wish ("you will die"), after the noun phrases. */
export const SUBJECT_PRONOUNS: readonly string[] = words(`you|he|she|they|you all|you lot`);

/**
 * Placeholders for the two noun phrases, matched by noun-phrase.ts rather than by the regex
 * (as regex alternations of the ~170 words above they cost V8 10–70 ms to compile per pattern):
 * - TARGET: who or what the harm lands on: a bare group ("Muslims"), a determiner + up to two
 *   words + a person ("that lying councillor", "your kids' school"), or a pronoun ("you", "all of you").
 * - SUBJECT: who a prediction or wish is about ("that woman", "traitors like you", "they");
 *   SUBJECT_OR_SOMEONE also takes "someone" / "somebody" ("I hope someone stabs him").
 * A pattern may hold one of them, at the top level, right after a space or a `\b`.
 */
export const TARGET = '\u0000target\u0000';
export const SUBJECT = '\u0000subject\u0000';
export const SUBJECT_OR_SOMEONE = '\u0000subject-or-someone\u0000';

/** Harm verbs that threaten life or serious injury, with their inflections. */
export const LETHAL =
  `kill|kills|killing|murder|murders|murdering|stab|stabs|stabbing|shoot|shoots|shooting|behead|beheading|decapitate|` +
  `strangle|strangling|hang|hanging|lynch|lynching|execute|executing|slaughter|slaughtering|butcher|butchering|gut|` +
  `knife|bomb|bombing|torch|firebomb|petrol bomb|gas|gassing|exterminate|massacre|assassinate|drown|choke|bury|end|` +
  `snap|slit|cut|cutting|blow up|run over|set fire to|set light to|burn|burning|rape|raping|shank|smother|poison|` +
  `put down|put a bullet in|put a bullet through|put a knife in|cave in|curb stomp|kneecap|acid|throw acid at|` +
  `torture|torturing|maim|cripple|break|blow away|string up|take out|wipe out|eliminate|finish off|do in|gun down|mow down|` +
  `put an end to|eradicate|exterminate|cleanse|purge|get rid of`;
/** Harm verbs for assault and intimidation short of a threat to life. */
export const HURT =
  `hurt|hurting|harm|harming|beat up|batter|battering|punch|punching|kick|kicking|smash|smashing|smack|slap|` +
  `thump|deck|glass|attack|attacking|hit|headbutt|spit on|bash|lamp|twat|chin|leather|stamp on|sexually assault|assault|molest|grope|` +
  `come for|come after|coming for|coming after|terrorise|terrorize|stalk|harass`;

/** First person about to act: "I'll", "we're going to", "imma", "I could". */
export const INTENT =
  `\\b(?:imma|ima|gonna|gunna|gona|let'?s|lets|let us|(?:i|we|me and the lads|me and my mates)(?: really| just| honestly| actually| definitely| seriously| fucking)*(?:'ll|ll| will| shall| wil|'d| would| could| might| can| should| must| have to| need to| ought to| gotta| got to|` +
  `(?: am|'m|m| are|'re| re)?(?: really| just| honestly| actually| definitely| seriously| fucking)* (?:going to|gonna|gunna|gona|about to|coming to|coming round to|coming over to|coming back to|here to)|` +
  ` (?:gonna|gunna|gona|wanna)|(?: really| truly| honestly| fucking| seriously)? (?:want|intend|plan|mean|promise|swear|vow|need|hope) to| (?:get|have|feel|got|keep getting) (?:the|an) urge to|` +
  `'d (?:love|like) to| would (?:love|like) to| can'?t wait to))`;
export const ADVERBS =
  `(?: (?:just|really|fucking|personally|actually|definitely|literally|gladly|happily|soon|one day|eventually|` +
  `easily|still|also|then|go and|come and|come round and|come over and|find you and|track you down and|` +
  `hunt you down and|wait for you and|make sure i|make sure we|be the one to|get someone to|pay someone to|` +
  `get the lads to|personally|have to|need to|got to|gotta|keep|continue to|start))*`;

/** Objects that make a harm verb an idiom: "shoot you an email", "hit you up". */
export const IDIOM_AFTER =
  `(?: (?:an?|the|over|across|back)? ?(?:e-?mail|emails|message|messages|text|line|note|quick|update|invite|link|copy|` +
  `reminder|dm|pm|call|details|letter|reply|response|agenda|form|number)\\b| up\\b| with (?:a|an|the|some) (?:fine|bill|question|` +
  `fact|letter|report|email)| to it\\b| at (?:the )?(?:polls|ballot|election|count|hustings|debate|vote|game|quiz|chess|pool|darts)| in (?:the|next|may) (?:election|polls|vote|debate|race|ballot|count)| in (?:every|each|all|most) (?:seat|seats|ward|wards|constituency|council|election)| across the (?:borough|county|district|city|country)| out of office| from office| with kindness| down (?:at|in) the (?:election|polls|ballot))`;
