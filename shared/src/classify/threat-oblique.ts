import { HURT, LETHAL } from './threat-lexicon.ts';
import { makePattern, words } from './threat-pattern.ts';
import type { Pattern } from './threat-pattern.ts';

// Threats in British idiom and by allusion, as they appear in court reports of messages sent to
// MPs and councillors: the murdered politician as a fate, the prison sentence the sender would
// "happily do" for the reader, vigilante conditions ("if the law won't deal with you, we will"),
// the passive euphemism ("you will be dealt with"), the wish aimed at the home. Benign twins
// live in threat-families.test.ts.

const YOU = `(?:you|u|ya|yous|youse)`;
const END = `(?= *(?:$|[.!?\\n,;:]|councillor|cllr|mate|pal|love|traitor|scum|bitch|cunt|i promise|mark my words|soon|one day|tonight))`;
// Elections, courts, standards committees and the press are where a politician is "dealt with" properly.
const NOT_PROPER = `(?! (?:by|at|in|through|via) (?:the )?(?:ballot|polls|election|voters|electorate|standards|committee|court|courts|police|ombudsman|law|tribunal|press|papers|council|party|whips))`;

const P = (rule: string, category: Pattern['category'], src: string, need: string[][], negationInside = false) =>
  makePattern(rule, category, src, need, { negationInside });

