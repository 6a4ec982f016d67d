import { makePattern, words } from './threat-pattern.ts';
import type { Pattern } from './threat-pattern.ts';
import type { Normalised } from './normalise.ts';

// Threats that arrive with the writer's own end, a price or a sign from above, or that picture
// the reader's end without a harm verb aimed at "you":
// - murder-suicide: the writer's self-destruction with the reader pulled in ("so we burn
//   together", "I'm taking you with me", "anyone stood there can burn with me"). Self-harm
//   alone stays a welfare flag (self-harm.ts); what makes it a threat is the other person;
// - a bounty: "whoever takes out the chair gets free drinks for life";
// - the writer as God's instrument, forgiveness asked for what is about to be done;
// - the reader's end pictured: met their maker, found in the canal, no one left to hear them
//   scream, "enjoy whatever time you've got left", a fire lit "with you still in it".
// Benign twins live in threat-final-acts.test.ts.

const YOU = `(?:you|u|ya|ye)`;
const OTHERS = `(?:${YOU}|him|her|them|anyone|anybody|everyone|whoever|one of (?:them|you|your (?:staff|lot|kids|family))|some of (?:you|them)|as many of (?:you|them) as (?:i|we) can|your [a-z]+|that [a-z]+|the [a-z]+)`;

/** The writer's own end or breaking point somewhere in the message: what turns "with me" into a threat. */
const OWN_END =
  /\b(?:die|dying|dead|death|kill myself|end it|end my life|hang myself|petrol|alight|lighter|light it|burn|burning|set myself|douse|dousing|jerry ?can|break|breaking point|nothing (?:left|to lose)|prison|terminal|cancer|bomb|explode)\b/;
const withOwnEnd = (n: Normalised) => OWN_END.test(n.text);

/** A price named for the act: drinks, money, a reward. */
const REWARD =
  /\b(?:free|drinks?|pints?|beers?|quid|reward|bounty|buy|buying|bought|medal|hero|owe|cash|grand|tenner|fiver|round|£ ?\d+|\d+ ?(?:k|grand|quid))\b/;
const withReward = (n: Normalised) => REWARD.test(n.text);

const ARSON = /\b(?:burn|burns|burnt|burned|burning|fire|flames|petrol|torch|torched|alight|bomb|blow|take|took|lock|locked|chain|chained)\b/;
const withArson = (n: Normalised) => ARSON.test(n.text);

const FILM_TALK = /\b(?:film|films|movie|movies|watched|watching|scene|quote|line|cinema|netflix|shining|scarface|pacino|nicholson|kubrick|telly|tv)\b/;
const notFilmTalk = (n: Normalised) => !FILM_TALK.test(n.text);

