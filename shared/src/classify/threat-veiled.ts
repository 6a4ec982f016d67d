import type { Normalised } from './normalise.ts';
import { HURT, IDIOM_AFTER, LETHAL, TARGET } from './threat-lexicon.ts';
import { makePattern, words } from './threat-pattern.ts';
import type { Pattern } from './threat-pattern.ts';

// Threats that carry no "I will kill you": the families the threat-assessment literature
// describes for letters to public figures, written as mechanisms rather than sentences.
// - fixation and surveillance: the sender shows they know the car, the route, the children;
// - warnings dressed as predictions, advice or someone else's intent;
// - harm arranged through third parties, or by euphemism made final ("deal with her permanently");
// - countdowns, execution imagery, capability hints, threats to family and home.
// Each pattern has a benign twin in threat-veiled.test.ts.

const YOU = `(?:you|u|ya|yous|youse)`;
const FAMILY = `(?:family|kids|children|wife|husband|partner|daughter|son|daughters|sons|grandkids|little ones|loved ones|mum|mother|dad|father)`;
const FAMILY_WORDS = words(`family kids children wife husband partner daughter son daughters sons grandkids ones mum mother dad father`);
// Elections, votes and courts are where a politician "pays" or "has their time come" legitimately.
const NOT_POLITICAL = `(?!.{0,40}\\b(?:ballot|polls|election|elections|vote|votes|voters|in may|next may|standards|ombudsman|court|tribunal|judicial|in office|as (?:a )?(?:councillor|mayor|leader|mp|chair)|on the council|in the chamber|in post)\\b)`;
// Friendly words in the same message make "say hello to your kids for me" a greeting.
const FRIENDLY =
  /\b(?:lovely|great to|nice to|good to|thanks|thank you|cheers|wonderful|pleasure|see you (?:at|on|next)|congratulations|congrats|best wishes)\b/;
const notFriendly = (n: Normalised) => !FRIENDLY.test(n.text);

const P = (rule: string, category: Pattern['category'], src: string, need: string[][], options: Parameters<typeof makePattern>[4] = {}) =>
  makePattern(rule, category, src, need, options);

