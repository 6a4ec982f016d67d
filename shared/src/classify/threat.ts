import { insideSingleQuotesOf, isNegated, isReported, reportFloor, sentenceFloor } from './context.ts';
import type { Hit } from './hit.ts';
import { execAll } from './hit.ts';
import type { Normalised, Token } from './normalise.ts';
import { subjectStartBefore } from './noun-phrase.ts';
import { execSplit } from './split-pattern.ts';
import { endsItsSentence, makePattern } from './threat-pattern.ts';
import type { Pattern } from './threat-pattern.ts';
import { OBLIQUE_PATTERNS } from './threat-oblique.ts';
import { VEILED_PATTERNS } from './threat-veiled.ts';
import { MENACE_PATTERNS } from './threat-menace.ts';
import { FORETOLD_PATTERNS } from './threat-foretold.ts';
import { PICTURED_PATTERNS } from './threat-pictured.ts';
import { GALLOWS_PATTERNS } from './threat-gallows.ts';
import { FINAL_ACT_PATTERNS } from './threat-final-acts.ts';
import { OUTCOME_PATTERNS } from './threat-outcomes.ts';
import { PREPARED_PATTERNS } from './threat-prepared.ts';
import { notInPlay } from './play.ts';
import { combineWarningSigns, SIGN_PATTERNS, SIGN_PREFIX } from './threat-warning-signs.ts';
import { mayShowSentenceSigns } from './threat-private-life.ts';
import type { PatternMatch } from './split-pattern.ts';
import { scanSelfHarm, selfHarmBits } from './self-harm.ts';
import { ADVERBS, HURT, IDIOM_AFTER, INTENT, LETHAL, SUBJECT, SUBJECT_OR_SOMEONE, TARGET } from './threat-lexicon.ts';
import type { Category } from './verdict.ts';
import { memoByWord } from './word-ids.ts';

const w = (words: string) => words.split(/\s+/).filter(Boolean);
const firstWords = (alternation: string) => [...new Set(alternation.split('|').map((a) => a.split(' ')[0]!))];
const YOU_WORDS = w(`you u ya your ur you'll youll you're youre yous you've ye ye'll yell`);
const I_WORDS = w(`i we imma ima me i'll ill i'm im we'll we're i'd we'd i've we've gonna gunna gona`);
const MODALS = w(`should ought oughta need needs must deserve deserves better`);
const FAMILY_WORDS = w(`wife husband partner kids children daughter son family mum dad mother father girlfriend boyfriend ones grandkids`);
const DEATH_WORDS = w(`die dies died dead death killed shot stabbed next hang hanged hung swing burn burned burnt bleed executed
  murdered lynched beheaded gassed exterminated slaughtered strung raped tortured butchered drowned strangled blown gunned
  eliminated culled wiped put live survive found floating coffin box ditch bag feet christmas kids cancer rot choke kill kills stab stabs shoot over
  shoots murder murders rape rapes throat throats cut wiped bullet rope noose penalty raped knifed shanked chibbed`);
/**
 * A pattern is only tried on a sentence that has at least one word from EACH group (Set
 * lookups instead of regex scans: long harmless emails skip almost every pattern).
 */
const NEED_WORDS: Record<string, ReadonlyArray<readonly string[]>> = {
  'intent-lethal': [[...I_WORDS, "let's", 'lets', 'let'], firstWords(LETHAL)],
  'intent-harm': [
    [...I_WORDS, "let's", 'lets', 'let'],
    [...firstWords(HURT), 'sexually'],
  ],
  'intent-phrasal': [I_WORDS, w('beat knock hunt track batter kick smash cave run mow gun take do finish wipe blow put string cut')],
  'intent-ensure': [I_WORDS, w('sure ensure see')],
  'intent-suffer': [I_WORDS, w('suffer pay bleed regret sorry beg scream')],
  'intent-find': [I_WORDS, w('find hunt track get catch come coming waiting watching')],
  'intent-property': [I_WORDS, w('burn torch firebomb petrol bomb blow set smash brick put slash key vandalise trash wreck')],
  'intent-vehicle': [[...I_WORDS, "let's", 'lets', 'let'], w('drive ram plough plow crash reverse steer aim')],
  'death-wish-by-me': [w('hands hand promise swear words')],
  'you-will-die': [YOU_WORDS, DEATH_WORDS],
  'you-will-pay': [YOU_WORDS, w('regret sorry pay coming yours hurt suffer deserve taught safe find know wish')],
  'you-are-dead': [YOU_WORDS, w('dead next die')],
  'you-will-need': [YOU_WORDS, w('protection escort bodyguard bodyguards ambulance paramedic undertaker coffin priest eyes kit')],
  'seeing-you-soon': [I_WORDS, w('soon')],
  'days-numbered': [w(`days watch sleep see warned warning count careful accidents shame pity safe coming waiting else shoulder`)],
  'should-die': [[...MODALS, "should've"], DEATH_WORDS],
  'should-be-hurt': [MODALS, w('beaten hurt attacked punched kicked battered smashed slapped harmed assaulted glassed spat')],
  'wish-death': [w('hope wish pray world only if'), [...DEATH_WORDS, 'eradicated', 'exterminated']],
  'death-to': [w('death hang kill shoot string execute gas burn')],
  noose: [w('noose rope bullet lamp lamppost gallows guillotine chamber hanging hang swing')],
  'political-murder': [w('cox amess neave gow batley birstall leigh belfairs')],
  'normative-kill': [w(`best better good great nice right interest solution answer option way time`), firstWords(LETHAL)],
  'normative-solution': [w('execution extermination death bullet rope hanging genocide chamber chambers')],
  'better-off-without': [w('better'), w('off place')],
  incitement: [
    w(`someone somebody anyone anybody people one who someone's somebody's lads public lot murdering killing shooting stabbing hanging raping`),
    [...firstWords(LETHAL), ...firstWords(HURT), 'legal', 'decriminalised', 'decriminalized', 'allowed'],
  ],
  'doxxing-where': [w('know knew found'), w('where which what')],
  'doxxing-have': [
    w(`got have found know posted shared sharing share post will i'll we'll`),
    w('address postcode number home plate names name school routine car'),
  ],
  'doxxing-school': [
    w('kids children daughter son ones grandkids wife husband family know seen watching waiting found'),
    w('school nursery college workplace address'),
  ],
  'doxxing-watching': [I_WORDS, w('watching following followed photographing photographed filming filmed outside waiting parked')],
  'doxxing-photos': [w('photos pictures pics photo picture footage video'), w('kids children daughter son wife husband house home family car')],
  'doxxing-nice': [w('nice lovely pretty beautiful'), w('shame pity careful something anything happen')],
  'doxxing-visit': [I_WORDS, w('house home door doorstep place school work flat')],
  'doxxing-routine': [w('your'), FAMILY_WORDS],
  conditional: [w('if'), w('regret sorry pay consequences happens next hurt know wish deal come find make')],
  'incite-self-harm': [w('yourself yourselves urself self kys die drop drink jump slit')],
};