export const OBLIQUE_PATTERNS: Pattern[] = [
  // A murdered or attacked politician named in a message to the reader is a threat to life,
  // unless it is the memorial, the foundation or the commission named after them.
  P(
    'political-murder',
    'threat_to_life',
    `\\b(?:jo cox|david amess|amess|airey neave|ian gow|stephen timms)(?:'s|s)?\\b(?! (?:foundation|commission|memorial|fund|trust|house|award|great get together|loneliness|civility|review|report|act|legacy|centre|lecture))(?=.{0,80}\\b(?:you|your|u|ya)\\b)|\\b(?:you|your|u|ya)\\b.{0,80}?\\b(?:jo cox|david amess|amess|airey neave|ian gow)(?:'s|s)?\\b(?! (?:foundation|commission|memorial|fund|trust|house|award|great get together|loneliness|civility|review|report|act|legacy|centre|lecture))`,
    [words('cox amess neave gow timms')],
  ),
  // "Someone needs to do to Cllr Brandt what they did to Jo Cox": the murder wished on a named person.
  P(
    'political-murder',
    'threat_to_life',
    `\\b(?:do|does|did|doing|done) to (?:[a-z']+ ){1,4}?what (?:they|he|someone|somebody|that man|that bloke|was done|happened) (?:did |done |do )?to (?:jo cox|david amess|amess|cox|airey neave|ian gow)\\b`,
    [words('do does did doing done'), words('cox amess neave gow')],
  ),
  // The passive euphemism: "you will be dealt with", "you need to be taken out".
  P(
    'passive-euphemism',
    'threat',
    `\\b${YOU}(?:'ll| will| are going to|'re going to| need to| needs to| should| must| deserve to| have to| want| wanna| gonna| are gonna) (?:be |get )?(?:dealt with|taken out|taken care of|got rid of|disposed of|silenced|put down|finished off|eliminated|made an example of|taking out)\\b${NOT_PROPER}(?! of (?:office|power|the council|your seat|your job|post|the cabinet|the party))(?! (?:for|to) (?:dinner|lunch|a drink|a meal|coffee|tea|a pint))(?! (?:soon|quickly|promptly|shortly|in due course|by (?:an? )?(?:officer|member of staff|colleague))\\b)`,
    [words("you you'll youll u ya"), words('dealt taken got disposed silenced put finished eliminated made taking')],
  ),
  P(
    'your-time',
    'threat',
    `\\b(?:your|ur) (?:day of reckoning|judgement day|judgment day|reckoning day) (?:is coming|will come|is near|is here|has come|is close|awaits)\\b`,
    [words('reckoning judgement judgment')],
  ),
  P(
    'you-will-pay',
    'threat',
    `\\b(?:you|u|ya|you and your (?:family|kids|children|wife|husband)|your (?:family|kids|children))(?:'ll| will| are going to|'re going to| shall) (?:all )?pay(?: dearly| for this| for that| for what you(?:'ve| have)? done)?${END}`,
    [words('pay')],
  ),
  P(
    'with-your-life',
    'threat_to_life',
    `\\b(?:pay|answer|atone|repay)(?: for (?:this|that|it|what you(?:'ve| have)? done))? with (?:your|ur|their|his|her) (?:life|lives|blood|head|neck)\\b`,
    [words('life lives blood head neck')],
  ),
  P(
    'there-will-be-blood',
    'threat',
    `\\bthere(?:'ll| will| is going to|'s going to| shall|'s gonna) be (?:blood|bloodshed|violence|a bloodbath|hell to pay|trouble for you|(?:serious |real |severe |dire )?consequences for you)\\b(?! on (?:your|their|his|her|the|our) )`,
    [words('blood bloodshed violence bloodbath hell trouble consequences')],
  ),
  P(
    'hands-on-throat',
    'threat_to_life',
    `\\b(?:put|get|wrap|have|had|with|squeeze|around|round) (?:my|our|me|both) (?:bare |two )?hands? (?:round|around|on|across|over) (?:your|ur) (?:scrawny |fat |little |skinny )?(?:throat|neck|windpipe)\\b`,
    [words('throat neck windpipe')],
  ),
  P(
    'expect-visit',
    'threat',
    `\\bexpect (?:a (?:little |late night |night time |friendly |personal |surprise )?(?:visit|knock(?: on| at) (?:the|your) door|surprise)|us|me|the worst)${END}`,
    [words('expect')],
  ),
  P(
    'wish-home',
    'threat_to_life',
    `\\b(?:hope|wish|pray)(?: that)? (?:your|ur) (?:house|home|office|car|flat)(?: [a-z]+)? (?:burns?|gets? burned|gets? burnt|blows? up|gets? torched|catches fire|goes up in flames)(?: down)? with (?:you|u|ya|your family|your kids|all of you)(?: still)? (?:in it|inside)\\b`,
    [words('burn burns burned burnt blow blows torched catches goes')],
  ),
  P(
    'wish-home',
    'threat',
    `\\b(?:hope|wish|pray)(?: that)? (?:your|ur) (?:house|home|office|car|flat)(?: [a-z]+)? (?:burns?|gets? burned|gets? burnt|blows? up|gets? torched|catches fire|goes up in flames)\\b`,
    [words('burn burns burned burnt blow blows torched catches goes')],
  ),
  P(
    'too-good',
    'threat_to_life',
    `\\b(?:a bullet|bullets|hanging|the rope|death|a quick death|shooting|the noose|the death penalty|the gallows|a firing squad) (?:is|are|would be|'s) too good for (?:you|u|ya|him|her|them|the likes of you|traitors|people like you)\\b`,
    [words('good')],
  ),
  // "I'd swing for you", "I'd happily do time for you": the sender would kill and go to prison.
  P(
    'do-time',
    'threat_to_life',
    `\\b(?:i'?d|i would|i'?ll|i will|i'?m willing to|i am willing to|i'?m happy to|i am happy to|id)(?: happily| gladly| willingly| honestly| seriously| actually| really)? (?:do time|do life|do bird|do a life sentence|serve time|serve life|swing) for (?:${YOU}|him|her|them|the likes of you)\\b`,
    [words('time life bird sentence swing')],
  ),
  P(
    'easy-to-reach',
    'threat',
    `\\b(?:it would be|it'?d be|it'?s|it is|how|so) (?:so |very |really |dead |too |surprisingly )?easy (?:it would be |it is |it'?d be )?(?:for (?:me|us|someone|somebody|anyone) )?to (?:(?:${LETHAL}|${HURT}) (?:${YOU}|your [a-z]+)|(?:run|knock|mow) (?:${YOU}) (?:over|down)|get to ${YOU}|find ${YOU})\\b`,
    [words('easy')],
  ),
  P(
    'borrowed-time',
    'threat',
    `\\b(?:you(?:'re| are)|ur|your|you re) (?:living on |on )borrowed time\\b${END}|\\b(?:sleep|sleep tight|sleep well|breathe|walk|live|enjoy (?:your|it|life)|enjoy your (?:life|family|kids|freedom))\\b.{0,30}?\\bwhile (?:you|u|ya) (?:still )?can\\b`,
    [words('borrowed can')],
  ),
  P(
    'eye-on-you',
    'threat',
    `\\b(?:i|we)(?:'ve| have)? got (?:my|our) eyes? on (?:you|u|ya|your (?:family|kids|house|home|wife|husband))\\b(?! (?:and|at|in) (?:how|the way) you vote)(?!.{0,40}\\b(?:vote|votes|voting|election|record|council|budget|decision|decisions|policy|policies)\\b)`,
    [words('eye eyes')],
  ),
  P(
    'by-force',
    'threat',
    `\\b(?:you|your|u)\\b.{0,80}?\\bby (?:force|violence)(?: if (?:necessary|need be|we have to|needed))?\\b|\\bby (?:force|violence)(?: if (?:necessary|need be|we have to|needed))?\\b.{0,80}?\\b(?:you|your)\\b`,
    [words('force violence')],
  ),
  P(
    'rope-imagery',
    'threat_to_life',
    `\\b(?:the )?end of a (?:rope|noose)\\b|\\b(?:dangling|swinging|hanging) (?:from|off) (?:a|the) (?:rope|lamp ?post|tree|gibbet|gallows|bridge)\\b`,
    [words('rope noose lamppost lamp post tree gibbet gallows bridge')],
  ),
  // Vigilante conditions: "if the law won't deal with you, we will".
  P(
    'vigilante',
    'threat',
    `\\bif (?:the (?:law|police|courts?|council|government|system)|nobody|no one|noone) (?:won'?t|will not|doesn'?t|does not|can'?t|cannot|isn'?t going to|aren'?t going to|wont|will|does|can)(?: not)? (?:deal with|sort|sort out|punish|stop|do something about|do anything about) (?:${YOU}|him|her|them)(?: then)?,? (?:we|i|someone|somebody|the people|the public|the lads)(?:'ll| will| shall| must| have to)\\b`,
    [words('deal sort punish stop something anything')],
    true,
  ),
];
