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

const P = (rule: string, category: Pattern['category'], src: string, need: string[][], accept?: Pattern['accept'], negationInside = false) =>
  makePattern(rule, category, src, need, { ...(accept ? { accept } : {}), negationInside });

/** The match is not told in the past or as history: "a petrol bomb was pushed through the letterbox". */
const notThePast = (n: Normalised, nStart: number): boolean => {
  const before = n.text.slice(Math.max(0, nStart - 40), nStart);
  return !/\b(?:was|were|been|had|in (?:1[0-9]|20)[0-9]{2}s?|century|history|historic|museum)\b[a-z ]*$/.test(before);
};

const INCITEMENT_CONTEXT =
  /\b(?:lads|you know what to do|address|electoral roll|who'?s with me|any volunteers|rt|retweet|share this|lives (?:on|at|in)|house with the|[0-9]+ [a-z]+ (?:lane|road|street|avenue|close|drive|way|crescent|grove|court|place|gardens|terrace))\b/;

// Words a bare reply may be made of; one of the anchor words (noose, rope…) must be among them.
const BARE = `noose|rope|tree|lamppost|lamp post|gallows|guillotine|bullet|coffin|traitor|traitors|hang|hanging|swing|tick tock|soon|reckoning|pitchforks|councillor|cllr`;
const ATTACK_TOLD = /\b(?:knifed|stabbed|shot|killed|murdered|attacked|butchered|hacked|slaughtered|beheaded)\b/;
const DOGS = /\b(?:dogs?|staff(?:ies|y|ie)|pit ?bulls?|rottweilers?|alsatians?|xl bull(?:y|ies)|bull ?terriers?|mastiffs?)\b/;
const SEXUAL_CONTEXT = /\b(?:slag|slut|bitch|whore|cow|love|darling|sweetheart|lads|tonight|on your own|whether you like it or not)\b/;

export const GALLOWS_PATTERNS: Pattern[] = [
  // "Every one of you who voted for it will swing from a lamppost": the subject with its relative clause.
  P(
    'swinging-from',
    'threat_to_life',
    `\\b(?:every (?:one|last one|single one) of you|all of you|each of you|the lot of you|you lot|your lot|you)(?: (?:who|that) [^.!?]{1,60}?)? (?:will|'ll|shall|are going to|are gonna|'re going to) (?:all )?(?:be )?(?:the first (?:to be |ones )?)?(?:swing|hang|be swinging|be hanging|be dangling|strung up|swinging|hanging) (?:from|off) (?:a|the|those|that|every|your|their)(?: [a-z]+){0,2}? ${GALLOWS_PLACE}\\b`,
    [words('swinging hanging dangling swing hang strung'), words('from off')],
    notThePast,
  ),
  // The writer as executioner: "and I'll be pulling the rope".
  P(
    'executioner',
    'threat_to_life',
    `\\b(?:i|we)(?:'ll|ll| will|'d|'d happily| would| would happily|'ll happily| will happily)? (?:be )?(?:there to )?(?:pulling|pull|kicking|kick|working|drop|dropping) (?:the rope|the lever|the trapdoor|the trap door|the stool|the bucket|the switch|the blade)\\b(?![^.!?]{0,40}\\btug)`,
    [words('pulling pull kicking kick working drop dropping'), words('rope lever trapdoor trap stool bucket switch blade')],
    notThePast,
  ),
  // "Bring back the guillotine … your head first."
  P(
    'head-off',
    'threat_to_life',
    `\\b(?:guillotines?|noose|nooses|gallows|basket|chopping block|scaffold|executioner|axe)\\b[^.!?]{0,110}?\\b(?:your|ur|yer) (?:head|neck)(?:'s)? (?:first|next|in the basket|on the block)\\b`,
    [words('head neck')],
    notThePast,
  ),
  // "Do you think you'll make it to the next election alive?"
  P(
    'make-it-alive',
    'threat_to_life',
    `\\b${YOU}(?:'ll| will| are going to|'re going to| gonna|'d| would)? (?:make it|making it|get|last|live|survive|get through|get home|get out)(?: (?:to|till|until|through|past|out of|home from|from) [a-z' ]{1,40}?)? (?:alive|in one piece)\\b|\\bmaking it (?:to|till|until|through|past) [a-z' ]{1,40}? (?:alive|in one piece)\\b`,
    [words('alive piece')],
  ),
  // A weapon pictured in the reader's body: "a blade in his gut". "A knife in the back" is betrayal.
  P(
    'weapon-in-body',
    'threat_to_life',
    `\\b(?:a |the |my |this )?(?:blade|knife|bullet|bolt|screwdriver|machete|axe|crossbow bolt|shank|chib) (?:in|into|through|between) (?:your|ur|yer|his|her|their|that|them) (?:[a-z]+ )?(?:gut|guts|belly|chest|heart|neck|throat|skull|head|face|eye|eyes|ribs|kidneys?|stomach|brain|back of the head)\\b`,
    [
      words('blade knife bullet bolt screwdriver machete axe shank chib'),
      words('gut guts belly chest heart neck throat skull head face eye eyes ribs kidney kidneys stomach brain'),
    ],
    notThePast,
  ),
  // "Would be a pity if one day they didn't come home."
  P(
    'not-come-home',
    'threat_to_life',
    `\\b(?:shame|pity|sad|tragic|awful|terrible|horrible|funny|strange)\\b[a-z' ]{0,30}?\\bif (?:one day |someday |one night |tonight )?(?:they|you|he|she|your [a-z]+|the kids)(?: just)? (?:didn'?t|did not|never|don'?t|do not|couldn'?t|could not|wouldn'?t) (?:come|came|make it|get|got|return|returned|arrive|arrived) (?:home|back)\\b`,
    [words('shame pity sad tragic awful terrible horrible funny strange'), words('home back')],
    undefined,
    true,
  ),
  // "Another MP got knifed ... nobody will notice when it's your turn."
  P(
    'your-turn',
    'threat_to_life',
    `\\b(?:when|till|until|once|before|and) it'?s (?:your|ur) turn\\b|\\b(?:your|ur) turn (?:next|is coming|will come|soon)\\b`,
    [words('turn')],
    (n) => ATTACK_TOLD.test(n.text),
  ),
  // "Start thinking about which lamp post you'd like."
  P(
    'choose-your-gallows',
    'threat_to_life',
    `\\bwhich (?:lamp ?post|lamppost|tree|rope|noose|gallows|bullet|coffin|grave|plot)\\b[a-z' ]{0,50}?\\b(?:you'?d|you would|you) (?:like|prefer|want|fancy)\\b|\\b(?:choose|pick) (?:your|ur) (?:lamp ?post|lamppost|tree|rope|noose|coffin|grave)\\b`,
    [words('which choose pick'), words('like prefer want fancy lamppost post tree rope noose coffin grave')],
  ),
  // "One bottle of acid and nobody will recognise that smug face."
  P(
    'acid-face',
    'threat_to_life',
    `\\b(?:bottle|splash|cup|jar|drop|dose|tin|can|litre|pint|squirt) of (?:acid|bleach|ammonia)\\b[a-z' ]{0,80}?\\b(?:your|ur|that|her|his) (?:[a-z]+ )?(?:face|eyes|skin)\\b|\\bacid (?:in|on|over|into|at) (?:your|ur|that|her|his) (?:[a-z]+ )?(?:face|eyes)\\b`,
    [words('acid bleach ammonia'), words('face eyes skin')],
    notThePast,
    true,
  ),
  // "Transit van versus councillor, I know who wins."
  P(
    'vehicle-versus',
    'threat_to_life',
    `\\b(?:car|van|transit|lorry|truck|motor|4x4|landie|tractor|bus)s? (?:versus|vs|v) (?:councillor|cllr|you|u|pedestrian|traitor|politician|mp)\\b`,
    [words('versus vs v')],
  ),
  // The dogs set on the reader: "I'll let them have you" (when the message is about dogs).
  P(
    'dogs-on-you',
    'threat',
    `\\b(?:set|let|put|send) (?:the |my |our |him |her )?(?:dogs?|staff(?:ies|y|ie)|pit ?bulls?|rottweilers?|them|him|her|it|the lads) (?:on|loose on|at|after|have) (?:you|u|ya)\\b`,
    [words('set let put send'), words('on at after have')],
    (n) => DOGS.test(n.text),
  ),
  // Sexual violence: "you need a good raping", "I'll have my way with you", "take turns with you".
  P(
    'sexual-violence',
    'threat_to_life',
    `\\b(?:you|u|she|he|her|(?:that|this) (?:[a-z]+ ){0,2}?[a-z]+)(?: really| just)? (?:need|needs|deserve|deserves|want|wants|could do with|are asking for|is asking for) (?:a )?(?:good |proper |right |hard )?(?:raping|rape|gang ?bang|gang ?rape|seeing to)\\b`,
    [words('need needs deserve deserves want wants with asking'), words('raping rape gangbang gang seeing')],
  ),
  P(
    'sexual-violence',
    'threat_to_life',
    `\\b(?:have|having|get|getting) (?:my|our) way with (?:you|u|her|ya)\\b|\\btake turns (?:with|on) (?:you|u|her|ya)\\b`,
    [words('way turns')],
    (n) => SEXUAL_CONTEXT.test(n.text),
  ),
  // "There won't be enough left of you to bury."
  P(
    'nothing-left',
    'threat_to_life',
    `\\b(?:won'?t|will not|wouldn'?t|would not|not) be enough (?:left )?of (?:you|u|ya|him|her|them|you lot) (?:left )?to (?:bury|identify|find|scrape up|put in a coffin)\\b`,
    [words('enough'), words('bury identify find scrape coffin')],
    undefined,
    true,
  ),
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
  // Harm under way: "you are getting hurt", "one of them is getting hurt", "you're getting proper leathered".
  P(
    'getting-hurt',
    'threat',
    `\\b(?:you|u|ya|ye|tha|one of (?:you|them)|someone|somebody|your [a-z]+|she|he)(?:'re| are| re|'s| is| r|s)? (?:getting|gettin|gonna get|going to get) (?:proper |properly |well |so |badly |seriously |a good )?(?:hurt|battered|leathered|kicked in|smashed|beaten|beaten up|hammered|glassed|bladed|done over|sorted|filled in|a kicking|a beating|a hiding)\\b${NOT_AT_POLLS}`,
    [words('getting gettin get'), words('hurt battered leathered kicked smashed beaten hammered glassed bladed done sorted filled kicking beating hiding')],
  ),
  P(
    'getting-hurt',
    'threat_to_life',
    `\\b(?:you|u|ya|ye|tha|one of (?:you|them)|someone|somebody|your [a-z]+|she|he)(?:'re| are| re|'s| is| r|s)? (?:getting|gettin|gonna get|going to get) (?:stabbed|shot|knifed|chibbed|shanked|killed|murdered|torched)\\b`,
    [words('getting gettin get'), words('stabbed shot knifed chibbed shanked killed murdered torched')],
  ),
  // "Rip your head off", "tear you limb from limb".
  P(
    'rip-apart',
    'threat_to_life',
    `\\b(?:rip|tear|pull)(?:ping)? (?:your|ur|yer|thi|his|her) (?:head|throat|heart|face|arms?|legs?|tongue) (?:off|out)\\b|\\b(?:rip|tear) (?:you|u|ya|him|her|them) (?:apart|to pieces|to shreds|limb from limb)\\b`,
    [words('rip ripping tear tearing pull pulling'), words('off out apart pieces shreds limb')],
  ),
  // "You'll never see another September."
  P(
    'never-see-another',
    'threat_to_life',
    `\\b(?:you|u|ya|you'?re the one who|the one who)(?:'ll| will| wont| won'?t)? never (?:see|sees|live to see) (?:another|the next|next) (?:christmas|birthday|summer|september|october|year|election|spring|winter|autumn|new year|easter)\\b|\\b(?:you|u|ya)(?: will| 'll|'ll)? (?:not|won'?t) (?:see|live to see) (?:another|the next|next) (?:christmas|birthday|summer|year|election)\\b`,
    [words('see sees'), words('christmas birthday summer september october year election spring winter autumn easter')],
    undefined,
    true,
  ),
  // "The next fire won't be at the hotel, it'll be at yours."
  P(
    'fire-at-yours',
    'threat_to_life',
    `\\bfires?\\b[a-z' ,]{0,50}?\\b(?:it'?ll|it will|will|gonna) be (?:at|in|through) (?:yours|your (?:house|home|place|gaff|door|letterbox|office))\\b|\\b(?:how long|wonder)\\b[a-z' ]{0,60}?\\bfire (?:brigade|engine|service)s?\\b[a-z' ]{0,30}?\\b(?:your|ur) (?:street|house|home|road|door|place)\\b`,
    [words('fire fires'), words('yours house home place gaff door letterbox office street road')],
    undefined,
    true,
  ),
  // "I'll happily do the time for you."
  P(
    'do-the-time',
    'threat',
    `\\b(?:i'?ll|ill|i will|i'?d|i would|happy to|glad to|i'?m happy to)(?: happily| gladly| gladly)? (?:do|serve) (?:the |my )?(?:time|years|life|a stretch|bird|a life sentence) for (?:you|u|ya|it|this|killing you|doing you)\\b`,
    [words('do serve'), words('time years life stretch bird sentence')],
  ),
  // A reply that is nothing but the gallows: "Noose.", "Rope. Tree.", "Lamppost. Traitor."
  P(
    'bare-gallows',
    'threat_to_life',
    `^ *(?:${BARE})(?: +(?:${BARE}))* *$`,
    [words('noose rope lamppost gallows guillotine bullet coffin hang hanging')],
    (n) => n.tokens.length <= 4,
  ),
  // "I'm gonna shut you up permanent."
  P('shut-up-for-good', 'threat_to_life', `\\bshut (?:you|u|ya|him|her|them) up (?:permanent|permanently|for good|forever|for ever|once and for all)\\b`, [
    words('shut'),
    words('permanent permanently good forever ever once'),
  ]),
  // "Traitors get shot ... I'll do it myself if I have to."
  P(
    'do-it-myself',
    'threat_to_life',
    `\\b(?:i'?ll|ill|i will|i'?d|i would|happy to|glad to|i'?m happy to) (?:gladly |happily |personally )?do it (?:myself|meself|personally)\\b`,
    [words('do'), words('myself meself personally')],
    (n) => /\b(?:shot|shoot|hang|hanged|hung|killed|kill|die|dead|stab|stabbed|strung|bullet|rope|noose)\b/.test(n.text),
  ),
  // "She'd better watch herself leaving the office tonight."
  P(
    'better-watch',
    'threat',
    `\\b(?:'d|had|would)? ?better watch (?:herself|himself|themselves|yourself|your back|their backs|his back|her back)\\b(?! (?:on|with) (?:the|that|those) (?:ice|icy|stairs|steps|roads?|path|pavement|kerb))`,
    [words('better'), words('herself himself themselves yourself back backs')],
  ),
  // "Next time I'll introduce myself properly, with a hammer."
  P(
    'armed-meeting',
    'threat_to_life',
    `\\b(?:i'?ll|ill|i will|i'?m going to|im gonna|i'?m gonna|we'?ll|we will)\\b[a-z' ,]{0,60}?\\b(?:introduce myself|say hello|greet|welcome|visit|see|meet|catch|find)\\b[a-z' ,]{0,40}?\\bwith (?:a|my|the|me) (?:hammer|knife|machete|bat|baseball bat|blade|crowbar|brick|axe|shotgun|gun|crossbow|acid|petrol can|golf club)\\b`,
    [
      words('introduce hello greet welcome visit see meet catch find'),
      words('hammer knife machete bat blade crowbar brick axe shotgun gun crossbow acid petrol club'),
    ],
  ),
  // "Anyone who answers the phone in your office is fair game now."
  P(
    'fair-game',
    'threat',
    `\\b(?:you|your (?:staff|family|kids|wife|husband|office|caseworkers|team|children)|anyone who [a-z' ]{1,50}?|they|he|she|councillors|mps|traitors|you lot)(?: (?:are|is|'re|'s))? (?:all )?(?:now )?fair game\\b`,
    [words('game')],
  ),
  // "After I've finished with you"; "when I'm done with you".
  P(
    'finished-with-you',
    'threat',
    `\\b(?:after|when|once|by the time) (?:i'?ve|i have|i'?m|im|i am|we'?ve|we'?re|we are) (?:finished|done|through) with (?:you|u|ya|him|her)\\b`,
    [words('after when once time'), words('finished done through')],
  ),
  // "Traitors like you will be the first to hang."
  P(
    'first-to-hang',
    'threat_to_life',
    `\\b(?:you|traitors|you lot|people like you|[a-z]+ like you)\\b(?: [a-z]+){0,3}? (?:will|'ll|are going to|gonna) be (?:the )?first (?:to (?:hang|swing|die|burn|be shot|be hanged|be strung up)|against the wall|up against the wall|on the (?:rope|gallows))\\b`,
    [words('first'), words('hang swing die burn shot hanged strung wall rope gallows')],
  ),
  // "You're getting your head caved in"; "you'll get your legs broken". Not "your teeth done".
  P(
    'head-caved-in',
    'threat',
    `\\b(?:${YOU}(?:'re| are|'ll| will|re| r)?|ur|ye(?:'re|re|'ll|ll)?|tha(?:'s|s)?) (?:getting|gettin|going to get|gonna get|get|have|having|'ll get|will get|gonna have|going to have) (?:your|ur|yer|thi|thy) (?:head|heid|heed|face|teeth|skull|legs|kneecaps|nose|jaw|windows|door) (?:(?:caved|kicked|smashed|bashed|punched|knocked|stoved|beaten|put) (?:in|out)|broken|broke|smashed|kicked in)\\b`,
    [words('getting gettin get have having'), words('caved kicked smashed bashed punched knocked stoved beaten put broken broke')],
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