export const VEILED_PATTERNS: Pattern[] = [
  // Surveillance: "I know the car you drive and the route you take home".
  P(
    'surveillance',
    'doxxing',
    `\\b(?:i|we)(?:'ve| have)? (?:know|knew|seen|saw|noticed|clocked|watched|spotted|followed|been watching|been following|know all about|found out) (?:exactly )?(?:the |what |which |where |when |how |all about )?(?:car|cars|route|way|time|times|bus|train|gym|road|street|school|pub|church|shop|shops|colour of the car|reg|registration|number plate|house|door|days|nights|hours) (?:that )?(?:${YOU}|(?:your|ur) ${FAMILY}) (?:[a-z']+ ){0,2}?(?:drive|drives|take|takes|walk|walks|leave|leaves|park|parks|get|gets|go|goes|use|uses|jog|run|runs|cycle|live|lives|sleep|sleeps|work|works|finish|finishes|drop|drops|pick|picks)\\b`,
    [
      words('know knew seen saw noticed clocked watched spotted followed watching following found'),
      words(
        'drive drives take takes walk walks leave leaves park parks get gets go goes use uses jog run runs cycle live lives sleep sleeps work works finish finishes drop drops pick picks',
      ),
    ],
    { also: ['threat'] },
  ),
  // Watching the family: "I saw you leaving the school with your daughter on Tuesday".
  P(
    'surveillance',
    'doxxing',
    `\\b(?:i|we)(?:'ve| have)? (?:saw|seen|watched|spotted|noticed|clocked|followed|been watching|been following) ${YOU}\\b(?=.{0,90}\\b(?:school|home|house|nursery|gates|gym|outside|driveway|front door|street)\\b).{0,60}?\\b(?:your|ur) ${FAMILY}\\b`,
    [words('saw seen watched spotted noticed clocked followed watching following'), FAMILY_WORDS],
    { also: ['threat'], accept: notFriendly },
  ),
  // Countdowns: "Three days left. Tick tock." / "you have 48 hours to live".
  P(
    'countdown',
    'threat_to_life',
    `\\b${YOU}(?:'ve| have| got|'ve got| have got) (?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of) (?:days?|hours?|weeks?|months?) (?:left )?to live\\b`,
    [words('live')],
  ),
  P(
    'countdown',
    'threat',
    `\\b(?:(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few) (?:days?|hours?|weeks?|sleeps) (?:left|to go|remaining)[ ,]+(?:and )?(?:counting )?tick ?tock|tick ?tock[ ,]+(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few) (?:days?|hours?|weeks?|sleeps)(?: left| to go| remaining)?|the clock is ticking (?:for you|on your life)|(?:your|ur) clock is ticking|tick ?tock (?:councillor|cllr|traitor|mate|love|sunshine|sweetheart|darling|bitch)|tick ?tock\\b.{0,60}\\btick ?tock)\\b(?!(?:[ ,]+[a-z0-9']+){0,6}[ ,]+(?:to (?:submit|respond|reply|register|apply|vote|sign|book|enter|comment|object|have your say|send|complete|return|get your)|until (?:the )?(?:deadline|consultation|closing|polls)))`,
    [words('tick ticking')],
  ),
  // Execution imagery, being prepared: "Get the rope ready for this one".
  P(
    'gallows',
    'threat_to_life',
    `\\b(?:get|got|getting|bring|bringing|fetch|have|ready|readying|build|building|erect|erecting|sharpen|sharpening|oil|oiling|tie|tying|test|testing|prepare|preparing|dust off)(?: out)? (?:the |a |my |our |some |your )?(?:rope|ropes|noose|nooses|gallows|guillotine|lamp ?posts?|tar and feathers|firing squad|scaffold|pitchforks)(?: out)?(?: ready)?(?= *(?:$|[.!?\\n,]|for (?:you|him|her|them|this one|that one|these|those|traitors|the traitors|the lot|all of you|the councillors?|the mps?|the mayor|councillors|politicians|mps|tories)\\b))`,
    [words('rope ropes noose nooses gallows guillotine lamppost lampposts lamp posts post tar firing scaffold pitchforks')],
  ),
  // Capability hints: "You have no idea what I'm capable of". Not "… what I can do for the ward".
  P(
    'capability',
    'threat',
    `\\b${YOU} (?:have|'ve got|'ve|got)? ?no idea (?:what|who) (?:i|we)(?:'m| am|'re| are)? ?(?:can do|could do|will do|'ll do|would do|'d do|am capable of|'m capable of|are capable of|'re capable of|capable of)(?: to you)?(?= *(?:$|[.!?\\n,]|(?:councillor|cllr|mate|pal|love|sunshine|bitch|cunt|scum)\\b))`,
    [words('idea')],
    { negationInside: true },
  ),
  P(
    'capability',
    'threat',
    `\\b${YOU} (?:don'?t|do not|really don'?t|clearly don'?t|have no idea|haven'?t got a clue) (?:know )?(?:who|what) ${YOU}(?:'re| are) (?:dealing|messing|fucking|playing|dicking) (?:with|about with)\\b|\\b${YOU}(?:'ve| have) (?:messed|fucked|picked a fight|crossed) (?:with )?the wrong (?:person|people|man|guy|bloke|family|lads)\\b|\\b${YOU} (?:don'?t|do not) know what (?:i|we)(?:'m| am|'re| are) capable of\\b`,
    [words('dealing messing fucking playing dicking wrong capable')],
    { negationInside: true },
  ),
  // Family and home no longer safe: "Your family won't be safe". Not "… won't be safe until you fix the crossing".
  P(
    'family-safe',
    'threat',
    `\\b(?:your|ur) (?:${FAMILY}|house|home|car|staff|pets|dog)(?: and (?:your )?[a-z]+)? (?:won'?t|will not|wont|will never|won'?t ever|are not going to|aren'?t going to) (?:be )?(?:safe|be safe|protected|be around)(?: (?:for )?(?:much )?(?:long|longer|forever|for ever))?(?= *(?:$|[.!?\\n,]|if\\b|now\\b|anymore\\b|any more\\b|either\\b|i promise|mark my words|just saying|councillor|cllr))`,
    [words('safe protected around')],
    { negationInside: true },
  ),
  // A greeting to the family from a hostile stranger: "Say hello to your kids for me".
  P(
    'family-greeting',
    'threat',
    `\\b(?:say hello|say hi|give my (?:love|regards|best)|send my (?:love|regards|best)|give (?:a )?kiss|kiss) (?:to )?(?:your|ur) ${FAMILY}(?: from me)? for me\\b`,
    [words('hello hi love regards best kiss')],
    { accept: notFriendly },
  ),
  // Someone else's intent, reported as a warning: "Some people round here want you dead".
  P(
    'wanted-dead',
    'threat_to_life',
    `\\b(?:want|wants|wanted|would like to see|'d like to see|would love to see|'d love to see|want to see|wants to see|wanna see|like to see|be happy to see|be glad to see) (?:${YOU}|your ${FAMILY}|him|her|them)(?: all)? (?:dead|hanged|hanging|hung|swinging|six feet under|in a box|in a coffin|in the ground|strung up|shot|stabbed|burned|burnt|killed|murdered|lynched|beheaded|gone for good)\\b`,
    [
      words('want wants wanted like love wanna happy glad'),
      words('dead hanged hanging hung swinging six box coffin ground strung shot stabbed burned burnt killed murdered lynched beheaded good'),
    ],
  ),
  P(
    'wanted-dead',
    'threat',
    `\\b(?:want|wants|wanted|would like to see|'d like to see|would love to see|'d love to see|want to see|wants to see|wanna see) (?:${YOU}|your ${FAMILY})(?: all)? (?:hurt|beaten|beaten up|battered|in hospital|suffer|suffering)\\b`,
    [words('want wants wanted like love wanna'), words('hurt beaten battered hospital suffer suffering')],
  ),
  P(
    'matter-of-time',
    'threat',
    `\\b(?:only |just )?(?:a )?matter of time (?:before|until|till|til) (?:someone|somebody|something|one of us|people|we|they|it) (?:gets?|hurts?|kills?|attacks?|does|do|finds?|comes? for|catches?|deals? with|sorts?|happens to|catches up with)(?: out)? (?:${YOU}|your ${FAMILY})\\b`,
    [words('matter'), words('time')],
  ),
  P(
    'someone-will-get-you',
    'threat',
    `\\b(?:someone|somebody|one of us|one of these days someone|people|the lads)(?:'s| is| are)? (?:going to|gonna|will|'ll|is bound to|are bound to)(?: get| do| sort| deal with| come for| catch| find)(?: out)? ${YOU}\\b(?= *(?:$|[.!?\\n,]|one day|one dark night|one night|one of these days|in the dark|at night|when you least expect it|soon|eventually|sooner or later|i promise|mark my words|and\\b|if\\b|councillor|cllr))`,
    [words('someone somebody one people lads'), words('get do sort deal come catch find')],
  ),
  P(
    'third-party',
    'threat',
    `\\b(?:i|we)(?:'ve| have)?(?: got| know| have)(?: some| a few| a couple of| plenty of| loads of| lots of| people| the)? (?:lads|mates|friends|people|blokes|guys|men|boys|contacts|associates|someone|somebody|a man|a guy|a bloke|people round here|people who)(?: round here| in this town| on the estate)? (?:who|that|what)(?:'d| would|'ll| will| could| can| are| is| are happy to| would be happy to| would love to| 'd love to| are itching to| are dying to)?(?: happily| gladly| easily| willingly| love to| be happy to| like to)* (?:sort (?:${YOU}|her|him|them) out|do (?:${YOU}|her|him|them) in|deal with (?:${YOU}|her|him|them)|take care of (?:${YOU}|her|him|them)|pay (?:${YOU}|her|him|them) a visit|visit (?:${YOU}|her|him|them)|find (?:${YOU}|her|him|them)|(?:${LETHAL}|${HURT}) (?:${YOU}|her|him|them))\\b`,
    [words('lads mates friends people blokes guys men boys contacts associates someone somebody man guy bloke')],
  ),
  P(
    'third-party',
    'threat',
    `\\bmy (?:brothers?|sons?|mates|lads|boys|friends|cousins|dad|uncles?|family|husband|boyfriend|partner|people) (?:would|will|'ll|are going to|are gonna|is going to|'d|could|can|are itching to|would love to)(?: happily| gladly| easily| willingly| love to| like to| be happy to)* (?:sort (?:${YOU}|her|him|them) out|do (?:${YOU}|her|him|them) in|deal with (?:${YOU}|her|him|them)|take care of (?:${YOU}|her|him|them)|pay (?:${YOU}|her|him|them) a visit|find (?:${YOU}|her|him|them)|(?:${LETHAL}|${HURT}) (?:${YOU}|her|him|them))\\b(?!${IDIOM_AFTER})`,
    [words('brother brothers son sons mates lads boys friends cousins dad uncle uncles family husband boyfriend partner people')],
  ),
  // Euphemism made final: "somebody should deal with her permanently", "sort him out for good".
  P(
    'final-euphemism',
    'threat_to_life',
    `\\b(?:deal with|sort out|take care of|get rid of|shut up|silence|finish off|see to|handle|take out|dispose of|sort|shut|finish) ${TARGET}(?: out| up| off)? (?:permanently|for good|once and for all|for ever|forever|properly this time|for keeps)\\b${NOT_POLITICAL}`,
    [words('permanently good once ever forever properly keeps')],
  ),
  // Generic subjects the reader belongs to: "people like you end up hanged".
  P(
    'generic-fate',
    'threat_to_life',
    `\\b(?:(?:people|men|women|scum|traitors|folk|politicians|councillors|cunts|bastards|rats|vermin|liars|paedos) like (?:you|u|ya|yourself)|the likes of (?:you|u|ya)|(?:your|ur) (?:sort|kind|type|lot))(?: all| always| usually| eventually| often| soon| tend to| will| 'll| are going to| are gonna| deserve to| need to)* (?:end up|get|wind up|end up getting|wind up getting|are|be|get found) (?:killed|shot|shot dead|hanged|hung|executed|strung up|stabbed|burned|burnt|lynched|beheaded|murdered|dead|in a ditch|in a box|in a coffin|in the river|in the canal|swinging|hanging from|six feet under|put down)\\b${NOT_POLITICAL}`,
    [
      words('like likes sort kind type lot'),
      words(
        'killed shot hanged hung executed strung stabbed burned burnt lynched beheaded murdered dead ditch box coffin river canal swinging hanging six put',
      ),
    ],
  ),
  P(
    'generic-fate',
    'threat',
    `\\b(?:(?:people|men|women|scum|traitors|folk|politicians|councillors|cunts|bastards|rats|vermin|liars|paedos) like (?:you|u|ya|yourself)|the likes of (?:you|u|ya)|(?:your|ur) (?:sort|kind|type|lot))(?: all| always| usually| eventually| often| soon| tend to| will| 'll| are going to| are gonna| deserve to| need to)* (?:end up|get|wind up|end up getting|wind up getting) (?:hurt|beaten|beaten up|battered|attacked|glassed|kneecapped|a kicking|a beating|in hospital)\\b${NOT_POLITICAL}`,
    [words('like likes sort kind type lot'), words('hurt beaten battered attacked glassed kneecapped kicking beating hospital')],
  ),
  // The reader hurt, told as a prediction: "you'll be hurt". Not "… hurt at the polls".
  P(
    'you-will-be-hurt',
    'threat',
    `\\b${YOU}(?:'ll|ll| will| are going to|'re going to| are gonna|'re gonna| gonna) (?:be|get|end up) (?:hurt|beaten|beaten up|battered|attacked|glassed|kneecapped|in hospital|a kicking|a beating|smashed)\\b(?! (?:by|at|in) (?:the )?(?:voters|electorate|polls|election|ballot|result|vote|budget|cuts|rise|prices|bills))${NOT_POLITICAL}`,
    [words("you'll youll you ya u"), words('hurt beaten battered attacked glassed kneecapped hospital kicking beating smashed')],
  ),
  P(
    'what-happens',
    'threat',
    `\\b(?:watch|wait and see|wait till you see|wait until you see|you'?ll see|you will see|you'?re going to see|see) what happens (?:to (?:you|u|ya)|to (?:your|ur) (?:${FAMILY}|house|home|car))\\b${NOT_POLITICAL}`,
    [words('happens')],
  ),
  P(
    'last-occasion',
    'threat_to_life',
    `\\benjoy (?:your|ur) (?:last|final) (?:christmas|xmas|birthday|summer|holiday|days|weeks|months|night|nights|meal|breath|breaths|few days|weekend|moments|easter)\\b${NOT_POLITICAL}`,
    [words('last final')],
  ),
  // Advice that is a warning: "I'd be very careful walking home alone if I were you".
  P(
    'careful-warning',
    'threat',
    `\\b(?:i'?d|i would|you'?d|you would|you should|you better|you'?d better|better|i'?d advise you to|i suggest you|i suggest)(?: be| stay)? (?:very |really |extra |more )?careful (?:walking|going|driving|out|at night|alone|on your own|round here|when you|where you|who you|coming|leaving|getting)\\b(?=.{0,80}\\b(?:if i were you|if i was you|just saying|that'?s all|friendly warning|word to the wise|a warning|alone|on your own|in the dark|late at night)\\b)`,
    [words('careful')],
  ),
  P(
    'your-time',
    'threat',
    `\\b(?:your|ur) (?:time|turn|day|reckoning) (?:is coming|will come|is near|is nearly here|has come|is close|is coming soon)\\b(?! (?:at|in|on|when|with|to) )${NOT_POLITICAL}`,
    [words('time turn day reckoning')],
  ),
  // Incitement reported as others' intent: "there are people who want to hurt you".
  P(
    'others-intent',
    'threat',
    `\\b(?:people|someone|somebody|folk|lads|others|there are people|there'?s people|some people)(?: round here| out there| in this town| on the estate| i know)?(?: who)? (?:want|wants|are planning|is planning|are talking about|is talking about|are itching|would love|'d love|are dying|is dying) (?:to )?(?:${LETHAL}|${HURT}|hurting|killing|stabbing|shooting|get|getting|sort out|sorting out|deal with|dealing with|do|doing) (?:${YOU}|your ${FAMILY})\\b(?! (?:at|in) (?:the )?(?:polls|election|ballot|vote|may))`,
    [words('people someone somebody folk lads others'), words('want wants planning talking itching love dying')],
  ),
];

