import type { Hit } from './hit.ts';
import type { Normalised } from './normalise.ts';
import { makePattern, words } from './threat-pattern.ts';
import type { Pattern } from './threat-pattern.ts';
import { sentenceSigns } from './threat-private-life.ts';

// Veiled threats rarely carry a harm word; what makes them threats is that several warning
// behaviours from the threat-assessment literature turn up in one message: the sender has been
// watching the reader's private life (the house at night, the children's school, the car and the
// times), points out how exposed they are, hints at what he is capable of, passes on what
// "people round here" would do, and closes on a word that promises more ("Soon.", "Be a shame.").
// Any one of these is ordinary in a constituent's letter ("your lad goes to St Michael's,
// could you raise the crossing?"); two different kinds in one message are a veiled threat.

export type WarningSign =
  | 'watching'
  | 'exposed'
  | 'capable'
  | 'others-intend'
  | 'disclaimer'
  | 'ominous-close'
  | 'retribution'
  | 'punishment-imagery'
  | 'approach'
  | 'demand';

const N = `(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|quarter|twenty)`;
const HOME = `(?:house|home|place|flat|front door|door|drive|driveway|street|road|close)`;
const KIN = `(?:lad|lass|son|daughter|boy|girl|kids|kid|children|little ones|wife|husband|missus|partner|mum|dad|mother|father)`;
const WEAPON = `(?:machete|knife|knives|gun|guns|shotgun|rifle|crossbow|baseball bat|bat|axe|hammer|blade|acid)`;

const HOME_WORDS = words('house home place flat door drive driveway street road close');
const KIN_WORDS = words('lad lass son daughter boy girl kids kid children ones wife husband missus partner mum dad mother father');
const WEAPON_WORDS = words('machete knife knives gun guns shotgun rifle crossbow bat axe hammer blade acid');

/** One warning sign as a threat pattern: `need` keeps it on the scanner's fast path (see threat.ts). */
const sign = (kind: WarningSign, src: string, need: string[][], negationInside = false): Pattern =>
  makePattern(`${SIGN_PREFIX}${kind}`, 'threat', src, need, { negationInside });

export const SIGN_PREFIX = 'sign:';