const P = (rule: string, category: Category, src: string, also?: Category[], negationInside = false): Pattern =>
  makePattern(rule, category, src, NEED_WORDS[rule] ?? [], { ...(also ? { also } : {}), negationInside });

// Subject + optional fillers must end the text before the modal verb (see subjectStartBefore).
const S = (rule: string, category: Category, src: string): Pattern => ({ ...P(rule, category, src), subject: true });

const DEATH_PASSIVE =
  `killed|shot|shot dead|hanged|hung|executed|strung up|stabbed|burned|burnt|burned alive|lynched|beheaded|gassed|` +
  `exterminated|murdered|slaughtered|put down|wiped out|eliminated|culled|raped|tortured|butchered|run over|blown up|` +
  `gunned down|put in the ground|put against a wall|drowned|strangled|dead|hit by a (?:bus|car|train|truck)`;
const HURT_PASSIVE = `beaten|beaten up|hurt|attacked|punched|kicked|battered|smashed|slapped|harmed|assaulted|glassed|spat on`;
const YOU_FUTURE = `\\b(?:(?:you|u|ya|ye|your (?:family|kids|children|wife|husband)|you and your family)(?:'ll|ll| will| are going to|'re going to| re going to| are gonna|'re gonna| gonna| shall)|(?:ur|youre|your|u r|you r) (?:gonna|going to|gunna|gona))(?: soon| all| definitely| surely| fucking| be the one to)*`;
const BETTER_OFF = `\\b(?:the )?(?:world|country|town|we|everyone|society|this country|britain|uk) (?:would|will) be (?:a )?better (?:off|place) (?:without|if) `;
const GONE = `(?: like you| were (?:${DEATH_PASSIVE}|eradicated|exterminated|gone|dead))?\\b`;
// A vehicle driven "into the office" or "through your house" is a journey, not a weapon.
const NOT_A_PLACE = `(?<!\\b(?:office|house|home|car|surgery|windows|life|lives|lot|face|head))`;
const FAMILY = `(?:wife|husband|partner|kids|children|daughter|son|family|mum|dad|mother|father|girlfriend|boyfriend|little ones|grandkids)`;
const ROUTINE = `(?:drives|parks|walks|leaves|gets|catches|takes|goes|plays|works|finishes|picks|arrives|jogs|runs|cycles|waits|drops|walk|leave|get|catch|take|go|play|finish|arrive|wait|drive|park)`;
// "You're next" ends there or turns to the reader; "your next meeting" goes on to a noun.
const NEXT_ALONE = `(?! (?!(?:councillor|cllr|mate|pal|love|sunshine|buddy|pet|darling|sweetheart|bitch|scum|traitor|you|i|we|after|and|so|then|just|mark|believe|remember|watch|trust|count|i promise|mr|mrs|ms|miss|on (?:my|the|our|his|their) (?:hit )?list)\\b)[a-z])`;
const NOT_DEAD_IDIOM = `(?! (?:tired|impressed|chuffed|jealous|pleased|right|wrong|easy|on|lucky|excited|proud|keen|happy|busy|good|funny|serious|boring|beat|set|against|interested|proud)\\b)`;

// "Where your loyalties are" is a place only in a figure of speech.
const NOT_ABSTRACT = `(?! (?:priorities|priority|loyalties|loyalty|sympathies|allegiances?|interests?|values|heart|head|mind|thoughts|conscience|morals|principles|policies|argument|point|logic)\\b)`;

