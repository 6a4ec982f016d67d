import type { Normalised } from './normalise.ts';
import { makePattern, words } from './threat-pattern.ts';
import type { Pattern } from './threat-pattern.ts';

// Execution pictured rather than promised — the rope "with your name on it", lampposts "for
// traitor councillors", the guillotine "being built", "you'll be swinging from the balcony" —
// and the attack on the home laid out step by step (a petrol bomb through the letterbox, the
// family's car "going up in flames"), the body found, a beating handed out by others. The past
// ("the gallows were taken down in the 1830s") and idioms for losing a job ("his head on a
// plate", "heads will roll") are not these. Benign twins live in threat-families.test.ts.

const YOU = `(?:you|u|ya)`;
const NOT_AT_POLLS = `(?! (?:at|in|on) (?:the )?(?:polls|election|elections|ballot box|ballot|by-election|vote|count|may))`;
const GALLOWS_PLACE = `(?:lamp ?posts?|lampposts?|trees?|balcony|gallows|gibbets?|rope|noose|bridge|crane|town hall|beam|rafters|scaffold)`;
const TARGETS = `(?:traitors?|(?:the |you |all the |these |those |our |all |every )*(?:traitor |lying |corrupt |treacherous )?(?:councillors?|cllrs?|mps?|politicians|traitors|you|you lot|the lot of you|scum|the council))`;

const P = (rule: string, category: Pattern['category'], src: string, need: string[][], accept?: Pattern['accept']) =>
  makePattern(rule, category, src, need, accept ? { accept } : {});

/** The match is not told in the past or as history: "a petrol bomb was pushed through the letterbox". */
const notThePast = (n: Normalised, nStart: number): boolean => {
  const before = n.text.slice(Math.max(0, nStart - 40), nStart);
  return !/\b(?:was|were|been|had|in (?:1[0-9]|20)[0-9]{2}s?|century|history|historic|museum)\b[a-z ]*$/.test(before);
};