// Imperatives at the start of a sentence (or a hashtag): "shoot the mayor", "hang the lot of
// them", "#hangthemall". Mid-sentence the same words are usually idioms or reported speech, and
// with "a" ("murder a curry") they are rarely aimed at anyone.
const IMPERATIVE_LETHAL = `kill|shoot|stab|hang|lynch|execute|behead|murder|string up|burn|gas|bomb|shank|knife|torch|firebomb|petrol bomb|bury|drown|butcher|slaughter|exterminate|gun down|strangle|hang up|shoot down`;
const IMPERATIVE_HURT = `beat up|batter|punch|kick|smash|slap|deck|glass|attack|bash|kneecap|beat`;
const LEAD = `(?:(?:just|go|go and|and|so|please|pls|plz|now|lads|guys|everyone|all|someone|somebody|come on|right)[ ,]+)*`;
// The verb alone anchors the search: "up" or "down" would send it into every sentence.
const firstWords = (alternation: string) => [...new Set(alternation.split('|').map((a) => a.split(' ')[0]!))];
const atSentenceStart = (n: Normalised, nStart: number): boolean => {
  const t = n.tokens.find((tok) => tok.nStart === nStart);
  if (!t) return false;
  return t.sentenceStart || n.original[t.start - 1] === '#';
};
VEILED_PATTERNS.push(
  P(
    'imperative',
    'threat_to_life',
    `\\b${LEAD}(?:${IMPERATIVE_LETHAL})(?! an? ) ${TARGET}(?!${IDIOM_AFTER})${NOT_POLITICAL}`,
    [firstWords(IMPERATIVE_LETHAL)],
    {
      accept: atSentenceStart,
    },
  ),
  P('imperative', 'threat', `\\b${LEAD}(?:${IMPERATIVE_HURT})(?! an? ) ${TARGET}(?!${IDIOM_AFTER})${NOT_POLITICAL}`, [firstWords(IMPERATIVE_HURT)], {
    accept: atSentenceStart,
  }),
);