// "You're next" passes on a challenge or a turn: the sponsored swim, the nomination, the rota.
const TURN_CONTEXT =
  /\b(?:sponsored|challenge|nominate|nominated|nominating|nomination|your turn|ice bucket|raffle|quiz|rota|queue|to speak|relay|baton|dare you|bake off|fundraiser|fundraising)\b/;
const notYourTurn = (n: Normalised, nStart: number, nEnd: number): boolean => !(n.text.slice(nStart, nEnd).endsWith('next') && TURN_CONTEXT.test(n.text));

// Words put between the intent and the harm by a first clause: "I'll come round to yours and
// cave your skull in", "I'm going to wait outside on Friday and then I'll hurt you".
const COORDINATED = `(?:(?: (?!and\\b)[a-z']+){1,6}? and(?: then)?(?: (?:i|we)(?:'ll|ll| will))?)?`;

/** Threat families. Order does not matter; overlapping hits are merged by the caller. */
const CORE_PATTERNS: Pattern[] = [
  // First-person intent + lethal harm + a target: "I'm going to kill you", "we'll burn your house".
  { ...P('intent-lethal', 'threat_to_life', `${INTENT}${COORDINATED}${ADVERBS} (?:${LETHAL}) ${TARGET}(?!${IDIOM_AFTER})`), accept: notInPlay },
  { ...P('intent-harm', 'threat', `${INTENT}${COORDINATED}${ADVERBS} (?:${HURT}) ${TARGET}(?!${IDIOM_AFTER})`), accept: notInPlay },
  P(
    'intent-phrasal',
    'threat',
    `${INTENT}${COORDINATED}${ADVERBS} (?:beat|knock|hunt|track|batter|kick|smash|cave|kick the shit|beat the shit|knock the shit) ${TARGET} (?:up|out|down|in|senseless|to death|to a pulp|black and blue|into next week)\\b(?! (?:of|at|in) (?:office|the election|the polls|the ballot|power))`,
  ),
  P('intent-phrasal', 'threat', `${INTENT}${ADVERBS} (?:beat|kick|knock|smash) the (?:shit|crap|hell|living daylights|life) out of ${TARGET}`),
  P(
    'intent-phrasal',
    'threat_to_life',
    `${INTENT}${ADVERBS} (?:run|mow|gun|do|finish|wipe|put|string|cut) ${TARGET} (?:over|down|out|in|off|up|in the ground|in a box|in a coffin|six feet under|in hospital|in the hospital|to pieces|open)\\b(?!${IDIOM_AFTER})(?! (?:for|to) (?:lunch|dinner|a drink|a meal|coffee|a pint|tea))`,
  ),
  P(
    'intent-ensure',
    'threat',
    `${INTENT}${ADVERBS} (?:make sure|ensure|see to it that) (?:you|your family|your kids|he|she|they) (?:never|won'?t|don'?t|will never|can'?t) (?:see|walk|breathe|work|sleep|hold|get home|feel safe|leave)\\b`,
    undefined,
    true,
  ),
  P(
    'intent-suffer',
    'threat',
    `${INTENT}${ADVERBS} (?:make|see)(?: sure| to it that)? ${TARGET} (?:suffer|pay|bleed|regret it|sorry|beg|scream|pay for this)\\b`,
  ),
  P(
    'intent-find',
    'threat',
    `${INTENT}${ADVERBS} (?:find|hunt|track|get|catch|come for|come after|be coming for|be waiting for|be watching) ${TARGET}(?: down)?(?= *(?:$|[.!,;\\n]| and\\b| soon| one day| when| wherever| outside| at your| i promise))`,
  ),
  P(
    'intent-property',
    'threat_to_life',
    `${INTENT}${ADVERBS} (?:burn|torch|firebomb|petrol bomb|bomb|blow up|set fire to|set light to|burn down) (?:your|ur|yer|the|his|her|their) (?:[a-z]+ )?(?:house|home|office|surgery|car|flat|school|town hall|council offices|building|place)`,
  ),
  P(
    'intent-property',
    'threat',
    `${INTENT}${ADVERBS} (?:smash|brick|put a brick through|slash|key|vandalise|trash|wreck) (?:your|ur|yer|the|his|her|their) (?:[a-z]+ )?(?:windows?|tyres|tires|car|house|home|office|door)`,
  ),
  // A vehicle as the weapon: "I'm going to drive my van into you". Not "drive into the office".
  P(
    'intent-vehicle',
    'threat_to_life',
    `${INTENT}${ADVERBS} (?:drive|ram|plough|plow|crash|reverse|steer|aim)(?: (?:my|a|the|our|his|her|this|that|me) (?:[a-z]+ )?(?:car|van|truck|lorry|motor|vehicle|tractor|bus|transit|motorbike|4x4))?(?: straight| right)? (?:into|through|at|over) ${TARGET}${NOT_A_PLACE}`,
  ),
  P(
    'death-wish-by-me',
    'threat_to_life',
    `\\b${SUBJECT} (?:will|shall|is going to|are going to) die .{0,40}?(?:at my hands|by my hand|i promise|i swear|mark my words)`,
  ),
  // Predictions addressed to the reader: "you will die", "you'll be dead", "you'll get what's coming".
  P(
    'you-will-die',
    'threat_to_life',
    `${YOU_FUTURE} (?:die|be dead${NOT_DEAD_IDIOM}|be killed|get killed|get shot|get stabbed|get raped|be raped|get knifed|get shanked|get chibbed|be chibbed|get gang ?raped|be (?:getting|gettin) (?:killed|shot|stabbed|knifed|chibbed|shanked|raped|murdered|done in)|be shot|be stabbed|end up dead|end up in a (?:box|coffin|ditch|body bag)|be found dead|be next|hang|swing|burn|bleed|be six feet under|not live|not see (?:christmas|the new year|next year|another)|never see your (?:kids|family|children))\\b(?! (?:laughing|of (?:shame|embarrassment|boredom|laughter)|happy|in the polls|at the polls|politically))`,
  ),
  P(
    'you-will-die',
    'threat_to_life',
    `\\b(?:you|u|ya)(?: will| are going to|'re going to|'ll)? (?:won'?t|will not|will never|are not going to|'re not going to) (?:live|survive|make it) (?:to|through|past|until|beyond|another)\\b|\\b(?:you|u|ya)(?:'ll| will) (?:be )?found (?:dead|floating|hanging|in a (?:ditch|canal|river|skip|bin bag))\\b`,
    undefined,
    true,
  ),
  P(
    'you-will-pay',
    'threat',
    `${YOU_FUTURE}(?!.{0,40}(?:ballot|polls|election|vote|voters|in may|next may|standards|ombudsman|court|tribunal|judicial)) (?:regret (?:it|this|that|the day)|be sorry|pay for (?:this|that|it)|get what'?s coming|get yours|get hurt|suffer|get what you deserve|be taught a lesson|not be safe|never be safe|find out|know about it|wish you (?:hadn'?t|had never|were never))`,
  ),
  // "You'll need more than police protection", "you're going to need an ambulance".
  P(
    'you-will-need',
    'threat',
    `${YOU_FUTURE} (?:need|be the ones? needing)(?: (?:a lot|much|far|a hell of a lot|a lot more|way))?(?: more than)? (?:police protection|a police escort|police escort|personal protection|round the clock protection|24 hour protection|a bodyguard|bodyguards|an ambulance|a paramedic|an undertaker|a coffin|a priest|eyes in the back of your head|a first aid kit|one(?= *(?:$|[.!?\\n,;]| after| when| by| (?:councillor|cllr|mate|pal)\\b)))\\b`,
  ),
  // An ominous visit with no occasion: "We'll be seeing you very soon, councillor." Not "… very soon at the fete".
  P(
    'seeing-you-soon',
    'threat',
    `\\b(?:we|i)(?:'ll| will| shall|'re| are|'m| am) (?:be )?(?:seeing|visiting|calling on|catching up with|coming to see|paying you a visit|pay you a visit)(?: you)? (?:very|real|really) soon\\b(?! (?:at|in|on|for|when|to|after|before|then|and discuss|to discuss|about)\\b)`,
  ),
  makePattern(
    'you-are-dead',
    'threat_to_life',
    `(?<!\\b(?:out|bury|mourn|honour|honor|remember|count|collect|identify) )\\b(?:you(?:'re| are| r|re)|u(?: are| r)|ur|your) (?:a )?(?:dead|dead meat|a dead man|a dead woman|dead man walking|going to die|gonna die|next on (?:my|the|our|his|their) (?:hit |kill |death )?list|next${NEXT_ALONE})\\b${NOT_DEAD_IDIOM}(?! (?:to me|in the water|duck|end|loss|certain|cert|wrong|right))`,
    NEED_WORDS['you-are-dead']!,
    { accept: notYourTurn },
  ),
  P(
    'days-numbered',
    'threat',
    `\\b(?:(?:your|his|her|their) days are numbered|watch your back|watch yourself(?! (?:on|with|near|around|crossing|going down|going up) (?:the|that|those|them|these)\\b)|sleep with one eye open|you (?:won'?t|will never|wont|will not) see it coming|(?:keep )?look(?:ing)? over your shoulder|you(?:'ve| have) been warned|you have been warned|consider this a warning|this is your (?:last|final|only) warning(?! (?:before|prior to) (?:i|we) (?:report|complain|escalate|take|go|contact|refer|write|involve|lodge|make|raise|submit)\\b)|count your days|be careful (?:walking|when you|at night|out there|who you|where you)|accidents (?:happen|can happen)(?! (?:on|at|in|there|here|every|all the time|when|because|near|along|outside|with|if|whenever|daily|weekly|often)\\b)|you(?:'re| are) not safe|you will not be safe|you won'?t be safe|we are coming|(?:don'?t|do not) think you'?re safe|get what'?s coming|we'?re coming for(?! (?:your|ur) (?:seat|job|majority|ward|position|council seat|votes?)| you at the (?:polls|election|ballot))|i'?m coming for|i am coming for|coming for you|be coming for you|i'?ll be waiting for you|we'?ll be waiting for you|or else(?= *(?:[.!?\\n]|$)))(?![a-z'])`,
    undefined,
    true,
  ),
  // Normative threats and death wishes: "traitors should hang", "you deserve to be shot", "I hope you die".
  // The subject is checked on the text before the modal (see `subject`), which keeps these fast.
  S(
    'should-die',
    'threat_to_life',
    `\\b(?:should'?ve been|shoulda been|should|ought to|need to|needs to|must|deserves? to|deserves?|should all|oughta|better)(?: all| just| really)? (?:be |get |go and |have been |'ve been |of been |have |'ve )?(?:${DEATH_PASSIVE}|die|hang|swing|burn|rot in hell|a bullet|the rope|a noose|death|the death penalty|to die)\\b`,
  ),
  S('should-be-hurt', 'threat', `\\b(?:should|ought to|need to|needs to|must|deserves? to)(?: all| just| really)? (?:be |get )(?:${HURT_PASSIVE})\\b`),
  P(
    'wish-death',
    'threat_to_life',
    `\\b(?:i|we|i really|i just|i honestly) (?:hope|wish|pray)(?: every (?:night|day|morning)| daily| nightly)?(?: that)? ${SUBJECT_OR_SOMEONE}(?: all)? (?:would |will |gets? |get |is |are |were |be |dies|die\\b|drop dead|catches|catch|go and )?(?:${DEATH_PASSIVE}|die|dies|drop dead|get cancer|gets cancer|burn|burns|rot|rots|suffer|suffers|choke|chokes|kills?|shoots?|stabs?|murders?|rapes?|had their throats? cut|have their throats? cut|hang|hangs)\\b(?! of\\b)`,
  ),
  P(
    'wish-death',
    'threat_to_life',
    `\\b(?:in a just world|if only|i wish|i hope|better off if|better place if)\\b.{0,50}?(?:would all be|were all|would be|had their|would get|were|was) (?:${DEATH_PASSIVE}|throats? cut|heads? cut off|wiped out|eradicated|exterminated)\\b`,
  ),
  P(
    'death-to',
    'threat_to_life',
    `\\b(?:death to|hang|kill|shoot|string up|execute|gas|burn) (?:all (?:the )?|the |all of the )?(?:traitors|remoaners|tories|globalists|paedos|politicians|councillors|mps|(?:[a-z]+ )?(?:people|women|men|muslims|jews|immigrants|gays|blacks))\\b`,
  ),
  P('death-to', 'threat_to_life', `\\bdeath to ${TARGET}`),
  P(
    'noose',
    'threat_to_life',
    `\\b(?:(?:a|the) (?:noose|rope|bullet|lamp ?post|gallows|guillotine|gas chamber) (?:is )?(?:waiting |ready )?(?:for|with) (?:you|your name|ya|traitors|him|her|them)|bullet with your name|bring back (?:hanging|the noose|the gallows)(?: for (?:you|traitors|politicians|councillors|mps))?|(?:traitors|politicians|councillors|mps) (?:will|should|must) (?:hang|swing)|hang (?:you|them|him|her) (?:from|off) a (?:lamp ?post|tree|bridge))`,
  ),
  P(
    'political-murder',
    'threat_to_life',
    `\\b(?:same as|like|remember|what happened to|go the same way as|end up like|join|the way of|do a|another|next) (?:jo cox|david amess|cox|amess|airey neave|ian gow)\\b|\\bwhat happened (?:in|at|to) (?:batley|birstall|leigh on sea|leigh-on-sea|belfairs)\\b(?=.{0,80}\\b(?:can|could|will|might|would) happen\\b)`,
  ),
  // Incitement: "someone should shoot you", "I hope someone stabs him".
  P(
    'incitement',
    'threat_to_life',
    `\\b(?:someone|somebody|anyone|anybody)(?: really| just)? (?:should|ought to|oughta|needs? to|has to|will|is going to|must|could|would|gonna) (?:just |finally |go and )?(?:put|run|string|take|gun) ${TARGET} (?:in the ground|six feet under|in a box|in a coffin|over|down|up|out)\\b`,
  ),
  P(
    'incitement',
    'threat_to_life',
    `\\b(?:someone|somebody|anyone|anybody|people|someone'?s|somebody'?s|one of us|one day someone|you lot|the lads|the public)(?: really| just)? (?:should|ought to|oughta|needs? to|has to|have to|will|is going to|are going to|must|wants? to|could|would|gonna|is gonna|is bound to|will eventually|will soon|'ll)(?: just| really| finally| actually| go and| come and| eventually)* (?:${LETHAL}) ${TARGET}(?!${IDIOM_AFTER})`,
  ),
  P(
    'incitement',
    'threat',
    `\\b(?:someone|somebody|anyone|anybody|someone'?s|somebody'?s)(?: really| just)? (?:should|ought to|oughta|needs? to|has to|will|is going to|must|wants? to|could|would|gonna)(?: just| really| finally| go and| come and)* (?:${HURT}) ${TARGET}(?!${IDIOM_AFTER})`,
  ),
  P('incitement', 'threat_to_life', `\\b(?:who|anyone|anybody) (?:wants|fancies|is willing|will) (?:to )?(?:${LETHAL}) (?:him|her|them|this|that|the)\\b`),
  P(
    'incitement',
    'threat_to_life',
    `\\b(?:${LETHAL}|murdering|killing|shooting|stabbing|hanging|raping) ${TARGET}(?: like (?:you|them))? (?:should|would) (?:be (?:legal|decriminalised|decriminalized|allowed|encouraged|a public service|doing the world a favour)|not be (?:illegal|a crime|punished))`,
    undefined,
    true,
  ),
  P(
    'normative-kill',
    'threat_to_life',
    `\\b(?:it would be (?:best|better|good|great|nice|right)|it'?s (?:in everybody'?s|in everyone'?s|in our|in all our) interest|the (?:only|best|final) (?:solution|answer|option|way) is|time|it'?s time|it is time)(?: for us)?(?: to)?(?: just| all| finally| simply)* (?:${LETHAL}) ${TARGET}`,
  ),
  P(
    'normative-solution',
    'threat_to_life',
    `\\b(?:execution|extermination|death|a bullet|the rope|hanging|genocide|gas chambers?) (?:is|are) the (?:only |best |final )?(?:solution|answer|option|cure) (?:for|to) ${TARGET}`,
  ),
  // "The world would be better off without you / without Muslims": a noun phrase, or a group named bare.
  P('better-off-without', 'threat', `${BETTER_OFF}${TARGET}${GONE}`),
  P('better-off-without', 'threat', `${BETTER_OFF}(?:all |those |these |the )?(?:[a-z]+ )?(?:people|muslims|immigrants|women|gays|jews|blacks)${GONE}`),
  // Doxxing and intimidation. "We know where your office is." ends the sentence on purpose: a
  // claim to know where they are, with no errand after it, is the message; "where you are
  // coming from" is the idiom for understanding someone.
  P(
    'doxxing-where',
    'doxxing',
    `\\b(?:i|we|we all|everyone|people|they)(?: all)? (?:know|found out|have found|found|know exactly|now know) (?:where|what school|which school|what nursery|which nursery) (?:you|your|ur|u)${NOT_ABSTRACT}(?: [a-z']+){0,3} (?:live|lives|sleep|sleeps|work|works|park|go to|goes to|attend|attends|drop|walk|shop|are(?! coming from| going with))\\b`,
    ['threat'],
  ),
  {
    ...P(
      'doxxing-where',
      'doxxing',
      `\\b(?:i|we|we all|everyone|people|they)(?: all)? (?:know|found out|know exactly|now know) where (?:your|ur)${NOT_ABSTRACT}(?: [a-z']+){1,3} (?:is|are)\\b`,
      ['threat'],
    ),
    accept: endsItsSentence,
  },
  P(
    'doxxing-have',
    'doxxing',
    `\\b(?:i|we)(?:'ve| have)? (?:got|have|found|know|posted|shared|sharing|will share|will post|'ll post|'ll share) (?:your|ur|yer) (?:home )?(?:address|postcode|phone number|home|number plate|kids'? names|daughter'?s name|son'?s name|kids'? school|children'?s school|routine|car)\\b`,
    ['threat'],
  ),
  P(
    'doxxing-school',
    'doxxing',
    `\\byour (?:kids|children|daughter|son|little ones|grandkids|wife|husband|family)(?:'s|'|s')? (?:school|nursery|college|workplace|address)\\b.{0,60}?(?:know|seen|watching|waiting|outside|find|found|would be|shame|lovely|nice|careful|safe)\\b|\\b(?:know|seen|watching|waiting outside|found) (?:your|ur) (?:kids|children|daughter|son|family)(?:'s|'|s')? (?:school|nursery|college)\\b`,
    ['threat'],
  ),
  P(
    'doxxing-watching',
    'doxxing',
    `\\b(?:i|we)(?:'ve| have|'re| are|'m| am)? (?:been )?(?:watching|following|followed|photographing|photographed|filming|filmed|outside|waiting outside|parked outside) (?:you|your|ur)(?: house| home| kids| family| office| every day| for weeks| for days)?\\b(?! (?:on tv|on the news|in the council|in council|in the chamber|speech|debate|video|interview|performance))`,
    ['threat'],
  ),
  P(
    'doxxing-photos',
    'doxxing',
    `\\b(?:got|have|taken|took|seen|posted|sharing|share|i'?ve|we'?ve)(?: got)? (?:some |a few |the )?(?:photos|pictures|pics|photo|picture|footage|video) of (?:your|ur) (?:kids|children|daughter|son|wife|husband|house|home|family|car)\\b`,
    ['threat'],
  ),
  P(
    'doxxing-nice',
    'doxxing',
    `\\b(?:nice|lovely|pretty|beautiful) (?:house|home|family|kids|car|wife|daughter|front door|garden)(?: you(?:'ve| have) got)?.{0,50}?(?:shame|pity|careful|if something|if anything|happen)\\b`,
    ['threat'],
  ),
  P(
    'doxxing-visit',
    'doxxing',
    `\\b(?:i|we)(?:'ll|'m| will| am| are|'re)? (?:going to |gonna )?(?:be )?(?:come|coming|turn up|turning up|show up|showing up|pay (?:you )?a (?:little )?visit|paying (?:you )?a (?:little )?visit|visit|visiting|pop round|call round|be round|be at|waiting outside|waiting for you (?:at|outside)|wait outside|sitting outside|parked outside|outside|sat outside|stood outside|standing outside) (?:round |over |up )?(?:to |at )?(?:your|ur|yer) (?:house|home|door|doorstep|place|front door|kids'? school|work|flat)\\b(?! (?:surgery|on|to discuss|about|for a chat|to talk))`,
    ['threat'],
  ),
  // Knowing the family's routine, said so the reader notices: "Your wife drives a red Fiesta and
  // parks it on Oak Avenue. Just so you know." / "We know your daughter gets the 7.15 bus."
  P(
    'doxxing-routine',
    'doxxing',
    `\\byour ${FAMILY}(?:'s)? ${ROUTINE}\\b.{0,100}?\\b(?:just so you know|thought you should know|thought you'?d (?:like|want) to know|thought you might (?:like|want) to know|in case you (?:wondered|were wondering)|we know|i know|we'?ve seen|i'?ve seen|we'?re watching|i'?m watching|we'?ve been watching|i'?ve been watching)\\b`,
    ['threat'],
  ),
  P(
    'doxxing-routine',
    'doxxing',
    `\\b(?:we|i) (?:know|'ve seen|have seen|'ve watched|have watched|'ve been watching|have been watching|see|watch)(?: that| when| where| what time| how)? your ${FAMILY}(?:'s)? ${ROUTINE}\\b`,
    ['threat'],
  ),
  // Conditional threats: "if you approve this you'll regret it".
  P(
    'conditional',
    'threat',
    `\\bif you\\b.{1,80}?(?:,|then|\\band\\b)? ?(?:you(?:'ll| will| are going to|'re going to|'re gonna| gonna)|i(?:'ll| will)|we(?:'ll| will)) (?:regret it|regret this|be sorry|pay for (?:it|this)|pay|face the consequences|see what happens|find out what happens|be next|get hurt|know about it|wish you (?:hadn'?t|had never)|have me to deal with|have us to deal with|make you pay|make you regret|come for you|come after you|find you)\\b`,
  ),
  // Telling someone to kill themselves is harassment aimed at them, not a welfare signal.
  P(
    'incite-self-harm',
    'harassment',
    `\\b(?:go |just |please |pls |plz |you should |why don'?t you |do us all a favour and |do everyone a favour and |do the world a favour and )*(?:kill|hang|neck|shoot|end|top|off|unalive) (?:yourself|yourselves|urself|your self)\\b|\\bkys\\b|\\b(?:go|just) (?:and )?(?:die|drop dead|drink bleach|jump off a (?:bridge|cliff))\\b|\\bslit your (?:wrists|throat)\\b|\\bdrop dead\\b(?! (?:gorgeous|beautiful|stunning|funny))`,
    ['threat'],
  ),
];