const INCITEMENT_CONTEXT =
  /\b(?:lads|you know what to do|address|electoral roll|who'?s with me|any volunteers|rt|retweet|[0-9]+ [a-z]+ (?:lane|road|street|avenue|close|drive|way|crescent|grove|court|place|gardens|terrace))\b/;

export const GALLOWS_PATTERNS: Pattern[] = [
  // "A nice length of rope with your name on it"; "there's a bullet with your name on it".
  P(
    'name-on-it',
    'threat_to_life',
    `\\b(?:rope|ropes|noose|nooses|bullet|bullets|knife|blade|coffin|grave|round|cartridge|shell|shells)(?: (?:with|that has|that's got|has|has got|'s got|got))? (?:your|ur|yer) (?:name|names) (?:on|written on|carved on|engraved on) (?:it|them)\\b`,
    [words('rope ropes noose nooses bullet bullets knife blade coffin grave round cartridge shell shells'), words('name names')],
  ),
  // "Plenty of lampposts on the high street for traitor councillors".
  P(
    'gallows-for',
    'threat_to_life',
    `\\b(?:plenty of|enough|lots of|loads of|spare|a few|some|the|those|these|a) (?:lamp ?posts?|lampposts?|trees|ropes?|nooses?|gallows|gibbets?|meat hooks)\\b(?: [a-z]+){0,5}? for ${TARGETS}\\b`,
    [words('lamp lampposts lamppost posts post trees rope ropes noose nooses gallows gibbet gibbets hooks'), words('for')],
    notThePast,
  ),
  // "Bring your own rope."
  P(
    'bring-rope',
    'threat_to_life',
    `\\bbring (?:your own|ur own|yer own|the|a|some|plenty of|enough) (?:rope|ropes|noose|nooses|pitchforks)\\b`,
    [words('bring'), words('rope ropes noose nooses pitchforks')],
    (n) => /\b(?:traitors?|councillors?|cllr|hang|hanging|lamp ?posts?|lampposts?|gallows|scum|treason)\b/.test(n.text),
  ),
  // "The gallows are coming back", "guillotine's being built".
  P(
    'gallows-coming',
    'threat_to_life',
    `\\b(?:gallows|guillotines?|nooses?|gibbets?|firing squads?)(?: is| are|'s|s)? (?:being built|being sharpened|sharpened|coming back|going up|back|ready|waiting|on (?:its|their) way|being prepared|being erected)\\b`,
    [words("gallows guillotine guillotines guillotine's guillotines noose nooses gibbet gibbets squad squads")],
    notThePast,
  ),
  // "First head in the basket is Cllr Spencer's"; "your head's coming off next".
  P(
    'head-off',
    'threat_to_life',
    `\\bfirst (?:head|neck|one) (?:in|on|into) the (?:basket|noose|rope)\\b|\\b(?:your|ur|yer|his|her|their) (?:head|heads|head's|heads')(?: is| are| will be|'ll be| is going to be|(?:'s| is| are)? (?:going|gonna go|will go|'ll go))? (?:coming off|on a (?:spike|pike|stick)|in (?:a|the) basket)\\b`,
    [words("head heads head's heads' neck one"), words('basket noose rope coming spike pike stick')],
  ),
  // "You'll be swinging from the town hall balcony".
  P(
    'swinging-from',
    'threat_to_life',
    `\\b(?:${YOU}|you lot|you all|they|traitors|councillors|he|she)(?:'ll| will| are going to| are gonna|'re going to|'re gonna| gonna)? (?:all )?(?:be )?(?:swinging|hanging|dangling|swing|hang) (?:from|off) (?:a|the|those|that|every|your|their)(?: [a-z]+){0,2}? ${GALLOWS_PLACE}\\b`,
    [words('swinging hanging dangling swing hang'), words('from off')],
    notThePast,
  ),
  // "These councillors need lining up against a wall and shooting."
  P(
    'execution-act',
    'threat_to_life',
    `\\b(?:need|needs|want|wants|deserve|deserves|should be|ought to be|to be|wants)(?: all)? (?:lining|lined|putting|put|standing|stood) up against (?:a|the) wall\\b`,
    [words('lining lined putting put standing stood'), words('wall')],
  ),
  // "Anyone who sees her in Tesco should give her a proper kicking." Not "at the polls".
  P(
    'give-a-beating',
    'threat',
    `\\b(?:should|needs? to|ought to|must|wants? to|gonna|going to|will|'ll|to|go and|and) give (?:him|her|them|${YOU}|the lot of them|that [a-z]+|cllr [a-z]+|councillor [a-z]+) (?:a |another |the )?(?:proper |good |right |real |serious |fucking |sound |bloody )?(?:kicking|beating|hiding|pasting|battering|going over|slap|smack|thumping|belting|kicking in)\\b${NOT_AT_POLLS}`,
    [words('give'), words('kicking beating hiding pasting battering going slap smack thumping belting')],
  ),
  // "Go round and sort her out, you know what to do" — only where the message rallies others.
  P(
    'go-round',
    'threat',
    `\\b(?:go|get|going|head|pop|get yourselves) (?:round|over|down|up)(?: there| to (?:hers|his|theirs|her house|his house|her place|his place))? and (?:sort|deal with|teach|visit|see to|have a word with) (?:her|him|them|the [a-z]+)(?: out| a lesson)?\\b`,
    [words('round over down up'), words('sort deal teach visit see word')],
    (n) => INCITEMENT_CONTEXT.test(n.text),
  ),
  // The body found: "when she's found face down in a ditch".
  P(
    'found-dead',
    'threat_to_life',
    `\\b(?:when|once|till|until|after|before) (?:she|he|${YOU}|they|your [a-z]+)(?:'s| is| are|'re|s)? (?:found|fished out|pulled out)(?: of)? (?:face down|dead|floating|in a ditch|in the canal|in the river|in pieces|in a bag|in a skip|hanging)\\b`,
    [words('when once till until after before'), words('found fished pulled')],
  ),
  // "You're getting your head caved in"; "you'll get your legs broken". Not "your teeth done".
  P(
    'head-caved-in',
    'threat',
    `\\b(?:${YOU}(?:'re| are|'ll| will|re| r)?|ur) (?:getting|going to get|gonna get|get|have|having|'ll get|will get|gonna have|going to have) (?:your|ur|yer) (?:head|face|teeth|skull|legs|kneecaps|nose|jaw|windows|door) (?:(?:caved|kicked|smashed|bashed|punched|knocked|stoved|beaten|put) (?:in|out)|broken|broke|smashed|kicked in)\\b`,
    [words('getting get have having'), words('caved kicked smashed bashed punched knocked stoved beaten put broken broke')],
  ),
  // "You'll be brown bread by the summer."
  P(
    'you-will-die',
    'threat_to_life',
    `\\b${YOU}(?:'ll| will| are going to|'re going to| are gonna|'re gonna| gonna) (?:soon )?be (?:brown bread|pushing up (?:the )?daisies|worm food|six feet under|in a body bag|a goner|a corpse)\\b`,
    [words('bread daisies food under bag goner corpse')],
  ),
  // The attack on the home laid out: "then a petrol bomb through the letterbox".
  P(
    'home-attack',
    'threat_to_life',
    `\\b(?:a |another |the )?(?:petrol bomb|firebomb|fire bomb|molotov|molotov cocktail|lit rag|burning rag|lit match|lit firework)s? (?:through|in|into|down) (?:the|your|ur|their|his|her) (?:letterbox|letter box|window|windows|door|front door)\\b`,
    [words('bomb firebomb molotov cocktail rag match firework fireworks'), words('letterbox letter window windows door')],
    notThePast,
  ),
  P(
    'home-attack',
    'threat',
    `\\b(?:a |another |the )?(?:brick|bricks|rock|rocks|stone|stones)s? (?:through|in|into) (?:the|your|ur|their|his|her) (?:window|windows|front window|windscreen)\\b`,
    [words('brick bricks rock rocks stone stones'), words('window windows windscreen')],
    notThePast,
  ),
  // Mock concern: "Would hate for that nice Audi of yours to go up in flames one night."
  P(
    'would-hate-for',
    'threat',
    `\\b(?:would|'d|i'd|we'd|i would|we would) hate (?:for|it if) (?:(?:your|ur|yer) [a-z]+|that (?:[a-z]+ )?[a-z]+ of yours)(?: [a-z]+){0,3}? (?:to )?(?:go up in flames|went up in flames|goes up in flames|catch fire|caught fire|burn down|burnt down|burned down|get hurt|got hurt|get damaged|get smashed|got smashed|have an accident|had an accident|get torched|got torched)\\b(?! (?:on|at|crossing) (?:that|this|the)\\b)`,
    [words('hate'), words('flames fire down hurt damaged smashed accident torched')],
  ),
  // "Somebody needs to stab that clown Bellamy."
  P(
    'incitement',
    'threat_to_life',
    `\\b(?:someone|somebody|anyone|anybody)(?: really| just)? (?:should|ought to|oughta|needs? to|has to|must|wants? to)(?: just| really| finally| go and)* (?:stab|shoot|kill|hang|murder|knife|shank|glass|strangle|behead|torch|burn) (?:that|this|the) (?:[a-z]+ ){0,2}?(?:clown|idiot|moron|fool|rat|weasel|snake|muppet|prat|pillock|woman|man|bloke|bitch|bastard|traitor|councillor|cllr|lot)\\b`,
    [words('someone somebody anyone anybody'), words('stab shoot kill hang murder knife shank glass strangle behead torch burn')],
  ),
];
