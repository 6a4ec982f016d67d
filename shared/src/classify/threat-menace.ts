import { endsItsSentence, makePattern, words } from './threat-pattern.ts';
import type { Pattern } from './threat-pattern.ts';

// Menace without a verb of killing: an attack on the reader's property, a death carried as a
// vehicle ("in a body bag"), silencing "for good", being followed, the family's routine stated
// back to the reader, personal consequences, and the slogan that wishes a whole office dead.
// Benign twins live in threat-families.test.ts.

const YOU = `(?:you|u|ya)`;
// "A good hiding at the polls" and "it could happen to you at the election" are politics.
const NOT_AT_POLLS = `(?! (?:at|in|on) (?:the )?(?:polls|election|elections|ballot box|ballot|by-election|vote|count|hustings|debate|chamber|may))`;
const PEOPLE = `councillors?|cllrs?|politicians?|mps?|tory|tories|labour|traitors?|remainers?|leavers?|lefties|lefty|liberals?|muslims?|jews?|immigrants?|migrants?|foreigners?|coppers?|cops?|pigs|gays?|trannies|tranny|women|woman|socialists?|commies|communists?|fascists?|nazis?|officials?|officers?|bureaucrats?|mayors?|paedos?|pedos?|nonces?|blacks?|whites?|asians?|romanians?|poles?|gypsies|travellers?|refugees?|asylum seekers?|illegals?`;
const FAMILY = `(?:kids|children|daughter|son|wife|husband|partner|little ones|grandkids|mum|mother|dad|father|family)`;

const P = (rule: string, category: Pattern['category'], src: string, need: string[][], accept?: Pattern['accept'], negationInside = false) =>
  makePattern(rule, category, src, need, { ...(accept ? { accept } : {}), negationInside });

export const MENACE_PATTERNS: Pattern[] = [
  // Property as the target: "put a brick through your window", "torch your car".
  P(
    'property-attack',
    'threat',
    `\\b(?:put|throw|chuck|lob|send)(?:ing|s)? (?:a |another )?(?:brick|rock|stone|petrol bomb|firebomb|molotov) (?:through|at|into) (?:your|ur|yer) (?:window|windows|door|front door|car|house|home|office)\\b|\\b(?:torch|torching|firebomb|firebombing|petrol bomb|set fire to|burn down|burning down|smash up|smashing up|trash|trashing|slash|slashing|key|keying)(?:ed)? (?:your|ur|yer) (?:car|house|home|office|windows|tyres|tires|front door|door|surgery|van|flat)\\b`,
    [words('brick rock stone bomb firebomb molotov torch torching firebombing set burn burning smash smashing trash trashing slash slashing key keying')],
  ),
  // Death as the way out: "you'll be leaving the chamber in a body bag", "carried out feet first".
  P(
    'body-bag',
    'threat_to_life',
    `\\b${YOU}(?:'ll| will| are going to|'re going to| re going to| are gonna|'re gonna| gonna)? (?:be )?(?:leaving|leave|go|going|come|coming|carried|end up|ending up|go home|going home|come out|coming out)\\b.{0,40}?\\b(?:in a (?:body ?bag|box|coffin|casket|wooden box)|feet first)\\b`,
    [words('bag bodybag box coffin casket feet')],
  ),
  // Silenced for good: "I'll close your eyes for good", "shut you up permanently".
  P(
    'for-good',
    'threat',
    `\\b(?:close|shut|silence|silencing|shut up|end|put) (?:your (?:eyes|mouth|gob|lights)|${YOU}(?: up| down| to sleep)?) (?:for good|permanently|forever|for ever|once and for all)\\b`,
    [words('close shut silence silencing end put'), words('good permanently forever ever once')],
  ),
  // "The only good councillor is a dead councillor."
  // Only of people: "the only good policy is a dead policy" is about a policy.
  P('only-good-dead', 'threat_to_life', `\\bthe only good (${PEOPLE}) is a dead \\1\\b`, [words('dead')]),
  // Stalking as a promise: "I will follow you everywhere you go", "make your life hell".
  P(
    'follow-you',
    'threat',
    `\\b(?:i|we)(?:'ll| will|'m going to| am going to|'re going to| are going to| shall| gonna)(?: personally| just)? (?:follow ${YOU} (?:everywhere|home|wherever|around|to your (?:house|home|car|door))|make your (?:life|lives) (?:a )?(?:living )?hell|hunt ${YOU} down|find out where ${YOU} live)\\b`,
    [words('follow make hunt find'), words('everywhere home wherever around hell down live house car door')],
  ),
  // Third-party beating wished as due: "it's about time someone gave you a good kicking".
  P(
    'kicking-due',
    'threat',
    `\\b(?:someone|somebody|anyone|people|i|we|they)(?:'ll| will| should| needs to| need to| ought to| must| is going to| are going to)?(?: really| just| finally)? (?:give|gave|giving) ${YOU} (?:a )?(?:good |proper |right |real )?(?:kicking|beating|hiding|battering|pasting|slap|smack|punch|going over|seeing to)\\b${NOT_AT_POLLS}`,
    [words('kicking beating hiding battering pasting slap smack punch going seeing')],
  ),
  // Personal consequences: "there will be serious consequences for you personally".
  P(
    'personal-consequences',
    'threat',
    `\\b(?:consequences|repercussions) for ${YOU} (?:personally|and your (?:family|kids|children|wife|husband|loved ones))\\b|\\bthere(?:'ll| will| is going to|'s going to) be (?:serious |real |severe |dire |painful |nasty )(?:consequences|repercussions) for ${YOU}\\b`,
    [words('consequences repercussions')],
  ),
  // The family's routine told back to the reader: "your kids walk home alone from St Mary's, don't they".
  // A complaint explains itself ("…alone because there is no crossing"); the menace is left hanging.
  P(
    'family-routine',
    'threat',
    `\\byour ${FAMILY} (?:walk|walks|walked|go|goes|get|gets|play|plays|cycle|cycles|wait|waits|come|comes|leave|leaves)\\b.{0,60}?\\b(?:alone|on (?:their|his|her) own|by (?:themselves|himself|herself)|unaccompanied)\\b(?!.{0,50}\\b(?:because|cos|since|due to|as there|there'?s no|there is no|thanks to)\\b)`,
    [
      words('kids children daughter son wife husband partner ones grandkids mum mother dad father family'),
      words('alone own themselves himself herself unaccompanied'),
    ],
  ),
  // "Remember what happened to the MP in Southend? Could happen to you."
  P(
    'could-happen-to-you',
    'threat',
    `\\b(?:remember|look at|think about|don'?t forget) what happened to\\b.{0,80}?\\b(?:could|might|can|will|would|may)(?: easily| just| so easily)? happen to (?:${YOU}|your [a-z]+)\\b${NOT_AT_POLLS}`,
    [words('happened')],
  ),
  // "You won't be walking out of it", "you won't make it home": said of a meeting or a place.
  P(
    'not-walking-out',
    'threat_to_life',
    `\\b${YOU} (?:won'?t|will not|wont|aren'?t going to|are not going to) (?:be )?(?:walking|walk|coming|come|getting|get|making it|make it) (?:out|home|back)(?: of (?:it|there|that|here|the [a-z]+))?(?: alive| in one piece)?\\b`,
    [words('walking walk coming come getting get making make')],
    endsItsSentence,
    // The "won't" is the threat itself, not a denial of one.
    true,
  ),
];