/** The message is nothing but this line (an @handle aside): "@CllrX tick tock". */
const STANDALONE = /^(?:tick ?tock|ticktock|you were warned|not long now|(?:i )?wouldn'?t want to be you)(?: (?:councillor|cllr)(?: [a-z]+)?)?$/;
const standalone = (n: Normalised) =>
  STANDALONE.test(
    n.tokens
      // '@' may be read as a leet 'a' and start the token itself.
      .filter((t) => n.original[t.start] !== '@' && n.original[t.start - 1] !== '@')
      .map((t) => t.word)
      .join(' '),
  );

const WEAPONISH = /\b(?:device|bomb|bombs|explosives?|gun|guns|knife|knives|machete|axe|acid|petrol|crossbow|shotgun|rifle|hammer|bat|blade)\b/;
const YOUR_THING =
  /\b(?:of yours|(?:your|ur|yer) (?:dog|cat|pet|puppy|horse|pony|spaniel|labrador|staffie|car|van|house|home|shop|office|motor|tesla|audi|bmw|range rover))\b/;

const P = (rule: string, src: string, need: string[][], accept?: Pattern['accept'], category: Pattern['category'] = 'threat_to_life') =>
  makePattern(rule, category, src, need, accept ? { accept } : {});
/** For patterns that hold their own negation ("no one left to hear you", "you won't be walking out"). */
const negated = (p: Pattern): Pattern => ({ ...p, negationInside: true });

export const FINAL_ACT_PATTERNS: Pattern[] = [
  // "…grab hold of you first so we burn together"; "we'll both go up".
  P(
    'die-together',
    `\\b(?:we|us|the (?:two|both) of us)(?: (?:both|all|two))?(?: will| 'll|'ll| can| are going to| are gonna)? (?:burn|die|go up in flames|perish|blow up|burn up) (?:together|with each other)\\b|\\b(?:we|us)(?: will|'ll)? both (?:burn|die|go up in flames|perish|blow up)\\b`,
    [words('we us'), words('burn die flames perish up')],
  ),
  // "When I break I'm taking you with me"; "I'll take as many of you with me as I can".
  P(
    'take-with-me',
    `\\b(?:i'?m|im|i am|i'?ll|ill|i will|i'?m going to|i am going to|i'?m gonna|gonna)(?: (?:be|make sure i|definitely))? (?:taking|take|bringing|bring|dragging|drag|pull|pulling) ${OTHERS}(?: [a-z]+){0,2}? (?:with me|down with me|along with me)\\b`,
    [words('taking take bringing bring dragging drag pull pulling'), words('me')],
    withOwnEnd,
  ),
  // "…and I'll make sure one of them comes with me"; "anyone in there can burn with me".
  P(
    'take-with-me',
    `\\b(?:make sure|and) (?:one of (?:them|you)|someone|somebody|you|he|she|they) (?:comes?|goes?|dies?|burns?) (?:with me|too)\\b|\\b(?:anyone|anybody|everyone|everybody|whoever)(?: [a-z']+){0,7}? (?:can|will|gets? to|is going to) (?:burn|die|go up|go) with me\\b`,
    [words('comes come goes go dies die burns burn'), words('me too')],
    withOwnEnd,
  ),
  // "If I'm dying on your doorstep then so is anyone else stood on it."
  P(
    'take-with-me',
    `\\bif (?:i'?m|im|i am|i go|i'?m going) (?:dying|going|going down|burning|going up|going out)\\b[^.!?]{0,60}\\bso (?:is|are|will|does|do) (?:anyone|anybody|everyone|everybody|you|u|your)\\b`,
    [words('if'), words('so')],
  ),
  // "I'm dousing me and that officer … and lighting us both up".
  P(
    'take-with-me',
    `\\b(?:dous(?:e|ing)|soak(?:ing)?|drench(?:ing)?) (?:me|myself) and (?:you|him|her|them|that|the|your)\\b|\\blight(?:ing)? (?:us|them) (?:both |all )?up\\b`,
    [words('douse dousing soak soaking drench drenching lighting light'), words('me myself us them')],
    withOwnEnd,
  ),
  // "Whoever takes out the planning committee chair gets free drinks at mine for life."
  P(
    'bounty',
    `\\b(?:whoever|anyone who|anybody who|first (?:person|one|man|lad|one of you) (?:to|who)|the (?:person|man|lad|one) who)(?: [a-z']+){0,2}? (?:kills?|killed|takes? out|took out|stabs?|stabbed|shoots?|shot|does in|finishes off|knocks? out|batters?|glasses?|torches?|burns?|petrol bombs?|bricks?|smashes? up|hangs?|gets? rid of|deals? with|sorts? out|runs? over|ran over)(?! (?:the|a|an|my|our|your) (?:bins?|rubbish|trash|recycling|insurance|loan|mortgage|advert|ads?|subscription|trophy|prize|title|award|quiz|league|cup|competition|paperwork|backlog|problem|issue|potholes?|weeds?|graffiti)\\b) (?:the|that|this|those|her|him|them|you|cllr|councillor|mp|mayor|our|their|your|every|any|a)\\b`,
    [
      words('whoever anyone anybody first person man lad one'),
      words(
        'kills killed takes take took stabs stabbed shoots shot does finishes knocks batters glasses torches burns bombs bricks smashes hangs gets deals sorts runs ran',
      ),
    ],
    withReward,
    'threat',
  ),
  // "I pray God gives me the strength to be the instrument of His judgement on you."
  P(
    'divine-instrument',
    `\\b(?:instrument|hand|sword|weapon|tool|servant) of (?:his|god'?s|gods|the lord'?s|allah'?s|divine|heaven'?s) (?:judgement|judgment|wrath|vengeance|justice|punishment)\\b`,
    [words('instrument hand sword weapon tool servant'), words('judgement judgment wrath vengeance justice punishment')],
    undefined,
    'threat',
  ),
  // "God forgive me for what I'm about to do to you."
  P(
    'divine-instrument',
    `\\b(?:god|lord|allah|jesus) forgive me (?:for )?what (?:i'?m|im|i am|i'?ll|i will|i have to|i must) (?:about to |going to |gonna )?do\\b`,
    [words('forgive'), words('do')],
    undefined,
    'threat',
  ),
  // "…or you will meet your maker by my hand."
  P(
    'meet-maker',
    `\\b(?:you|u|ya)(?:'ll| will|'re going to| are going to| are gonna|'re gonna| shall) (?:soon |shortly |very soon )?meet (?:your|ur) maker\\b|\\bmeet (?:your|ur) maker by my (?:own )?hand\\b`,
    [words('meet'), words('maker')],
  ),
  // "I'll be praying for your soul while it burns."
  P('meet-maker', `\\bpray(?:ing)? for (?:your|ur) (?:soul|souls) (?:while|as|when) (?:it|they|you) (?:burns?|roasts?|rots?|bleeds?)\\b`, [
    words('pray praying'),
    words('burns burn roasts rots bleeds'),
  ]),
  // "You took my home so I will take yours. With you still in it."
  P(
    'with-you-inside',
    `\\bwith (?:you|u|ya|your (?:family|kids|wife|husband|children|staff)|the lot of you)(?: and (?:your|the|all|every) [a-z]+(?: [a-z]+)?)?(?: all)?(?: still| stood| sat| asleep| locked| trapped| tucked up)? (?:in|inside) (?:it|there|the house|the building|the car|the office)\\b`,
    [words('with'), words('in inside')],
    withArson,
  ),
  // "How would your wife feel if … you'd been found in the canal?"
  P(
    'found-dead',
    `\\b(?:(?:a |the )?(?:phone ?call|call|knock at the door|letter|news|message) saying )?(?:you|u|you'?d|youd|you'?ve|you'?ll|you have|you had|your body)(?: [a-z']+){0,2}? (?:found|fished out|pulled out|dragged out|washed up|dumped)(?: dead| face down| floating)?(?: in| out of| of| from| on)? (?:a |the )?(?:canal|river|ditch|woods|forest|reservoir|quarry|lake|docks?|harbour|boot of (?:a|the) car|skip|bin bags?|shallow grave|binbags?)\\b`,
    [
      words('found fished pulled dragged washed dumped'),
      words('canal river ditch woods forest reservoir quarry lake dock docks harbour boot skip bin bags binbag binbags grave'),
    ],
  ),
  // "I'll be the last one in the queue so there's no one left to hear you scream."
  negated(
    P(
      'hear-you-scream',
      `\\b(?:no ?one|nobody|no body|no-one)(?: (?:left|around|about|there|else|near))? (?:to|who (?:can|will|could|would)|will|would|can|could) hear (?:you|u|ya|her|him) (?:scream|screaming|cry|shout|beg)\\b`,
      [words('hear'), words('scream screaming cry shout beg')],
    ),
  ),
  // "Enjoy whatever time you've got left." (not "…left in office").
  P(
    'time-left',
    `\\benjoy (?:whatever|what|the) (?:little |bit of )?time (?:you|u)(?:'ve| have|ve)?(?: got)? left\\b(?! (?:in|on|as|at|before|until|till|of) )`,
    [words('enjoy'), words('left')],
    undefined,
    'threat',
  ),
  // "Something for you that'll stop you walking ever again"; "you won't be walking out of it".
  negated(
    P(
      'never-again',
      `\\bstops? (?:you|u|ya|her|him) (?:walking|breathing|talking|smiling|seeing) (?:ever )?again\\b|\\b(?:you|u|ya|he|she|they)(?:'s| is|'re| are)? (?:won'?t|wont|will not|will never|aren'?t|are not|not|wouldn'?t|would not)(?: be)? (?:walking|walk|coming|come) (?:out of (?:it|there|that|the room)|away from (?:it|this|me|this one)|home again)\\b`,
      [words("stop stops won't wont not never aren't wouldn't"), words('again walking walk coming come')],
      undefined,
      'threat',
    ),
  ),
  // "First time I see your face it gets opened up."
  P(
    'face-opened',
    `\\b(?:your|ur|yer) (?:face|head|throat|neck|skull|belly|guts|jaw|nose)\\b(?: [a-z']+){0,3}? (?:gets?|getting|will get|'ll get|is getting|going to get|gonna get) (?:opened up|split open|caved in|smashed in|kicked in|stoved in|cut open|sliced|slashed|rearranged|busted|glassed|stamped on)\\b`,
    [
      words('face head throat neck skull belly guts jaw nose'),
      words('opened split caved smashed kicked stoved cut sliced slashed rearranged busted glassed stamped'),
    ],
    undefined,
    'threat',
  ),
  // "Do you think your door is strong enough to stop a man with an axe?"
  P(
    'enough-to-stop',
    `\\b(?:strong|thick|safe|secure|big|solid|tough) enough to (?:stop|keep out|hold off) (?:a|an|someone|somebody|anyone|me)(?: [a-z]+){0,2}? with (?:a|an|my) (?:machete|knife|gun|shotgun|rifle|crossbow|axe|hammer|petrol bomb|sledgehammer|baseball bat|bat)\\b`,
    [words('enough'), words('machete knife gun shotgun rifle crossbow axe hammer bomb sledgehammer bat')],
    undefined,
    'threat',
  ),
  // "If somebody lobbed a petrol bomb through their window I wouldn't shed a tear."
  negated(
    P(
      'endorse-harm',
      `\\bif (?:someone|somebody|anyone|anybody)(?: [a-z']+){0,2}? (?:killed|shot|stabbed|lobbed|threw|chucked|put|torched|burned|burnt|bombed|firebombed|petrol bombed|hanged|hung|strung|battered|beat|kicked|smashed|bricked|ran over|knifed|glassed|did)\\b[^.!?]{0,90}?\\b(?:i|we|nobody|no one|no-one)(?:'d| would| will)?(?: not| never|n'?t)? (?:wouldn'?t |would not |won'?t |will not )?(?:shed a tear|lose (?:any )?sleep|cry|complain|mourn|be sorry|be upset|celebrate|cheer|throw a party|(?:buy|get) (?:them|him|her|the [a-z]+) a (?:pint|drink|beer|medal|round)|shake (?:their|his|her) hand)\\b`,
      [words('tear sleep cry complain mourn sorry upset celebrate cheer party pint drink beer medal round hand')],
      undefined,
      'threat',
    ),
  ),
  // A closing line sent alone, with nothing else to explain it, is the whole message.
  P(
    'standalone-close',
    `\\b(?:tick ?tock|ticktock|you were warned|not long now|wouldn'?t want to be you)\\b`,
    [words("tick tock ticktock warned long wouldn't wouldnt")],
    standalone,
    'threat',
  ),
  // "I know how to make a device and I'm perfectly prepared to use it at your offices."
  P(
    'use-it-on-you',
    `\\b(?:prepared|ready|willing|going|happy) to use (?:it|them|one|that) (?:at|on|in|against) (?:you|u|ya|your|ur)\\b`,
    [words('use'), words('at on in against')],
    (n) => WEAPONISH.test(n.text),
    'threat',
  ),
  // "I'll be going round to Gary's house with a baseball bat."
  P(
    'armed-visit',
    `\\b(?:i'?ll|ill|i will|i'?m|im|i am|we'?ll|we will|we'?re)(?: be)?(?: going| coming| go| come)(?: round| over| up| down)?(?: to)? (?:[a-z']+ ){0,2}(?:house|home|office|offices|flat|door|place|surgery)\\b(?: [a-z']+){0,4}? with (?:a|an|my|me|the) (?:[a-z]+ )?(?:machete|knife|knives|gun|shotgun|rifle|crossbow|axe|hammer|sledgehammer|baseball bat|bat|acid|petrol|jerry ?can|blade)\\b(?! (?:to|and) (?:put|fix|mend|hang|build|help|repair|do|sort|clear|trim|cut))`,
    [words('going coming go come'), words('machete knife knives gun shotgun rifle crossbow axe hammer sledgehammer bat acid petrol jerry jerrycan blade')],
    // A visit to one's own family with a tool is a chore, not a threat.
    (n, nStart, nEnd) => !/\b(?:my|our|me)\b/.test(n.text.slice(nStart, nEnd)),
    'threat',
  ),
  // "That spaniel of yours … I'll poison it": "it" is what the message just pointed at.
  P(
    'harm-your-it',
    `\\b(?:i'?ll|ill|i will|i'?m going to|im going to|i'?m gonna|im gonna|gonna) (?:poison|kill|stab|shoot|torch|burn|drown|hurt|run over|put down|strangle|batter|smash|set fire to) it\\b`,
    [words('poison kill stab shoot torch burn drown hurt run put strangle batter smash set'), words('it')],
    (n, nStart) => YOUR_THING.test(n.text.slice(Math.max(0, nStart - 200), nStart)),
    'threat',
  ),
  // "You should be dragged off the stage and gang raped."
  P(
    'should-be-raped',
    `\\b(?:you|u|she|her)(?: [a-z]+){0,2}? (?:should|deserves? to|needs? to|ought to) (?:be|get) (?:(?!(?:that|if|when|because|who|which|from|not|never|against)\\b)[a-z']+ ){0,8}?(?:gang ?raped|raped|sexually assaulted)\\b`,
    [words('should deserves deserve needs need ought'), words('raped gangraped assaulted')],
    undefined,
    'threat',
  ),
  // Film lines every reader knows as a threat, when sent at someone rather than talked about.
  P(
    'film-line',
    `\\bhere'?s johnny\\b|\\bsay hello to my little friend\\b|\\ba very particular set of skills\\b`,
    [words('johnny friend skills')],
    notFilmTalk,
    'threat',
  ),
];