// Each is one hit of the scanner in threat.ts; detectThreats takes them out of its hits and
// hands them to combineWarningSigns. The negation and reported-speech checks apply as for any
// pattern, except where the sign holds its own negation ("not scared of going back").
export const SIGN_PATTERNS: Pattern[] = [
  sign('watching', `\\b(?:i|we) know (?:everything|all|so much|a lot|loads) about (?:you|u|your|ur)\\b`, [
    words('know'),
    words('everything all much lot loads'),
  ]),
  sign(
    'watching',
    `\\b(?:walked|walk|walking|drove|drive|driving|driven|went|been|was|cycled|stood|standing|sat|sitting|parked) (?:past|by|outside|round|near|up and down) (?:your|ur|yer) ${HOME}\\b`,
    [words('past by outside round near down'), HOME_WORDS],
  ),
  sign(
    'watching',
    `\\b(?:your|ur|yer) ${KIN} (?:goes to|go to|walks to|walks home|gets picked up|is picked up|finishes|plays|gets the bus|catches the bus|leaves)\\b`,
    [KIN_WORDS, words('goes go walks gets is finishes plays catches leaves')],
  ),
  sign(
    'watching',
    `\\b(?:picked up|dropped off|leaves|leave|left|gets home|got home|arrives|parks|parked|walks home|locks up|gets in|goes out) (?:at|about|around|by) ${N}\\b`,
    [words('up off leaves leave left home arrives parks parked in out'), words('at about around by')],
  ),
  sign('watching', `\\bparks (?:on|in|outside|behind|at the back of) [a-z]+`, [words('parks')]),
  sign(
    'watching',
    `\\b(?:watched|seen|saw|spotted|clocked|noticed|followed) (?:you|u|ya) (?:put|putting|leave|leaving|walk|walking|get|getting|park|parking|go|going|come|coming|take|taking|drop|dropping|at|in|with|on|home)\\b`,
    [words('watched seen saw spotted clocked noticed followed'), words('you u ya')],
  ),
  sign('watching', `\\b(?:a )?(?:clear|good|nice|perfect) view (?:of|into) (?:your|ur|yer) (?:[a-z]+ )?(?:window|windows|house|door|garden|bedroom|drive)\\b`, [
    words('view'),
    words('window windows house door garden bedroom drive'),
  ]),
  sign('watching', `\\b(?:your|ur|yer) ${KIN} (?:gets? out of|comes? out of|finish(?:es)? at|leaves? at|get picked up)\\b`, [
    KIN_WORDS,
    words('out finish finishes leave leaves picked'),
  ]),
  sign('watching', `\\blights? (?:was|were|is|are|still) (?:on|off) in (?:the|your|ur) (?:[a-z]+ )?(?:bedroom|room|kitchen|lounge|landing)\\b`, [
    words('light lights'),
    words('bedroom room kitchen lounge landing'),
  ]),
  sign('watching', `\\bwhich way (?:you|u|ya|she|he) (?:walk|walks|go|goes|drive|drives|come|comes|cycle|cycles)\\b`, [
    words('way'),
    words('walk walks go goes drive drives come comes cycle cycles'),
  ]),
  sign('watching', `\\b(?:i|we) know (?:his|her|their|your|ur) (?:bus|route|school|car|reg|routine|times|address|movements|schedule|shifts?|number plate)\\b`, [
    words('know'),
    words('bus route school car reg routine times address movements schedule shift shifts plate'),
  ]),
  // Indifference to what follows: "they can lock me up after", "nobody left who'd stop me".
  sign('capable', `\\b(?:they|police|coppers|cops|you) can (?:lock|bang|send|put) me (?:up|away|inside|down)(?: after| afterwards| for it| for life)?\\b`, [
    words('lock bang send put'),
    words('up away inside down'),
  ]),
  sign(
    'capable',
    `\\b(?:no ?one|nobody|no-one)(?: (?:left|around|else))? (?:who'?d|who would|who will|who can|to|that can|that would) stop me\\b`,
    [words('stop'), words('me')],
    true,
  ),
  sign(
    'capable',
    `\\b(?:sat|sitting|stood|standing|here) (?:here )?with (?:a|my|me|the) (?:[a-z]+ )?(?:machete|knife|knives|gun|shotgun|rifle|crossbow|axe|hammer|blade|acid|petrol)\\b`,
    [words('with'), WEAPON_WORDS.concat(['petrol'])],
  ),
  sign('exposed', `\\b(?:anyone|anybody|someone|somebody) could (?:get|walk|break|climb|come) in\\b`, [
    words('anyone anybody someone somebody'),
    words('could'),
  ]),
  sign('exposed', `\\b(?:easy|easily) (?:to )?(?:get|break|climb) in\\b`, [words('easy easily'), words('get break climb')]),
  sign('exposed', `\\b(?:isn'?t|is not|not|aint|ain't|won'?t be) (?:hard|difficult|tricky) to find\\b`, [words('hard difficult tricky'), words('find')], true),
  sign(
    'exposed',
    `\\b(?:you should|you want to|better|should) (?:lock|locked|locking) (?:your|that|the|ur) (?:side |back |front |garden )?(?:gate|door|doors|windows?)\\b`,
    [words('lock locked locking'), words('gate door doors window windows')],
  ),
  sign('exposed', `\\b(?:sleep|sleeps|sleeping) (?:at|in) the (?:front|back)\\b`, [words('sleep sleeps sleeping'), words('front back')]),
  sign('exposed', `\\bno ?(?:one|body) (?:would|will|'d|'ll) (?:hear|see|know|find)\\b`, [words('no nobody noone'), words('hear see know find')], true),
  sign('exposed', `\\b(?:walking|walk|walks|going) (?:home|back|to your car) (?:alone|on your own|in the dark|by yourself)\\b`, [
    words('walking walk walks going'),
    words('alone own dark yourself'),
  ]),
  sign('capable', `\\b(?:done|did|doing|served) (?:time|a stretch|years|bird|a sentence) (?:for|inside)\\b`, [
    words('done did doing served'),
    words('time stretch years bird sentence'),
  ]),
  sign(
    'capable',
    `\\b(?:not|never|aint|ain't) (?:scared|afraid|bothered|worried) (?:of|about) (?:going back|prison|jail|going inside|doing time|going down|the police|the consequences)\\b`,
    [words('scared afraid bothered worried'), words('back prison jail inside time down police consequences')],
    true,
  ),
  sign('capable', `\\b(?:got|have|keep|kept|own|still got|still have) (?:a|the|my|an) ${WEAPON}(?: (?:in|under|by|behind|ready|at|and)\\b|$)`, [WEAPON_WORDS]),
  // "I still have my late father's service revolver, which I have kept in good order."
  sign(
    'capable',
    `\\b(?:still (?:have|got)|have kept|kept) (?:my |a |the |an )?(?:[a-z']+ ){0,3}(?:revolver|pistol|handgun|shotgun|rifle|air rifle|crossbow)\\b`,
    [words('have got kept'), words('revolver pistol handgun shotgun rifle crossbow')],
  ),
  sign('capable', `\\b(?:rope|noose|petrol|acid)(?:'s| is| has been)? (?:already )?(?:bought|ready|sorted|been bought|in the (?:boot|shed|van))\\b`, [
    words('rope noose petrol acid'),
    words('bought ready sorted boot shed van'),
  ]),
  sign('capable', `\\bnothing (?:left )?to lose\\b`, [words('nothing'), words('lose')], true),
  sign(
    'capable',
    `\\bno idea what (?:i|we)(?:'m| am|'re| are)? (?:capable of|can do|could do|am capable of)\\b`,
    [words('idea'), words('capable can could')],
    true,
  ),
  sign('capable', `\\bknow how to (?:use|handle) (?:a|an) (?:gun|knife|blade|rifle|shotgun|crossbow)\\b`, [
    words('use handle'),
    words('gun knife blade rifle shotgun crossbow'),
  ]),
  sign(
    'others-intend',
    `\\b(?:people|lads|blokes|men|folk|plenty|some of us|a few of (?:us|the lads|them))(?: (?:round here|around here|in this town|out there|on this estate|i know))?(?: who)? (?:would|will|'d|want to|wants to|are going to|are gonna|gonna|are waiting to)(?: happily| gladly| love to| like to)? (?:get|put|do|sort|sort out|deal with|wait for|come for|go for|have|teach) (?:you|u|ya|your|ur)\\b`,
    [words('people lads blokes men folk plenty us few'), words('get put do sort deal wait come go have teach')],
  ),
  sign('others-intend', `\\b(?:going to|gonna|are|will be|'ll be|was|were|is) (?:wait|waiting) for (?:you|u|ya) (?:outside|after|at|in|by|round|when)\\b`, [
    words('wait waiting'),
    words('outside after at in by round when'),
  ]),
  sign('others-intend', `\\bword (?:in the pub|on the street|on the estate|round here) is\\b`, [words('word'), words('pub street estate round')]),
  // Preparing or acquiring a weapon, or the know-how: "just sharpened all the knives", "my shotgun
  // licence came through", "I know how to make things go bang".
  sign(
    'capable',
    `\\b(?:sharpened|sharpening|sharpen|cleaned|cleaning|loaded|loading|oiled|oiling) (?:all |up )?(?:the |my |me |a |an )?(?:[a-z]+ )?(?:knife|knives|blade|blades|machete|axe|gun|guns|shotgun|rifle|crossbow)\\b`,
    [words('sharpened sharpening sharpen cleaned cleaning loaded loading oiled oiling'), WEAPON_WORDS],
  ),
  sign('capable', `\\b(?:gun|shotgun|firearms?|rifle) (?:licence|license|certificate|permit)\\b`, [words('licence license certificate permit')]),
  sign(
    'capable',
    `\\b(?:got|bought|ordered|picked up|getting) (?:a|an|myself a|me a|meself a) (?:new )?(?:crossbow|shotgun|rifle|machete|gun|pistol|taser)\\b`,
    [words('crossbow shotgun rifle machete gun pistol taser')],
  ),
  sign('capable', `\\bhow to make (?:things|stuff|something|a bomb|bombs|a device) (?:go bang|explode|blow up)\\b|\\bhow to make (?:a bomb|bombs)\\b`, [
    words('bang explode blow bomb bombs'),
  ]),
  sign(
    'capable',
    `\\b(?:i'?m|i am|i'?ll|i will|i shall|we'?re|we are|we'?ll|we will|we shall)(?: be)? bring(?:ing)? (?:a |an |my |me |the |some )?(?:can of petrol|petrol|jerry ?can|lighter|knife|knives|gun|shotgun|machete|axe|hammer|crossbow|acid|baseball bat|rope|noose)\\b`,
    [words('bring bringing'), [...WEAPON_WORDS, 'petrol', 'lighter', 'jerry', 'rope', 'noose']],
  ),
  sign(
    'capable',
    `\\b(?:chosen|called|sent|appointed) to (?:do the (?:cutting|killing|deed|reaping)|kill|cleanse|purge|punish|execute|cut them down|strike)\\b`,
    [words('chosen called sent appointed'), words('cutting killing deed reaping kill cleanse purge punish execute cut strike')],
  ),
  // Knowing the reader's routine or waiting where they will be: "you get the 8.15 every day",
  // "I'll be sat right behind you", "I'll be waiting for her in the car park".
  sign('watching', `\\byou (?:get|catch|take|always get|always catch) the (?:\\d|first|last|early|late|same)`, [words('get catch take'), words('the')]),
  sign('watching', `\\b(?:always|every day|every morning|every night) (?:the )?same (?:seat|time|route|carriage|bus|train|table|spot|bench)\\b`, [
    words('same'),
    words('seat time route carriage bus train table spot bench'),
  ]),
  sign(
    'watching',
    `\\b(?:i|we)(?:'ll|ll| will|'m going to| am going to) be (?:sat|sitting|standing|stood|right|parked|waiting) (?:right )?(?:behind|next to|beside|outside|opposite|across from) (?:you|u|ya|your|ur)\\b`,
    [words('sat sitting standing stood right parked waiting'), words('behind next beside outside opposite across')],
  ),
  sign(
    'watching',
    `\\b(?:i|we)(?:'ll|ll| will|'m going to| am going to)? (?:be )?waiting for (?:her|him|them|the pair of them) (?:in|at|by|outside|behind) (?:the )?(?:car ?park|alley|back door|bus stop|station|gate|gates|office|side door)\\b`,
    [words('waiting'), words('carpark car park alley door stop station gate gates office')],
  ),
  sign('watching', `\\b(?:your|ur|her|his) (?:home )?address,? (?:which|that) (?:we|i)(?:'ve| have|ve)(?: got| found)?\\b`, [
    words('address'),
    words('which that'),
  ]),
  sign(
    'watching',
    `\\b(?:practice|practise|training|club|lesson|lessons|class|classes|swimming|football|netball|rugby|dance|ballet) (?:is|are) (?:on )?(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b`,
    [words('practice practise training club lesson lessons class classes swimming football netball rugby dance ballet'), words('is are')],
  ),
  // The reader's exposure pointed out: "a bigger target than a pigeon", "your wife hasn't got
  // security", "no safe place for you", "thought he was safe in a church hall too".
  sign('exposed', `\\b(?:you|you'?re|youre|your|ur|u r)\\b[^.!?]{0,20}?\\b(?:bigger|big|easy|easier|sitting|soft) target\\b`, [words('target')]),
  sign(
    'exposed',
    `\\b(?:hasn'?t|has not|haven'?t|have not|doesn'?t have|don'?t have|has no|have no|got no|ain'?t got|aint got)(?: got)? (?:any )?(?:security|protection|bodyguards?|police protection|a bodyguard|panic alarm)\\b`,
    [words('security protection bodyguard bodyguards alarm')],
    true,
  ),
  sign(
    'exposed',
    `\\bno (?:safe )?(?:place|where) (?:for (?:you|u)|to hide)\\b|\\bnowhere (?:is )?(?:safe|to hide)\\b|\\bno safe place\\b`,
    [words('place where nowhere')],
    true,
  ),
  sign('exposed', `\\b(?:thought|think|thinks|felt|feel) (?:he|she|they|you)(?:'re| are| was| were| is|re) (?:so )?safe\\b`, [words('safe')]),
  sign(
    'exposed',
    `\\b(?:wouldn'?t|would not|don'?t|do not) want anything (?:bad )?(?:to )?(?:happen|happening)\\b`,
    [words('anything'), words('happen happening')],
    true,
  ),
  // What others have planned, passed on: "people are talking about what they'd do to you",
  // "the lads have got plans and I won't be stopping them", "I'd keep away if I were you".
  sign(
    'others-intend',
    `\\bwhat (?:they'?d|they would|they'?ll|they will|they want to|they'?re going to|they are going to|they'?re gonna) do to (?:you|u|ya|her|him)\\b`,
    [words('what'), words('do')],
  ),
  sign(
    'others-intend',
    `\\b(?:lads|boys|people|they|we|some of us)(?: have|'ve| have got|'ve got) (?:got )?plans for (?:you|u|ya)\\b|\\b(?:the lads|the boys) (?:have|'ve) got plans\\b`,
    [words('plans')],
  ),
  sign(
    'others-intend',
    `\\b(?:i|we)(?: won'?t| wont| will not|'ll not) be (?:stopping|holding back|calling off) (?:them|anyone|the lads)\\b`,
    [words('stopping holding calling')],
    true,
  ),
  sign('exposed', `\\b(?:keep|stay) (?:away|clear) (?:from|of) [a-z' ]{1,40}? if i (?:were|was) (?:you|u)\\b`, [words('keep stay'), words('were was')]),
  // Retribution foretold in the third person or as a law of nature: "she's going to regret it",
  // "traitors always get theirs in the end".
  sign(
    'retribution',
    `\\b(?:she|he|they)(?:'s| is|'re| are|'ll| will)(?: going to| gonna)? (?:regret (?:it|this|that|talking|speaking|the day)|be sorry|pay for (?:it|this|that))\\b`,
    [words('regret sorry pay')],
  ),
  sign(
    'retribution',
    `\\b(?:traitors?|people like (?:you|her|him)|your sort|your kind|the likes of you)(?: to (?:this|their) country)? (?:always |will |all )?(?:get|gets) (?:theirs|yours|what'?s coming|what they deserve)\\b`,
    [words('traitor traitors like sort kind likes'), words('theirs yours coming deserve')],
  ),
  sign('retribution', `\\ban eye for an eye\\b|\\b(?:your|ur) (?:kids|children|family|son|daughter) for (?:ours|mine)\\b`, [words('eye ours mine')]),
  // Punishment imagery: political rhetoric alone ("bring back the stocks"), a threat beside another sign.
  sign('punishment-imagery', `\\btarr?(?:ed)? and feather(?:ed|s)?\\b|\\b(?:cut|mown|mowed) down like (?:wheat|grass|corn|dogs|cattle)\\b`, [
    words('tar tarred cut mown mowed'),
    words('feather feathered feathers wheat grass corn dogs cattle'),
  ]),
  sign(
    'ominous-close',
    `\\b(?:nobody|no one|noone)(?: is|'s| will be|'ll be|s) (?:leaving|getting out|walking out)(?: alive)?\\b`,
    [words('leaving getting walking')],
    true,
  ),
  // Closing in on the reader: "I'll be paying you a visit", "he's very keen to meet you", "coming
  // through your front door", "I'll be waiting by it".
  sign('approach', `\\b(?:i|we)(?:'ll| will|'m| am|'re| are)? (?:be )?(?:paying|pay) (?:you|u|ya) a (?:little |personal |late night |night )?visit\\b`, [
    words('paying pay'),
    words('visit'),
  ]),
  sign('approach', `\\b(?:very |really |dead )?(?:keen|dying|desperate|itching) to (?:meet|see|find|catch up with) (?:you|u|ya)\\b`, [
    words('keen dying desperate itching'),
    words('meet see find catch'),
  ]),
  sign('approach', `\\bcoming (?:through|in through|thru|round to|to) (?:your|ur|yer) (?:front |back |bedroom )?(?:door|window|house|home)\\b`, [
    words('coming'),
    words('door window house home'),
  ]),
  sign('approach', `\\b(?:i|we)(?:'ll| will)? be waiting (?:by|next to|beside|near) (?:it|your car|ur car|your van|your house)\\b`, [
    words('waiting'),
    words('by next beside near'),
  ]),
  // "I'll be seeing you at home very soon"; "next time I won't just drive past"; "you are going to meet me".
  sign(
    'approach',
    `\\b(?:i|we)(?:'ll| will|'m going to| am going to)? be (?:seeing|visiting|calling on|calling round to see) (?:you|u|ya) at (?:home|(?:your|ur) (?:house|home|door|place|flat))\\b`,
    [words('seeing visiting calling'), words('home house door place flat')],
  ),
  sign(
    'approach',
    `\\bnext time (?:i|we)(?: won'?t| wont| will not|'ll not)(?: just)? (?:drive|walk|go|ride) (?:past|by|away|on)\\b`,
    [words('next'), words('past by away on')],
    true,
  ),
  sign('approach', `\\b(?:you|u)(?:'re| are)? (?:going to|gonna|about to|will|'ll) meet me\\b`, [words('meet'), words('me')]),
  sign(
    'retribution',
    `\\b(?:traitors?|grasses?|rats?|scum|nonces?|paedos?|collaborators?) (?:get|gets|will get) what (?:traitors?|grasses?|rats?|scum|nonces?|paedos?|collaborators?|they|it) (?:get|gets|deserve|deserves|have coming|has coming)\\b`,
    [words('traitor traitors grass grasses rat rats scum nonce nonces paedo paedos collaborator collaborators'), words('get gets deserve deserves coming')],
  ),
  sign('others-intend', `\\b(?:plenty|loads|lots|hundreds|thousands|dozens|more) of us and (?:only )?(?:one|just one) of (?:her|him|you|u|them)\\b`, [
    words('us'),
    words('one'),
  ]),
  sign(
    'watching',
    `\\b(?:her|his|your|ur) (?:surgery|surgery'?s|advice surgery) (?:is |are )?(?:at|on|in) (?:the )?[a-z]+(?: [a-z]+)? (?:on|every) (?:the )?(?:first|second|third|last|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)\\b`,
    [
      words('surgery surgerys'),
      words('first second third last monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays'),
    ],
  ),
  sign('capable', `\\b(?:know|knows|learnt|learned) how to (?:make|build) (?:a |an )?(?:device|bomb|bombs|explosives?|pipe bomb|petrol bomb|molotov)\\b`, [
    words('make build'),
    words('device bomb bombs explosive explosives molotov'),
  ]),
  sign('approach', `\\byou (?:will|'ll|shall) find me at (?:your|ur) (?:next )?(?:surgery|meeting|office|door|house|count|surgeries)\\b`, [
    words('find'),
    words('surgery meeting office door house count surgeries'),
  ]),
  sign(
    'approach',
    `\\b(?:i'?ll|i will|we'?ll|we will) be waiting (?:by|at|outside|in|round|near) (?:the )?(?:[a-z]+ ){1,3}(?:when|for when|till|until) (?:you|u|she|he|they) (?:lock up|leave|finish|come out|get out|knock off|close up)\\b`,
    [words('waiting'), words('lock leave finish come get knock close')],
  ),
  sign('approach', `\\b(?:we|us|lads|everyone|we all) (?:go|going|head|march) (?:round )?to (?:his|her|their|your) (?:house|home|address|door)\\b`, [
    words('go going head march'),
    words('house home address door'),
  ]),
  sign('others-intend', `\\bwhen it (?:all )?kicks off\\b`, [words('kicks'), words('off')]),
  sign('others-intend', `\\b(?:there'?s|there are|there is) (?:a lot|lots|loads|plenty|hundreds|thousands) of us\\b`, [
    words('lot lots loads plenty hundreds thousands'),
    words('us'),
  ]),
  sign(
    'others-intend',
    `\\b(?:a few|some|three or four|two or three|a couple of|a dozen|loads of) (?:dads|lads|blokes|men|of us|mates)(?: [a-z']+){0,2}? (?:waiting|wait|stood|standing) (?:in|at|outside|by) (?:the|her|his|your) (?:car ?park|house|door|gym|office|car)\\b`,
    [words('dads lads blokes men us mates'), words('waiting wait stood standing')],
  ),
  sign(
    'watching',
    `\\byou (?:never|didn'?t|did not) (?:noticed|notice|saw|see|spotted|spot|clock|clocked) me\\b`,
    [words('noticed notice saw see spotted spot clock clocked'), words('me')],
    true,
  ),
  sign('watching', `\\brecogni[sz]ed (?:the|your|ur) (?:street|house|road|address|car)\\b`, [
    words('recognised recognized'),
    words('street house road address car'),
  ]),
  sign('exposed', `\\b(?:making|made|make) (?:this|it) (?:very |so |too |really )?easy for (?:me|us)\\b`, [words('easy'), words('me us')]),
  sign('exposed', `\\b(?:less|no|little|not much|even less) security than\\b|\\b(?:on your own|alone|by yourself) with the door (?:open|unlocked)\\b`, [
    words('security door'),
  ]),
  sign('retribution', `\\bremember what happened to (?:that|the|jo|sir|david|poor) (?:[a-z]+ ){0,2}?(?:mp|mps|councillor|politician|cox|amess)\\b`, [
    words('remember'),
    words('mp mps councillor politician cox amess'),
  ]),
  sign('punishment-imagery', `\\bcross(?:es)? (?:through|over|on) (?:[a-z]+ ){0,3}(?:faces?|photos?|pictures?|names?)\\b`, [
    words('cross crosses'),
    words('face faces photo photos picture pictures name names'),
  ]),
  // More of the reader's life watched: "your school run is at 8.20", a car registration, "leaves 7.40 every morning".
  sign('watching', `\\b(?:your|ur) (?:school run|commute|walk home|dog walk|run|jog|train|bus|route) (?:is|starts|leaves|goes) (?:at|from)\\b`, [
    words('run commute walk jog train bus route'),
    words('is starts leaves goes'),
  ]),
  sign(
    'watching',
    `\\b(?:reg|registration|number plate|plate)\\b[^.!?]{0,12}?\\b[a-z]{2}[0-9]{2} ?[a-z]{3}\\b|\\b[a-z]{2}[0-9]{2} [a-z]{3}\\b[^.!?]{0,30}?\\b(?:yours|your car|your motor)\\b`,
    [words('reg registration plate yours car motor')],
  ),
  sign('watching', `\\b(?:leaves|leave|left|gets in|goes out) (?:at )?\\d{1,2}(?: \\d{2})? (?:every|each|most) (?:morning|night|day|evening)\\b`, [
    words('leaves leave left in out'),
    words('every each most'),
  ]),
  sign(
    'watching',
    `\\b(?:we|i) know (?:your|ur) (?:face|address|routine|car|movements|schedule),? (?:your|ur) (?:face|address|routine|car|movements|schedule)\\b`,
    [words('know')],
  ),
  sign(
    'watching',
    `\\b(?:know|no) (?:which|wich|what|wot) school (?:your|ur|yer) (?:lad|lass|son|daughter|kids|kid|boy|girl|children) (?:goes|go|is at|attends)\\b`,
    [words('school'), words('goes go is attends')],
    true,
  ),
  // Exposure: "no CCTV", "walks home alone", "nobody will be there to stop it", "a car can mount a pavement".
  sign(
    'exposed',
    `\\bno (?:cctv|cameras?|camera doorbell|ring doorbell|alarm|burglar alarm|security light)\\b`,
    [words('cctv camera cameras doorbell alarm light')],
    true,
  ),
  sign(
    'exposed',
    `\\b(?:your|ur|yer) ${KIN}\\b[^.!?]{0,25}?\\b(?:walks|walk|gets|catches|leaves|cycles|goes) (?:home )?(?:alone|on (?:her|his|their) own|by (?:herself|himself|themselves))\\b`,
    [KIN_WORDS, words('alone own herself himself themselves')],
  ),
  sign('exposed', `\\bno ?(?:one|body) (?:will be|'ll be|is|would be|'d be) (?:there|around|about|in) to stop (?:it|me|us|them)\\b`, [words('stop')], true),
  sign('capable', `\\b(?:car|van|lorry|truck|motor)s? (?:can |could )?(?:mount|mounts|mounting) (?:a |the )?(?:pavement|kerb|curb)\\b`, [
    words('mount mounts mounting'),
    words('pavement kerb curb'),
  ]),
  sign('capable', `\\b(?:got out of|just out of|released from|came out of|out of) (?:prison|jail|nick|the nick|[a-z]+ (?:prison|nick|jail))\\b`, [
    words('prison jail nick'),
  ]),
  sign('capable', `\\b(?:i'?ll|i will) be the first (?:one )?(?:throwing|to throw|in line|through the door|to do it)\\b`, [
    words('first'),
    words('throwing throw line door do'),
  ]),
  // "I'd be very careful how you vote on Thursday"; "tell your husband to watch his back".
  sign(
    'ominous-close',
    `\\b(?:i'?d|i would|you'?d|you should|you want to|better) be (?:very |really |extra )?careful (?:how|what|which way) (?:you|u) (?:vote|speak|act|decide)\\b`,
    [words('careful'), words('vote speak act decide')],
  ),
  sign('ominous-close', `\\btell (?:your|ur) ${KIN} (?:to )?(?:watch|mind) (?:his|her|their) backs?\\b`, [words('tell'), words('backs back')]),
  sign('ominous-close', `\\blet'?s see (?:you|u|if you) (?:make it|get|last) (?:to|through|home)\\b`, [words('see'), words('make get last')]),
  sign('disclaimer', `\\b(?:only|just) (?:joking|kidding|messing|banter)\\b[^.!?a-z]{0,6}(?:or am i|unless)\\b`, [
    words('joking kidding messing banter'),
    words('am unless'),
  ]),
  sign('retribution', `\\b(?:he|she|they)(?:'ll| will)? (?:pays?|suffers?|answers?) for (?:your|ur) (?:decisions|decision|choices|vote|votes|actions)\\b`, [
    words('pays pay suffers suffer answers answer'),
    words('decisions decision choices vote votes actions'),
  ]),
  sign(
    'exposed',
    `\\b(?:bring|wear|get|buy|you'?ll need) (?:a |your |some )?(?:helmet|stab vest|stab proof vest|bulletproof vest|body armour|crash helmet|first aid kit)\\b`,
    [words('helmet vest armour kit')],
  ),
  sign('approach', `\\b(?:i'?ll|i will|we'?ll|we will) be there (?:at \\d+|at [a-z]+ o'?clock|waiting|early|first thing|on the day|and i won'?t)\\b`, [
    words('there'),
    words('at waiting early first on and'),
  ]),
  // "I'm not threatening you, I'm warning you" (matched from "not": "I'm threatening" is not reported speech).
  sign('disclaimer', `\\bnot threatening (?:you|u)\\b`, [words('threatening')], true),
  sign('disclaimer', `\\b(?:this|that|it)(?:'s| is|s) not a threat\\b`, [words('threat')], true),
  sign(
    'disclaimer',
    `\\bnot a threat(?:,| just| it'?s| its)? (?:a |just a |it'?s a |its a )?(?:promise|warning|prediction|fact|observation)\\b`,
    [words('threat')],
    true,
  ),
  sign('disclaimer', `\\b(?:take|consider) (?:this|it) as a (?:friendly )?warning\\b`, [words('warning')]),
  // The dare closes a message: "keep voting for it and see what happens".
  sign('ominous-close', `\\band (?:just )?(?:see|watch) what happens\\b`, [words('happens')]),
];

