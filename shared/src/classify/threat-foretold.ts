import { HURT, LETHAL } from './threat-lexicon.ts';
import { endsItsSentence, makePattern, words } from './threat-pattern.ts';
import type { Pattern } from './threat-pattern.ts';

// Harm foretold rather than promised: the accident the reader "will have", the shame "if
// something happened" to their house, the dare ("keep talking and see what happens"), the
// weapon the sender is "not afraid to use", the execution line-up, the wish that a stranger
// does it. Benign twins live in threat-families.test.ts.

const YOU = `(?:you|u|ya)`;
const YOURS = `(?:your|ur|yer) (?:car|house|home|office|windows?|front door|family|kids|children|wife|husband|daughter|son|surgery|van|flat)|that (?:lovely |nice |pretty |beautiful )?(?:house|home|car|family) of yours`;
const NOT_AT_POLLS = `(?! (?:at|in|on) (?:the )?(?:polls|election|elections|ballot box|ballot|by-election|vote|count|may))`;

const P = (rule: string, category: Pattern['category'], src: string, need: string[][], negationInside = false, accept?: Pattern['accept']) =>
  makePattern(rule, category, src, need, { negationInside, ...(accept ? { accept } : {}) });

export const FORETOLD_PATTERNS: Pattern[] = [
  // "You'll have an accident one of these days"; a road that is dangerous is a complaint.
  P(
    'accident-foretold',
    'threat',
    `\\b${YOU}(?:'ll| will| might| could| may|'re going to| are going to| are gonna|'re gonna)(?: (?:easily|well|just))? (?:have|meet with|suffer) (?:an?|some sort of) (?:little |nasty |unfortunate |terrible |tragic |fatal |serious )?accident\\b(?! (?:on|at|in|crossing|cycling|driving|walking) (?:that|this|the|those|these|our|a) )(?! (?:if|unless) (?:the|they|that|this|someone|nobody|no one)\\b)`,
    [words('accident')],
  ),
  // "Be a shame if something happened to that lovely house of yours"; "don't be surprised if your car goes up in flames".
  P(
    'shame-if',
    'threat',
    `\\b(?:(?:be|it'?d be|it would be|would be|it'?s) a (?:real |terrible |great )?(?:shame|pity)|(?:don'?t|do not) be surprised|wouldn'?t be surprised|don'?t blame me) if (?:something|anything)? ?(?:happened|were to happen|was to happen|happens|bad happened|bad happens) to (?:${YOU}|${YOURS}|(?:that|this|those|the) (?:[a-z]+ ){0,3}?[a-z]+ of (?:yours|urs|yers))\\b|\\b(?:(?:be|it'?d be|it would be|would be) a (?:real |terrible )?(?:shame|pity)|(?:don'?t|do not) be surprised|wouldn'?t be surprised) if (?:${YOURS}) (?:went|goes|go|got|gets|was|were|is) (?:up in flames|on fire|torched|smashed|burned|burnt|burned down|burnt down|hurt|attacked|keyed|vandalised|vandalized|damaged)\\b`,
    [words('shame pity surprised blame')],
    true,
  ),
  // "Be a real shame if she got what her mum deserves."
  P(
    'shame-if',
    'threat',
    `\\b(?:shame|pity) if (?:she|he|they|your [a-z]+) (?:got|gets|was to get|were to get) what (?:you|her (?:mum|mother|dad|father)|his (?:mum|mother|dad|father)|their (?:mum|mother|dad|father|parents)) (?:deserves?|deserved|has coming|had coming|have coming)\\b`,
    [words('shame pity'), words('deserves deserve deserved coming')],
  ),
  // "Cute dog. Be a shame if something happened to it": "it" is what the message just pointed at.
  P(
    'shame-if',
    'threat',
    `\\b(?:(?:(?:be|it'?d be|it would be|would be) a (?:real |terrible |great )?)?(?:shame|pity)|(?:don'?t|do not) be surprised|wouldn'?t be surprised) if (?:something|anything)? ?(?:bad )?(?:happened|were to happen|was to happen|happens) to (?:it|him|her|them)\\b|\\b(?:shame|pity) if (?:it|the (?:house|shop|car|place)) (?:burnt down|burned down|went up in flames|caught fire|got torched|was torched|got burnt down)\\b`,
    [words('shame pity surprised')],
    true,
    (n, nStart) =>
      /\b(?:dog|cat|pet|puppy|horse|car|van|audi|bmw|house|home|shop|business|office|kids?|children|wife|husband|son|daughter|lad|lass|girl|boy|mum|dad|family|garden|windows?)\b/.test(
        n.text.slice(Math.max(0, nStart - 80), nStart),
      ),
  ),
  // The dare: "Keep talking and see what happens". Only defiance opens it: "try it for six months and
  // see what happens" is a pilot scheme.
  P(
    'dare',
    'threat',
    `\\b(?:keep talking|keep it up|keep mouthing off|keep pushing (?:me|it|your luck)|push me|cross me|test me|try me|mess with me)\\b.{0,40}?\\band (?:just )?(?:see|watch) what happens(?: to (?:${YOU}|${YOURS}))?\\b${NOT_AT_POLLS}`,
    [words('talking keep push cross test try mess'), words('happens')],
  ),
  // A weapon and the will to use it: "I've got a shotgun and I'm not afraid to use it".
  P(
    'armed-and-willing',
    'threat_to_life',
    `\\b(?:i|we)(?:'ve| have)?(?: got| own| keep| have)? (?:a |an |my |our )?(?:gun|shotgun|rifle|pistol|knife|knives|machete|blade|crossbow|axe|hammer|baseball bat|bat|acid)\\b.{0,40}?\\b(?:not afraid to use (?:it|them)|will use (?:it|them)|(?:i'?ll|we'?ll|i will|we will) use (?:it|them)|know how to use (?:it|them)|ready to use (?:it|them)|with your name on (?:it|them))\\b`,
    [words('gun shotgun rifle pistol knife knives machete blade crossbow axe hammer bat acid'), words('use name')],
    true,
  ),
  // Execution and lynching as acts: "line you all up against a wall", "string you up", "wring your neck".
  P(
    'execution-act',
    'threat_to_life',
    `\\b(?:line|lining|put|putting|stand|standing) (?:${YOU}|them|the lot of you|you lot|all of you)(?: all)? (?:up )?against (?:a|the) wall\\b|\\b(?:string|stringing|strung) (?:${YOU}|them|him|her|the lot of you|you lot|all of you)(?: all)? up\\b|\\b(?:wring|ring) (?:your|ur|yer) (?:scrawny |fat |little |skinny )?(?:neck|necks)\\b`,
    [words('line lining put putting stand standing string stringing strung wring ring'), words('wall up neck necks')],
  ),
  // A stranger wished on the reader: "I hope somebody runs you over".
  P(
    'wish-stranger',
    'threat_to_life',
    `\\b(?:hope|wish|pray)(?: that)? (?:someone|somebody|some(?:one|body) (?:finally |eventually |one day )?|a (?:nutter|madman|lunatic|patriot|bus|lorry|truck|car))(?: finally| eventually| one day| soon)? (?:runs? ${YOU} over|(?:${LETHAL})s? ${YOU}|(?:${HURT})s? ${YOU}|does ${YOU} in|shuts ${YOU} up for good)\\b`,
    [words('hope wish pray')],
  ),
  // Ultimatum with a body: "get out of this town or get carried out".
  P(
    'or-carried-out',
    'threat_to_life',
    `\\b(?:or|otherwise|before) (?:${YOU} )?(?:get|be|are|'re|gets?) (?:carried|dragged|taken) out\\b(?! of (?:office|power|your seat))`,
    [words('or otherwise before'), words('carried dragged taken')],
  ),
  // Lying in wait at a place of no business: "I'll be waiting in the car park after the meeting".
  P(
    'lying-in-wait',
    'threat',
    `\\b(?:i|we)(?:'ll|ll| will| shall|'m going to| am going to|'re going to| are going to| gonna)? (?:be )?(?:waiting|lurking|hiding|stood|standing|sat|sitting) (?:for ${YOU} )?(?:in|at|by|behind|outside) (?:the |your |ur )?(?:car ?park|alley|alleyway|back door|back entrance|dark|bushes|side door|underpass|stairwell|garage|driveway|drive|house|home|front door|flat)(?: (?:tonight|at night|after dark|when you get (?:home|back)))?\\b(?!.{0,30}\\b(?:to (?:give|collect|pick|hand|drop|meet|show|take|drive)|with (?:the |a |my |our )?(?:petition|placards?|banners?|leaflets?|lift|car|van|keys|documents))\\b)`,
    [words('waiting lurking hiding stood standing sat sitting')],
  ),
  // "We're coming" left hanging after "your time is up"; "to the meeting to object" is not left hanging.
  P(
    'coming-for-you',
    'threat',
    `\\b(?:your time is up|(?:your|ur) days are numbered|time'?s up)\\b.{0,30}?\\b(?:we|i)(?:'re| are|'m| am) coming\\b`,
    [words('up numbered'), words('coming')],
    false,
    endsItsSentence,
  ),
  P('coming-for-you', 'threat', `\\b(?:we|i)(?:'re| are|'m| am) coming (?:to get|after|round for) ${YOU}\\b`, [words('coming')]),
  // "It would be a shame if anything happened." said of nothing in particular, left hanging.
  P(
    'shame-if',
    'threat',
    `\\b(?:(?:be|it'?d be|it would be|would be|it'?s) a (?:real |terrible |great )?(?:shame|pity)|(?:don'?t|do not) be surprised|wouldn'?t be surprised) if (?:something|anything) (?:bad )?(?:happened|were to happen|was to happen|happens)\\b`,
    [words('shame pity surprised')],
    true,
    endsItsSentence,
  ),
];