const PATTERNS: Pattern[] = [
  ...CORE_PATTERNS,
  ...VEILED_PATTERNS,
  ...OBLIQUE_PATTERNS,
  ...MENACE_PATTERNS,
  ...FORETOLD_PATTERNS,
  ...PICTURED_PATTERNS,
  ...GALLOWS_PATTERNS,
  ...PREPARED_PATTERNS,
  ...FINAL_ACT_PATTERNS,
  ...OUTCOME_PATTERNS,
  ...SIGN_PATTERNS,
];

const SENTENCE_END = /[.!?\n]+/g;

function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (const m of execAll(SENTENCE_END, text)) {
    const end = m.index + m[0].length;
    spans.push([start, end]);
    start = end;
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans;
}

// word → the (pattern, need group) slots it fills, so a sentence's candidate patterns come
// from its own words instead of scanning every pattern's word lists.
const MAX_GROUPS = 4;
const WORD_INDEX = new Map<string, number[]>();
PATTERNS.forEach((p, pi) =>
  p.need.forEach((group, gi) => {
    for (const word of group) {
      const list = WORD_INDEX.get(word) ?? [];
      list.push(pi * MAX_GROUPS + gi);
      WORD_INDEX.set(word, list);
    }
  }),
);
const NO_SLOTS: readonly number[] = [];
const slotsOf = memoByWord((word) => WORD_INDEX.get(word) ?? NO_SLOTS);
const ALWAYS = PATTERNS.flatMap((p, pi) => (p.need.length === 0 ? [pi] : []));