/** A sentence that is nothing but one of these, perhaps with "councillor" and a name after it. */
const CLOSERS = new RegExp(
  `^(?:soon|very soon|not long now|not for long|who'?s in|who'?s with me|who'?s coming|(?:(?:i|we)(?:'ll| will) )?(?:be )?see(?:ing)? you soon|(?:(?:i|we)(?:'ll| will) )?be seeing you|(?:it'?d |it would |would )?be a (?:shame|pity)(?: wouldn'?t it)?|` +
    `shame|think on|just saying|just so you know|(?:i )?wouldn'?t want to be you|can'?t say i blame them|sleep well|sleep tight|` +
    `enjoy (?:it|them|your weekend|your christmas) while (?:it lasts|you can)|you know what to do|we know|i know|remember that|` +
    `your choice|last chance|choose wisely|tick ?tock|watch this space|you'?ll see|` +
    `(?:i )?hope you(?:'?re| are) enjoying your (?:evening|weekend|night|day|holiday|dinner|tea)|ask yourself if you want that|something to think about|see how you like it|(?:have a )?think (?:about|abowt|bout|abt) (?:that|it)|` +
    `don'?t say you (?:weren'?t|were not) (?:told|warned)|you were warned|no mercy|think about that|funny timing(?: eh)?|starting with you|every last one|` +
    `simple as)(?: (?:councillor|cllr|mate|love|pal|mr|mrs|ms|sir)(?: [a-z]+)?)?(?: (?:before|when|wen|next time) [a-z' ]{1,50})?(?: (?:bomb|knife|dagger|axe|gun|pistol|skull|coffin|fire|clock|hourglass|hammer))*$`,
);
// "Think on before you vote": the Northern warning opens a longer sentence.
const THINK_ON = /^think on\b/;

