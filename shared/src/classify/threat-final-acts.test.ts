import { describe, expect, it } from 'vitest';
import { classify } from './classify.ts';

// Threats that come with the writer's own end, a price or a sign from above, or that picture the
// reader's end (threat-final-acts.ts), each family with benign twins. Rules only.
const verdict = (body: string) => classify({ body }, { model: null });
const THREATS = ['threat', 'threat_to_life'];

describe('threats with the writer’s own end, a bounty, or the reader’s end pictured', () => {
  it.each([
    ['die-together', "I'm coming to your office with a can of petrol, and I'll hold on to you so we burn together."],
    ['take-with-me', "My doctor says I'm at breaking point. When I break, I'm taking you with me."],
    ['take-with-me', "I'm going to hang myself outside your office, and I'll make sure one of them comes with me."],
    ['take-with-me', "If I'm dying on the steps of the town hall then so is anyone stood next to me."],
    ['take-with-me', "I'm dousing me and that housing officer and lighting us both up."],
    ['bounty', 'Whoever takes out the council leader gets free pints at mine for a year.'],
    ['divine-instrument', 'I am the instrument of His judgement on you and the whole cabinet.'],
    ['divine-instrument', "God forgive me for what I'm about to do to you."],
    ['meet-maker', 'Repent, or you will meet your maker by my hand.'],
    ['meet-maker', "I'll be praying for your soul while it burns."],
    ['with-you-inside', 'You took my flat so I will burn your house. With you still in it.'],
    ['found-dead', "How would your husband feel if he heard you'd been found in the canal?"],
    ['hear-you-scream', "I'll wait till the surgery empties so there's no one left to hear you scream."],
    ['time-left', "Your name's top of our list. Enjoy whatever time you've got left."],
    ['never-again', "I've got something for you that will stop you walking ever again."],
    ['never-again', 'I will find you, and you won’t be walking out of it.'],
    ['face-opened', 'First time I see you in town your face gets opened up.'],
    ['enough-to-stop', 'Is your front door strong enough to stop a man with an axe?'],
    ['endorse-harm', "If somebody threw a petrol bomb through her office window I wouldn't shed a tear."],
    ['standalone-close', '@CllrJones tick tock'],
    ['film-line', "Here's Johnny. That's what you'll hear through your door one night."],
    ['found-dead', 'What if your mum got a phone call saying you had been fished out of the river?'],
    ['with-you-inside', "Put my stall by the bins again and I'll burn the hall down with you and your events team inside it."],
    ['use-it-on-you', "I know how to make a device and I'm prepared to use it at your offices."],
    ['armed-visit', "I'll be going round to the officer's house with a baseball bat, see how low priority that is."],
    ['harm-your-it', 'That cat of yours sits on the wall every night. I will poison it.'],
    ['should-be-raped', 'You should be dragged off the stage and gang raped, you slag.'],
  ])('%s: "%s"', (_family, body) => {
    expect(THREATS).toContain(verdict(body).severity);
  });
});

describe('their benign twins stay clean', () => {
  it.each([
    // Self-harm alone is a welfare flag, never a threat to others.
    "I'm at breaking point and I don't know how much longer I can go on. Please help me with the flat.",
    "I'm taking you with me to the tribunal on Tuesday, if that's all right, as my councillor.",
    'We will both go down to the depot tomorrow to see the new bin lorries.',
    'Whoever takes out the bins on Thursday gets a biscuit from me.',
    'The first person to fix the potholes on Mill Road gets my vote.',
    'He was an instrument of change in this town for thirty years.',
    "God forgive me for what I'm about to say, but the new library is ugly.",
    'We all meet our maker in the end; my father met his at 94.',
    'I pray for your soul and for everyone on the council every Sunday.',
    'The lifeguards pulled a dog out of the canal yesterday.',
    'Enjoy the time you have left in office, it has been a pleasure working with you.',
    "Losing this seat won't stop you standing again next time.",
    'You will not be walking home alone from the hall; the minibus will drop everyone off.',
    'Is the new shelter strong enough to stop the wind off the moor?',
    'If somebody fixed the streetlight on Elm Road I would celebrate.',
    'Tick tock, the consultation closes on Friday, so please send your views to the planning team.',
    'Just watched The Shining again — "Here\'s Johnny" is still the best line in any film.',
    'You know what the scene is: a very particular set of skills, as the film says.',
    'Your face was all over the local paper this week, congratulations.',
    'Nobody left to hear the band by midnight, the square emptied fast.',
    'In the Middle Ages they burned the witch’s house with her in it, and the crowd cheered.',
    "I'm prepared to use it at your offices if the projector in the chamber is still broken.",
    "I'll be going round to my nan's house with a hammer to put her shelves up.",
    'That old shed of yours is an eyesore. I will paint it for you if you like.',
    'You should be ashamed that women get raped on that towpath and nothing is done about the lights.',
    'She deserves to be protected from being raped and the police must act.',
  ])('"%s"', (body) => {
    expect(verdict(body).severity).toBe('clean');
  });
});