// Scratch for candidatePatterns: which slots this sentence filled (by stamp) and how many
// need groups of each pattern that makes.
const slotStamp = new Uint32Array(PATTERNS.length * MAX_GROUPS);
const groupsFilled = new Uint8Array(PATTERNS.length);
let stamp = 0;

/** Patterns whose every need group has a word in tokens[first, end), in PATTERNS order. */
function candidatePatterns(tokens: readonly Token[], first: number, end: number): number[] {
  if (++stamp === 0xffffffff) {
    slotStamp.fill(0);
    stamp = 1;
  }
  const touched: number[] = [...ALWAYS];
  for (let t = first; t < end; t++) {
    for (const slot of slotsOf(tokens[t]!)) {
      if (slotStamp[slot] === stamp) continue;
      slotStamp[slot] = stamp;
      const pi = (slot / MAX_GROUPS) | 0;
      const filled = groupsFilled[pi]!;
      groupsFilled[pi] = filled + 1;
      if (filled === 0) touched.push(pi);
    }
  }
  const out: number[] = [];
  for (const pi of touched) {
    if (groupsFilled[pi] === PATTERNS[pi]!.need.length) out.push(pi);
    groupsFilled[pi] = 0;
  }
  return out.sort((a, b) => a - b);
}

/** Threats, doxxing, incitement and self-harm, each a hit on the normalised text. */
export function detectThreats(n: Normalised): Hit[] {
  const hits: Hit[] = [];
  const text = n.text;
  const tokens = n.tokens;
  // Sentence by sentence (a threat rarely runs over a full stop), trying only the patterns
  // whose needed words the sentence contains, and only on a window around those words.
  let t = 0;
  for (const [from, to] of sentenceSpans(text)) {
    const first = t;
    let selfHarm = 0;
    while (t < tokens.length && tokens[t]!.nStart < to) selfHarm |= selfHarmBits(tokens[t++]!);
    if (t === first) continue;
    const candidates = candidatePatterns(tokens, first, t);
    if (candidates.length > 0) {
      const windows = anchorWindows(tokens, first, t, candidates, from, to);
      candidates.forEach((pi, c) => {
        for (const [a, b] of windows[c]!) scanPattern(n, a, b, PATTERNS[pi]!, hits);
      });
    }
    if (selfHarm) scanSelfHarm(text, from, to, selfHarm, hits);
  }
  // Warning signs count only in company (see threat-warning-signs.ts).
  const signs = hits.filter((h) => h.rule.startsWith(SIGN_PREFIX));
  if (signs.length === 0 && !mayShowSentenceSigns(tokens)) return hits;
  return [...hits.filter((h) => !h.rule.startsWith(SIGN_PREFIX)), ...combineWarningSigns(n, signs)];
}