function sentences(n: Normalised): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  let start = -1;
  let end = -1;
  let count = 0;
  for (const t of n.tokens) {
    if (t.sentenceStart && start !== -1) {
      out.push([start, end, count]);
      start = -1;
      count = 0;
    }
    if (start === -1) start = t.nStart;
    end = t.nEnd;
    count++;
  }
  if (start !== -1) out.push([start, end, count]);
  return out;
}

/**
 * The scanner's sign hits, one per kind, plus an ominous closing sentence: kept as threat hits
 * only when two or more different kinds turn up in the message.
 */
export function combineWarningSigns(n: Normalised, signs: readonly Hit[]): Hit[] {
  const found = new Map<string, Hit>();
  for (const h of signs) {
    const kind = h.rule.slice(SIGN_PREFIX.length);
    if (!found.has(kind)) found.set(kind, { category: 'threat', rule: `warning-signs:${kind}`, nStart: h.nStart, nEnd: h.nEnd, score: 0.85 });
  }
  let closed = false;
  for (const [from, to, count] of sentences(n)) {
    const s = n.text.slice(from, to);
    if (!closed && ((count <= 14 && CLOSERS.test(s)) || THINK_ON.test(s))) {
      found.set('ominous-close', { category: 'threat', rule: 'warning-signs:ominous-close', nStart: from, nEnd: to, score: 0.85 });
      closed = true;
    }
    for (const kind of sentenceSigns(s)) {
      if (!found.has(kind)) found.set(kind, { category: 'threat', rule: `warning-signs:${kind}`, nStart: from, nEnd: to, score: 0.85 });
    }
  }
  return found.size >= 2 ? [...found.values()] : [];
}
