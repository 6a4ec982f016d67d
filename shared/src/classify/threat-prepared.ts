import { IDIOM_AFTER } from './threat-lexicon.ts';
import { makePattern, words } from './threat-pattern.ts';
import type { Pattern } from './threat-pattern.ts';

// Threats that name no harm verb aimed at "you" but say what is coming by another road: the
// escalation from letters to a weapon, disowning what the writer is about to do, the reader's
// last days, fire foretold for the reader's car or house, the reader as the next victim, the
// reader not getting home, a body face down in water, the writer's own hand in a gerund
// ("me finishing you off"), a crowd sent round to someone's house, divine punishment the
// writer joins in. Benign twins live in threat-prepared.test.ts.

const YOU = `(?:you|u|ya|ye)`;
const YOURS = `(?:your|ur|yer)`;
const WEAPON = `(?:petrol bomb|petrol|can of petrol|jerry ?can|brick|bomb|bullet|bullets|knife|knives|gun|shotgun|rifle|crossbow|machete|axe|hammer|acid|blade|baseball bat|bat|lighter|match|matches|noose|rope)`;
const WEAPON_WORDS = words(
  'petrol bomb brick bullet bullets knife knives gun shotgun rifle crossbow machete axe hammer acid blade bat lighter match matches noose rope jerry jerrycan',
);
const PROPERTY = `(?:car|cars|house|home|office|shop|flat|place|van|windows?|front door|garage|surgery|business)`;
const WATER = `(?:canal|river|ditch|reservoir|sea|docks?|quarry|lake|pond|water|gutter|harbour|marina)`;

const P = (rule: string, category: Pattern['category'], src: string, need: string[][], negationInside = false, accept?: Pattern['accept']) =>
  makePattern(rule, category, src, need, accept ? { negationInside, accept } : { negationInside });