const WINDOW_BEFORE = 140;
const WINDOW_AFTER = 100;

// Windows of the sentence around each anchor word, starting on a word boundary, merged when they overlap.
// A lead word ("I", "you", "should") must sit within this many words before the anchor.
const LEAD_DISTANCE = 12;

// Scratch for anchorWindows, by pattern index: which candidate it is (this call) and the last lead word seen.
const candidateAt = new Int32Array(PATTERNS.length).fill(-1);
const lastLead = new Int32Array(PATTERNS.length);

/**
 * For each candidate pattern, the windows of the sentence tokens[first, end) around its anchor
 * words (one pass over the words' slots, lead slots before anchor slots of the same word).
 */
function anchorWindows(tokens: readonly Token[], first: number, end: number, candidates: number[], from: number, to: number): Array<Array<[number, number]>> {
  const out = candidates.map((): Array<[number, number]> => []);
  candidates.forEach((pi, c) => {
    candidateAt[pi] = c;
    lastLead[pi] = -LEAD_DISTANCE - 1;
    if (PATTERNS[pi]!.need.length === 0) out[c]!.push([from, to]);
  });
  for (let i = first; i < end; i++) {
    const tok = tokens[i]!;
    for (const slot of slotsOf(tok)) {
      const pi = (slot / MAX_GROUPS) | 0;
      const c = candidateAt[pi]!;
      if (c === -1) continue;
      const groups = PATTERNS[pi]!.need.length;
      const gi = slot - pi * MAX_GROUPS;
      if (groups >= 2 && gi === 0) lastLead[pi] = i;
      if (gi !== groups - 1) continue;
      if (groups >= 2 && i - lastLead[pi]! > LEAD_DISTANCE) continue;
      let j = i;
      while (j > first && tok.nStart - tokens[j - 1]!.nStart <= WINDOW_BEFORE) j--;
      const a = j === first ? from : tokens[j]!.nStart;
      const b = Math.min(to, tok.nEnd + WINDOW_AFTER);
      const list = out[c]!;
      const last = list[list.length - 1];
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else list.push([a, b]);
    }
  }
  for (const pi of candidates) candidateAt[pi] = -1;
  return out;
}

