import { describe, expect, it } from 'vitest';
import { classify } from './classify.ts';

// Execution pictured, the attack on the home laid out, a beating handed out by others
// (threat-gallows.ts), each with benign twins. Rules only (model: null).
const verdict = (body: string) => classify({ body }, { model: null });
const isThreat = (body: string) => ['threat', 'threat_to_life'].includes(verdict(body).severity);

const FAMILIES: Record<string, { threats: string[]; benign: string[] }> = {
  'the subject with its clause, the executioner, the head first': {
    threats: [
      'Every one of you who voted for the wind farm will hang from a lamppost on the prom.',
      "When the day comes, you'll swing from the town hall balcony and I'll be pulling the rope.",
      'Bring back the guillotine for this council, and your head first, Cllr Ward.',
    ],
    benign: [
      'The hanging baskets you voted for will hang from the lampposts on the prom all summer.',
      "I'll be pulling the rope for our team in the tug of war at the fete.",
      'The guillotine motion passed, so keep your head down and vote with the whip.',
    ],
  },
  'gallows, rope and guillotine aimed at the reader': {
    threats: [
      "There's a noose with your name on it, Cllr Price.",
      'Enough lampposts in the market square for every traitor councillor in this borough.',
      'Bring your own rope lads, the traitors are meeting at seven.',
      'The guillotine is being sharpened for you lot.',
      "Your head's going on a spike outside the civic centre.",
      "They'll be swinging from the lampposts on the high street by spring.",
      'Every one of these councillors needs lining up against a wall.',
    ],
    benign: [
      'The gallows on the common were taken down in the 1830s.',
      'We need some rope for the tug of war at the fete, can the council lend us any?',
      'The Speaker used the guillotine motion to cut the debate short.',
      'They want his head on a plate after the budget fiasco.',
      'Hanging baskets are swinging from the lampposts on the high street again, lovely.',
      'A cake with your name on it is waiting at the surgery!',
    ],
  },
  'the attack on the home and family, laid out or feigned as concern': {
    threats: [
      'First a brick through your front window, then a petrol bomb through the letter box.',
      "Lovely horse. Would be a pity if anything happened to it while you're at full council.",
      "I'd hate for your nice new Range Rover to go up in flames some night.",
      "Your husband will stop laughing when he's found floating in the canal.",
      "You're going to get your legs broken, you grass.",
    ],
    benign: [
      'In 1974 a petrol bomb was pushed through the letterbox of the party office.',
      "I'd hate for your kids to get hurt on that junction, please fix the crossing.",
      'My son is getting his teeth done on Friday so I cannot attend.',
      'It would be a shame if anything happened to it before the committee votes, the bill is so close.',
    ],
  },
  'a beating or a killing handed to others': {
    threats: [
      'Whoever spots Cllr Doyle at the station should give her a good hiding.',
      'Someone ought to knife that snake Harper.',
      'Her house is 14 Mill Road lads. Go round there and sort her out.',
    ],
    benign: [
      'Voters should give them a good kicking at the polls in May.',
      "My nan's boiler has gone again, could someone go round and sort her out?",
      'Someone ought to sack that clown in highways.',
    ],
  },
  'survival doubted, a weapon pictured in the body, acid, vehicles and dogs': {
    threats: [
      "Reckon you'll get to the end of your term alive, councillor?",
      'Picture a knife in your belly at the next surgery.',
      'A splash of acid and that smirk on your face is gone for good.',
      'Car versus cllr, only one winner.',
      "My rottweiler's hungry. Come canvassing here again and I'll set him on you.",
      'Such a shame if your boy never came home from football one night.',
      "Another councillor was stabbed last year. Nobody cried. Wait till it's your turn.",
      'Have a think about which tree you would prefer, Cllr Moss.',
      "When we find you there won't be enough left of you to identify.",
    ],
    benign: [
      'He was stabbed in the back by his own group, a knife in the back if ever there was one.',
      'The car versus bus collision on Station Road needs a crossing.',
      "Please keep your dogs on leads, they're set loose on the rec every morning.",
      'We made it home alive after that storm, thanks for the sandbags!',
      'It was your turn to chair the meeting, we missed you.',
    ],
  },
  'harm under way, defiance of the law, bare gallows and other shapes of set 9': {
    threats: [
      "Ring the police if you want, you're still getting battered when I see you.",
      'Your caseworker is getting hurt on the way home.',
      "Pull the cycle lane out or I'll rip your throat out.",
      'Shut the library and you will never see another Christmas.',
      'One more hotel for them and the fire will be at your house next.',
      "Keep talking and I'll shut you up for good.",
      'Traitors get hanged. I will do it myself.',
      'Your secretary had better watch herself in that car park.',
      "I'll visit your office next week with a crowbar.",
      'Your staff are fair game from today.',
      "When I'm done with you your own mother won't know you.",
      'People like you will be the first to swing when it kicks off.',
      "I'd happily serve the time for doing you.",
      'Noose. Traitor.',
    ],
    benign: [
      "I'll visit your office next week with a petition.",
      'Please watch yourself on the icy steps outside the town hall.',
      'Questions about the budget are fair game at the meeting.',
      'I had to do my time on the waiting list like everyone else.',
      'Rope swing in the park is broken again.',
      'Tree.',
      'Soon.',
      "We're getting hammered by the council tax rise.",
    ],
  },
  'sexual violence': {
    threats: [
      'That mouthy councillor needs a good raping.',
      "I'll have my way with you tonight whether you like it or not, you slag.",
      "You'll get raped walking back from the count.",
    ],
    benign: [
      'The report says victims of rape wait two years for a trial; what is the council doing about it?',
      'We will take turns with you on the stall at the fete.',
    ],
  },
  'slang and split clauses': {
    threats: [
      "You'll be pushing up daisies before the by-election, you rat.",
      "I'm gona k*ll u",
      'ur gonna get shot u grass',
      'I will, and nothing on this earth will stop me, stab you.',
      'Quite calmly and without a doubt I intend to end your life.',
    ],
    benign: [
      "We're coming for your seat in May",
      'Tick tock, 10 days left to respond to the consultation!',
      "Well done on the sponsored walk. You're next, Cllr Ng!",
    ],
  },
};

describe.each(Object.entries(FAMILIES))('threat family: %s', (_family, { threats, benign }) => {
  it.each(threats)('flags "%s" as a threat', (s) => expect(verdict(s).severity).toMatch(/^threat/));
  it.each(benign)('keeps the benign twin "%s" from being a threat', (s) => expect(isThreat(s)).toBe(false));
});

describe('graffiti and quoted threats are reported, not made', () => {
  it.each([
    "Someone has daubed 'councillors will hang' on the war memorial.",
    "Someone has sprayed 'death to traitors' on the bus shelter.",
    "A man on the estate group wrote 'that councillor should be shot' and I have told the police.",
  ])('"%s"', (s) => expect(isThreat(s)).toBe(false));
});