export const PREPARED_PATTERNS: Pattern[] = [
  // "Next time it won't be a letter, it'll be a petrol bomb."
  P(
    'escalation',
    'threat_to_life',
    `\\bnext time (?:it|there)(?: won'?t| wont| will not|'ll not| isn'?t going to| is not going to) be (?:a |an |just |another )?[a-z]+(?: [a-z]+)?,? (?:it'?ll|itll|it will|it'?s going to|there'?ll|there will|but) be (?:a |an |my |the )?${WEAPON}\\b`,
    [words('next'), WEAPON_WORDS],
    true,
  ),
  // "After the 1st I will no longer be responsible for what I do to you."
  P(
    'not-responsible',
    'threat',
    `\\b(?:i|we)(?:'ll not| will not| won'?t| wont| can'?t| cannot| could not| couldn'?t|'m not| am not|'re not| are not| no longer|'ll no longer| will no longer| am no longer|'m no longer| shall not| shall no longer) (?:be )?(?:held )?responsible for (?:(?:my|our) (?:actions|behaviour|behavior)|what (?:i|we)(?: might| will|'ll| may| could)? do)\\b`,
    [words('responsible')],
    true,
  ),
  // "Enjoy your last few weeks alive"; "it might be the last time you wake up".
  P(
    'last-alive',
    'threat_to_life',
    `\\b(?:last|final) (?:few |couple of |remaining )?(?:days|weeks|months|hours|nights|christmas|summer|birthday|breaths?) (?:alive|on this earth|breathing|above ground)\\b|\\b(?:last|final) time (?:you|u|ya)(?:'ll| will)? (?:ever )?(?:wake up|see daylight|see the sun|draw breath|breathe)\\b`,
    [words('last final'), words('alive earth breathing ground wake daylight sun breath breathe')],
  ),
  // Fire foretold for the reader's property: "your car goes up in flames one night".
  P(
    'property-fire',
    'threat',
    `\\b(?:${YOURS}|(?:cllr|councillor|mayor|mr|mrs|ms) [a-z]+'s|his|her|their) ${PROPERTY}(?: [a-z]+){0,3}? (?:goes|go|going|will go|'ll go|could go|might go|would go|gets|getting|will get|could get|might get|is going to go|is gonna go|(?<=\\bif (?:your|ur|yer) [a-z ]{1,40})(?:went|got)) (?:up in (?:flames|smoke)|torched|burnt out|burned out|burnt down|burned down|petrol bombed|firebombed|bricked|set alight|set on fire)\\b`,
    [words("your ur yer his her their cllr's councillor's"), words('flames smoke torched burnt burned bombed firebombed bricked alight fire')],
  ),
  // "Your office on Tanner Street would make a lovely firework."
  P(
    'property-fire',
    'threat',
    `\\b${YOURS} ${PROPERTY}(?: [a-z]+){0,4}? (?:would|will|'d|'ll|could) (?:make|burn like)(?: (?:a|such a))?(?: (?:lovely|nice|good|great|brilliant|pretty|cracking|decent|fine|big))? (?:firework|fireworks|bonfire|blaze|torch|candle)\\b`,
    [words('your ur yer'), words('firework fireworks bonfire blaze torch candle')],
  ),
  // "The next councillor who gets hurt round here is going to be you."
  P(
    'next-victim',
    'threat',
    `\\bnext (?:one|councillor|cllr|person|politician|mp|mayor|one of you|victim|body|traitor)(?: [a-z]+){0,2}? (?:who|that|to) (?:gets?|is|will be|ends up) (?:hurt|killed|stabbed|shot|attacked|beaten|murdered|done in|found dead|hanged|hung|burned|burnt)\\b[^.!?]{0,40}?\\b(?:is|will be|'ll be|is going to be|gonna be|might be|could be|'s going to be) ${YOU}\\b`,
    [words('next'), words('hurt killed stabbed shot attacked beaten murdered done found hanged hung burned burnt')],
  ),
  // "You won't make it home to your wife that night", "you'll not walk out of there alive".
  P(
    'not-home',
    'threat',
    `\\b${YOU}(?:'ll|ll| will)?(?: not| no| never| won'?t| wont| will not) (?:make it (?:home|back home|out alive|out of (?:there|here|it) alive)|get out alive|walk out (?:of (?:there|here|it|the [a-z]+) )?alive)\\b(?! (?:in time|for (?:tea|dinner|lunch|the|your)|before|by|on time|until|till))`,
    [words("you u ya ye you'll youll ye'll"), words('home alive')],
    true,
  ),
  // Scots and Northern: "ye'll no be walkin for a month".
  P(
    'not-walking',
    'threat',
    `(?<!\\b(?:operation|op|surgery|fall|accident|injury|hip|knee|ankle|break|fracture)\\b[^.!?]{0,60})\\b${YOU}(?:'ll|ll| will| won'?t| wont| will not)(?: not| no)? be (?:walking|walkin|talking|eating|seeing|standing) (?:again )?for (?:a (?:week|month|year|while|good while|long time)|weeks|months|years)\\b(?! after (?:the|your|that) (?:op|operation|surgery|fall|accident))`,
    [words("you u ya ye you'll youll ye'll"), words('walking walkin talking eating seeing standing')],
    true,
  ),
  // "Dumping you in the canal face down."
  P('face-down', 'threat_to_life', `\\b${YOU}\\b[^.!?]{0,40}?(?:(?:in|into) (?:the|a) ${WATER} face ?down|face ?down in (?:the|a) ${WATER})\\b`, [
    words('you u ya ye'),
    words('face facedown'),
  ]),
  // The writer's own hand, as a gerund: "doing the world a favour would be me finishing you off".
  P(
    'me-harming',
    'threat_to_life',
    `\\bme (?:finishing|doing) ${YOU} (?:off|in)\\b(?!${IDIOM_AFTER})|\\bme (?:killing|stabbing|shooting|strangling|hanging|burning|murdering|drowning) ${YOU}\\b(?!${IDIOM_AFTER})(?! (?:at|in|on) )`,
    [words('me'), words('finishing doing killing stabbing shooting strangling hanging burning murdering drowning')],
  ),
  // A crowd sent round: "go round and give her what she deserves".
  P(
    'go-round-and',
    'threat',
    `\\b(?:go|get|pop|head|call) (?:round|over|down|up)(?: there| to (?:hers|his|theirs|her house|his house|her place|his place|her door|his door))? and (?:give|teach|show|sort) (?:her|him|them|you|the (?:councillor|cllr|mayor)) (?:what (?:she|he|they|you) (?:deserves?|has coming|have coming|'s got coming|'ve got coming)|a lesson|a kicking|a hiding|a slap|what for|a good hiding)\\b`,
    [words('go get pop head call'), words('deserves deserve lesson kicking hiding slap what coming')],
  ),
  // Blood foretold with the reader in it: "blood will be spilled at the town hall and yours will be the first".
  P(
    'blood-spilled',
    'threat_to_life',
    `\\bblood (?:will|shall|is going to|'s going to|is gonna|'ll) be (?:spilled|spilt|shed)\\b[^.!?]{0,60}?\\b(?:you|your|yours|u|ur)\\b|\\b(?:you|your|yours|u|ur)\\b[^.!?]{0,60}?\\bblood (?:will|shall|is going to|'s going to|is gonna|'ll) be (?:spilled|spilt|shed)\\b`,
    [words('blood'), words('spilled spilt shed')],
  ),
  // Divine punishment the writer joins: "Allah will punish you and so will we".
  P(
    'judgement-joined',
    'threat',
    `\\b(?:god|allah|the lord|jesus|heaven|karma|hell)(?: will|'ll| shall| is going to|'s going to) (?:punish|judge|strike|destroy|deal with|get|smite) ${YOU}\\b[^.!?]{0,20}?\\b(?:and )?(?:so will|so shall|then|after that|and) (?:we|i|us)\\b`,
    [words('god allah lord jesus heaven karma hell'), words('we i us')],
  ),
  // Present tense as a plan, with street verbs: "I'm bottling you", "I'm going to stripe her face".
  P(
    'street-harm',
    'threat',
    `\\b(?:i'?m|im|i am|we'?re|we are)(?: going to| gonna)? (?:bottling|bottle|striping|stripe|chibbing|chib|glassing|glass|plugging|plug|merking|merk|shanking|shank|stabbing|doing over|do over|leathering|leather|burst|bursting|panelling|panel) (?:you|u|ya|ye|her|him|them|your|ur|her|his)\\b(?!${IDIOM_AFTER})`,
    [
      words("i'm im am we're we are"),
      words(
        'bottling bottle striping stripe chibbing chib glassing glass plugging plug merking merk shanking shank stabbing doing do leathering leather burst bursting panelling panel',
      ),
    ],
  ),
  // What a gang will do when they catch someone alone.
  P(
    'when-we-catch',
    'threat',
    `\\bwhat (?:me and the lads|me and my mates|me and the boys|we|i|the lads|the boys|they)(?:'ll|'re going to| will| are going to| are gonna|'re gonna)? do to (?:you|u|her|him|them) when (?:we|i|they) (?:catch|get|find|get hold of|see)\\b`,
    [words('what'), words('catch get find see')],
  ),
  // Someone sent to break windows: "someone needs to put a brick through every window of his house".
  P(
    'incite-property',
    'threat',
    `\\b(?:someone|somebody|people|we|you lot|lads)(?: needs? to| should| ought to| must| want to| wants to|'ll| will)? (?:put|throw|lob|chuck|send) (?:a |some )?(?:brick|bricks|rock|rocks|petrol bomb|petrol bombs|firework|fireworks|molotov) (?:through|at|into)\\b[^.!?]{0,50}?\\b(?:window|windows|house|home|door|office|car)\\b`,
    [words('someone somebody people we lot lads'), words('brick bricks rock rocks bomb bombs firework fireworks molotov')],
    false,
    // "Last night someone put a brick through our window" is the victim telling it, not a call.
    (n, nStart, nEnd) => !/\b(?:our|my|me|us|mine)\b/.test(n.text.slice(nStart, nEnd)),
  ),
  // "Be a shame if your brakes failed", "shame if it ate something it shouldn't".
  P(
    'shame-if',
    'threat',
    `\\b(?:shame|pity|tragedy|funny|hilarious|a laugh|awful)\\b[^.!?]{0,20}?\\bif (?:it|he|she|they|your (?:[a-z]+ ){0,2}?[a-z]+) (?:ate|eats|swallowed|had an accident|has an accident|failed|fail|fails|crashed|crash|crashes|caught fire|catches fire|got hurt|gets hurt|got run over|gets run over|went missing|goes missing|disappeared|disappears|got poisoned|was poisoned)\\b`,
    [
      words('shame pity tragedy funny hilarious laugh awful'),
      words('ate eats swallowed accident failed fail fails crashed crash crashes fire hurt over missing disappeared disappears poisoned'),
    ],
  ),
  // The car bomb idiom: "check under your car before you drive".
  P(
    'car-bomb',
    'threat_to_life',
    `\\bstart (?:his|her|your|ur|their|the) (?:car|van|motor|engine) (?:very )?carefully\\b|\\b(?:check|checking|look|looking) under(?:neath)? (?:your|ur|yer|his|her|their) (?:car|van|motor|vehicle)\\b(?! for (?:the |a |any )?(?:hedgehogs?|cats?|kittens?|animals?|oil|leaks?|wildlife|toads?|frogs?|rust|damage))`,
    [words('check checking look looking start'), words('under underneath carefully')],
  ),
  // "How would you feel if your house caught fire one night?"
  P(
    'property-fire',
    'threat',
    `\\b(?:how (?:would|will|'d|do) you (?:feel|like it)|imagine|what if|shame|pity|wonder what would happen)\\b[^.!?]{0,12}? ${YOURS} ${PROPERTY}(?: [a-z]+){0,3}? (?:caught|catches|catch|were to catch|was to catch) fire\\b`,
    [words('if'), words('fire')],
  ),
  // "It'd be easy for someone to follow you home."
  P(
    'easy-for-someone',
    'threat',
    `\\b(?:be|'d be|would be|is|it'?s) (?:so |very |dead )?(?:easy|simple|no trouble|no bother) for (?:someone|somebody|anyone|anybody|me|us|the lads) to (?:follow|hurt|grab|attack|jump|stab|get to|find) (?:you|u|ya|her|him)\\b`,
    [words('easy simple trouble bother'), words('follow hurt grab attack jump stab get find')],
  ),
  // "Your wife and kids will pay for it in blood."
  P('pay-in-blood', 'threat_to_life', `\\bpay(?: for (?:it|this|that|what you(?:'ve| have)? done))? in blood\\b`, [words('pay'), words('blood')]),
  // "Have a good Christmas, because it's going to be your last."
  P(
    'your-last',
    'threat_to_life',
    `\\b(?:it'?s|it is|this is|that is|this will be|it will be|it'?ll be|that'?ll be|next one'?s|next one is|the next one'?s|the next one is|next one will be)(?: going to be| gonna be)? (?:your|ur) (?:last|final)(?: one)?(?= *(?:$|[.!?\\n,;]| (?:councillor|cllr|mate|pal|love|mr|mrs|ms)\\b))`,
    [words('last final')],
  ),
  // "Vote for it and you will not make it back to your car."
  P(
    'not-home',
    'threat',
    `\\b${YOU}(?:'ll|ll| will)?(?: not| no| never| won'?t| wont| will not) make it back (?:to (?:your|ur) (?:car|house|home|office|family|wife|husband|kids|flat))\\b(?! (?:in time|before|by|on time))`,
    [words("you u ya ye you'll youll ye'll"), words('back')],
    true,
  ),
  // "The people will deliver justice to traitors like you."
  P(
    'mob-justice',
    'threat',
    `\\b(?:we|the people|patriots|the public|the mob)(?: will|'ll| shall| are going to|'re going to) (?:deliver|bring|serve|dispense|administer|mete out|hand out) (?:justice|judgement|judgment|punishment|retribution|street justice) (?:to|on|upon) (?:you|u|traitors|him|her|them|people like you)\\b`,
    [words('deliver bring serve dispense administer mete hand'), words('justice judgement judgment punishment retribution')],
  ),
  P('mob-justice', 'threat', `\\bdrag (?:you|u|ya|her|him|them) out (?:of )?(?:your|ur|her|his|their) (?:house|home|office|bed|car|flat|surgery)\\b`, [
    words('drag'),
    words('house home office bed car flat surgery'),
  ]),
  // "I will come in while you sleep."
  P(
    'home-invasion',
    'threat',
    `\\b(?:i|we)(?:'ll| will|'m going to| am going to|'re going to| are going to| gonna) (?:come|get|break|climb|let (?:myself|ourselves)) in(?:to (?:your|ur) (?:house|home|flat|bedroom|room))? (?:while|when|whilst) (?:you|u)(?:'re| are)? (?:sleep|asleep|sleeping|in bed)\\b`,
    [words('come get break climb let'), words('sleep asleep sleeping bed')],
  ),
  // Bringing a weapon to the reader's place: "I'll be bringing a hammer", "coming in Thursday with a can of petrol".
  P(
    'bringing-weapon',
    'threat',
    `\\b(?:i|we)(?:'ll|ll| will|'m|m| am|'re| are)(?: be)? (?:bringing|bring|coming (?:in|round|over|down|back)?[^.!?]{0,30}? with) (?:a |an |my |me |some )?(?:can of petrol|petrol|jerry ?can|knife|knives|machete|gun|shotgun|rifle|axe|hammer|crossbow|acid|baseball bat|bat|blade)\\b(?! (?:to (?:fix|mend|repair|build|put up|take down|hang|the (?:allotment|workshop|garden|repair cafe))|for (?:the|my|a) (?:fence|shed|garden|allotment|repairs?)))`,
    [words('bringing bring with'), WEAPON_WORDS],
  ),
  // Leaving in an ambulance or a body bag.
  P(
    'carried-away',
    'threat',
    `\\b(?:you|u|ya|he|she|they|you'?ll|she'?ll|he'?ll|they'?ll)(?: will| are| is|'re|'s)?(?: be)? (?:leaving|leave|going home|go home|coming out|come out|carried out|going out) (?:of (?:there|here|it) )?in (?:an ambulance|a body ?bag|a coffin|a box|bits|pieces)\\b`,
    [words('leaving leave going go coming come carried'), words('ambulance bag bodybag coffin box bits pieces')],
  ),
  // "That'll be the last thing you ever do."
  P('last-thing', 'threat_to_life', `\\b(?:the )?last thing (?:you|u)(?:'ll| will)? ever (?:do|see|cut|say|hear|feel|open|touch|sign)\\b`, [
    words('last'),
    words('do see cut say hear feel open touch sign'),
  ]),
  // A bomb announced: "there is a bomb in your constituency office".
  P(
    'bomb-hoax',
    'threat_to_life',
    `\\bthere(?:'s| is| will be|'ll be| are) (?:a |an )?(?:bomb|bombs|device|explosive device|explosives|ied|pipe bomb|parcel bomb) (?:in|under|at|outside|inside|planted in|planted at|planted under) (?:your|ur|the) (?:[a-z]+ )?(?:office|offices|house|home|car|surgery|building|town hall|civic centre|chamber|school)\\b`,
    [words('bomb bombs device explosives ied'), words('office offices house home car surgery building hall centre chamber school')],
  ),
  // "A can of petrol in the shed with your name on it."
  P(
    'with-your-name',
    'threat_to_life',
    `\\b(?:petrol|bullet|bullets|knife|rope|noose|brick|bomb|axe|hammer|acid|cartridge|shell|round|blade)\\b[^.!?]{0,40}?\\bwith (?:your|ur|yer|his|her) name on (?:it|them)\\b`,
    [WEAPON_WORDS, words('name')],
  ),
  // "Your house is timber framed isn't it. Would go up lovely."
  P(
    'property-fire',
    'threat',
    `(?<=\\b(?:house|home|office|timber|wooden|thatched|thatch|car|shed|flat|framed|surgery)\\b[^]{0,80})\\b(?:would|will|'d|'ll|it'?d|itd|it'?ll|itll) go up (?:lovely|nicely|like a (?:torch|tinderbox|bonfire|candle|rocket)|in (?:seconds|minutes)|a treat|so quick|quick|fast)\\b`,
    [words('go'), words('lovely nicely torch tinderbox bonfire candle rocket seconds minutes treat quick fast')],
  ),
  // A vehicle through the doors: "I will drive my van through the front doors of the council offices".
  P(
    'vehicle-through',
    'threat_to_life',
    `\\b(?:i|we)(?:'ll|ll| will|'m going to| am going to|'re going to| are going to| gonna) (?:drive|ram|crash|plough|plow|smash) (?:my|a|the|our|me) (?:[a-z]+ )?(?:car|van|truck|lorry|motor|vehicle|tractor|transit|4x4) (?:straight )?(?:through|into) (?:the|your|ur|their) (?:front |glass |main )?(?:doors?|windows?|glass|entrance|shop ?front|wall|reception)\\b`,
    [words('drive ram crash plough plow smash'), words('door doors window windows glass entrance shopfront shop wall reception')],
  ),
  // "I'll take as many of you with me as I can."
  P(
    'take-with-me',
    'threat_to_life',
    `\\btake as many (?:of (?:you|them|those)|people|councillors|staff)(?: [a-z]+)? (?:with me|down with me|out|as i can)\\b`,
    [words('many'), words('me out can')],
  ),
  // "You deserve everything that's coming to you, and believe me it's coming."
  P(
    'whats-coming',
    'threat',
    `\\bdeserve (?:everything|all|whatever) (?:that'?s|thats|that is|is) coming(?: to (?:you|u))?\\b[^.!?]{0,30}?\\b(?:it'?s coming|its coming|it will come|it'?ll come|it'?s on its way|soon)\\b`,
    [words('deserve'), words('coming come soon way')],
  ),
  // Demands closed by violence: "after that we start breaking bones, starting with yours".
  P(
    'breaking-bones',
    'threat',
    `\\b(?:start|starting|begin|beginning|we'?ll be|i'?ll be) (?:breaking|smashing|cracking|snapping) (?:bones|heads|legs|skulls|necks|kneecaps|arms)\\b`,
    [words('start starting begin beginning be'), words('bones heads legs skulls necks kneecaps arms')],
  ),
  // "One of these days a brick is going through it."
  P(
    'brick-through',
    'threat',
    `\\b(?:a |the )?(?:brick|bricks|rock|petrol bomb|firebomb|molotov) (?:is |are |'s )?(?:going|gonna go|will go|'ll go|coming|will be coming|gonna come) (?:through|thru|in through) (?:it|them|your|ur|yer|that|those)\\b`,
    [words('brick bricks rock bomb firebomb molotov'), words('through thru')],
  ),
];