const SWALLOWED_REPORT = /^(?:wrote|said|posted|tweeted|sprayed|daubed|scrawled|commented|replied|shouted)\b/;

function scanPattern(n: Normalised, from: number, to: number, p: Pattern, hits: Hit[]): void {
  const text = n.text;
  const sub = text.slice(from, to);
  for (const m of matches(p, sub)) {
    let at = m.index;
    if (p.subject) {
      const lead = sub.slice(Math.max(0, at - 80), at);
      const si = subjectStartBefore(lead);
      if (si === -1) continue;
      at -= lead.length - si;
    }
    const h: Hit = { category: p.category, rule: p.rule, nStart: from + at, nEnd: from + m.index + m.text.length, score: 0.95 };
    if (
      (!p.negationInside && isNegated(text, h, sentenceFloor(n, h.nStart))) ||
      isReported(text, h, reportFloor(n, h.nStart)) ||
      insideSingleQuotesOf(n, from + m.index)
    )
      continue;
    // The subject may have swallowed the reporting verb ("someone wrote the councillor should hang").
    if (
      p.subject &&
      SWALLOWED_REPORT.test(text.slice(h.nStart, from + m.index)) &&
      isReported(text, { ...h, nStart: from + m.index }, reportFloor(n, h.nStart))
    )
      continue;
    if (p.accept && !p.accept(n, h.nStart, h.nEnd)) continue;
    // "Everyone would be better off if I was dead" is about the sender: self-harm, not a threat.
    if (p.rule === 'wish-death' && /\b(?:if|wish|hope) (?:i|i'm|im)\b|\bi (?:was|were)\b/.test(m.text)) continue;
    hits.push(h);
    for (const c of p.also ?? []) hits.push({ ...h, category: c, score: 0.9 });
  }
}

function matches(p: Pattern, sub: string): PatternMatch[] {
  if (p.split) return execSplit(p.split, sub);
  return execAll(p.re!, sub).map((m) => ({ index: m.index, text: m[0] }));
}
