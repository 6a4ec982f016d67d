import { endsItsSentence, makePattern, words } from './threat-pattern.ts';
import type { Pattern } from './threat-pattern.ts';

// The reader pictured hurt, or the harm wished in the passive: "hope you get raped", "we'll see
// how smug you are with a broken jaw", "nobody would miss you", "it might be your last", "needs
// hanging", "first against the wall", "if I was her husband I'd be worried". Benign twins live
// in threat-families.test.ts.

const YOU = `(?:you|u|ya)`;
const NOT_AT_POLLS = `(?! (?:at|in|on) (?:the )?(?:polls|election|elections|ballot box|ballot|by-election|vote|count|may))`;
const WORSE = `raped|killed|murdered|shot|stabbed|hanged|hung|lynched|beheaded|run over|burned alive|burnt alive|tortured|strangled|blown up`;
const HURT = `beaten|beaten up|hurt|attacked|punched|kicked|battered|glassed|assaulted|spat on|acid attacked|kicked in`;

const P = (rule: string, category: Pattern['category'], src: string, need: string[][], accept?: Pattern['accept'], negationInside = false) =>
  makePattern(rule, category, src, need, { ...(accept ? { accept } : {}), negationInside });

export const PICTURED_PATTERNS: Pattern[] = [
  // A wish in the passive, with or without "I": "hope you get raped", "hope your kids get hurt".
  P(
    'wish-passive',
    'threat_to_life',
    `\\b(?:hope|wish|pray)(?: that)? (?:${YOU}|your (?:kids|children|family|wife|husband|daughter|son)) (?:get|gets|are|is|will be|get yourself) (?:${WORSE})\\b(?! of\\b)`,
    [words('hope wish pray')],
  ),
  P(
    'wish-passive',
    'threat',
    `\\b(?:hope|wish|pray)(?: that)? (?:${YOU}|your (?:kids|children|family|wife|husband|daughter|son)) (?:get|gets|are|is|will be) (?:${HURT})\\b`,
    [words('hope wish pray')],
  ),
  // A wished failure that would kill: "I hope your car brakes fail on the motorway".
  P(
    'wish-failure',
    'threat_to_life',
    `\\b(?:hope|wish|pray)(?: that)? (?:your|ur) (?:car ?)?(?:brakes|tyres|tires|wheels?|steering|car|gas boiler|boiler) (?:fail|fails|give out|gives out|burst|bursts|come off|comes off|blow|blows|explode|explodes|leak|leaks)\\b`,
    [words('hope wish pray')],
  ),
  // The reader pictured injured: "we'll see how smug you are with a broken jaw".
  P(
    'pictured-injured',
    'threat',
    `\\b${YOU}\\b.{0,50}?\\bwith (?:a |your |two )?(?:broken|smashed|shattered) (?:jaw|nose|legs?|arms?|neck|ribs|face|skull|kneecaps?|teeth)\\b|\\b${YOU}(?:'ll| will)? (?:never|not) (?:walk|see|talk|speak) again\\b|\\bmake sure ${YOU} (?:never|can'?t) (?:walk|see|talk|speak) again\\b`,
    [words('broken smashed shattered walk see talk speak')],
    undefined,
    true,
  ),
  // "Nobody would miss you if you disappeared."
  P(
    'nobody-miss',
    'threat',
    `\\b(?:nobody|no one|noone|no-one|not one person|no body) (?:would|will|is going to|'d) (?:even )?miss ${YOU}\\b(?! if ${YOU} (?:resigned|stood down|stepped down|quit|retired|lost|left (?:office|the council|politics)))`,
    [words('miss')],
    undefined,
    true,
  ),
  // "You've got it coming": said of the reader, not of the polls.
  P('got-it-coming', 'threat', `\\b${YOU}(?:'ve| have|ve)? (?:really |truly |so )?(?:got|have) it coming\\b${NOT_AT_POLLS}`, [words('coming')]),
  P(
    'deserve-coming',
    'threat',
    `\\b(?:${YOU}|people like ${YOU}|the likes of ${YOU})(?:'ll| will)? (?:get|gets|getting) what (?:${YOU}|they|yous?) (?:deserve|have coming)\\b${NOT_AT_POLLS}(?!.{0,30}\\b(?:vote|votes|voters|election|polls|ballot)\\b)`,
    [words('deserve coming')],
  ),
  // "It might be your last": a coming occasion as the reader's last.
  P(
    'your-last',
    'threat',
    `\\b(?:it|this|that|today|tonight|saturday|sunday|monday|tuesday|wednesday|thursday|friday|this one)(?:'s| is)? (?:might|could|may|will|might well|could well|may well)(?: just)? be (?:your|ur) (?:last|final)\\b`,
    [words('last final')],
    endsItsSentence,
  ),
  // "Needs hanging", "wants shooting": British gerund of what should be done to someone.
  P(
    'needs-doing',
    'threat_to_life',
    `\\b(?:needs?|wants?|deserves?|could do with|ought to have) (?:a )?(?:hanging|shooting|stringing up|putting down|lynching|a bullet|bullets|stabbing|the rope|the noose|beheading)\\b(?! (?:down|basket|baskets|offence|offences|matter|judge|committee|file|range|gallery)\\b)`,
    [words('hanging shooting stringing putting lynching bullet bullets stabbing rope noose beheading')],
  ),
  // Executions by wall: "you'll be first against the wall", "up against the wall".
  P(
    'against-the-wall',
    'threat_to_life',
    `\\b${YOU}(?:'ll| will| are| 're|'re)?(?: all)? be (?:the )?(?:first|next|lined up|put|stood) (?:up )?against (?:the|a) wall\\b`,
    [words('wall')],
  ),
  // Punishment in public, said of a person: "should be dragged through the streets".
  P(
    'public-punishment',
    'threat',
    `\\b(?:should|needs? to|ought to|deserves? to|must|will|wants? to|are going to|is going to) be (?:dragged (?:through the streets|out of|behind)|tarred and feathered|run out of town|flogged|publicly flogged|put in the stocks|paraded through)\\b`,
    [words('dragged tarred run flogged stocks paraded')],
  ),
  // "If I was her husband I'd be worried": a warning through the family.
  P(
    'if-i-were',
    'threat',
    `\\bif i (?:was|were) (?:you|her husband|his wife|your (?:husband|wife|partner|kids?|children|family|mum|dad|daughter|son)|them)\\b,? i'?d (?:be (?:worried|scared|very worried|careful|nervous|looking over my shoulder)|watch (?:my|his|her|their) back|keep (?:my|the) (?:doors?|windows?) locked|move house|lock (?:my|the) doors?)\\b(?! (?:about|by|that|for|if|when)\\b)`,
    [words('worried scared careful nervous shoulder watch back locked move lock')],
  ),
  // "Keep an eye on your daughter": the family named in an unsolicited warning, left hanging.
  P(
    'watch-family',
    'threat',
    `\\b(?:keep an eye on|keep a close eye on|watch) (?:your|ur) (?:daughter|son|kids|children|wife|husband|family|little ones|grandkids)\\b`,
    [words('daughter son kids children wife husband family ones grandkids')],
    endsItsSentence,
  ),
  // "Time to pay your house a visit."
  P(
    'visit-home',
    'threat',
    `\\b(?:pay|paying|pays) (?:your|ur) (?:house|home|family|kids|wife|husband|door|street) a (?:little |friendly |personal |late night |surprise )?visit\\b(?! to (?:drop|deliver|hand|discuss|talk|bring|collect|show)\\b)`,
    [words('visit')],
  ),
  // "I'm gonna find out where you live": intent spelt "gonna".
  P(
    'find-where',
    'threat',
    `\\b(?:i|we)(?:'m| am|'re| are| is)? (?:gonna|going to|gunna) (?:find out|find|work out|look up) where ${YOU} (?:live|sleep|park|work)\\b`,
    [words('live sleep park work')],
  ),
];
