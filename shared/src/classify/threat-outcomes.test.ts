import { describe, expect, it } from 'vitest';
import { classify } from './classify.ts';

// Threats told as the outcome (threat-outcomes.ts), each family with benign twins. Rules only.
const verdict = (body: string) => classify({ body }, { model: null });
const THREATS = ['threat', 'threat_to_life'];

describe('threats told as the outcome, often about a third person', () => {
  it.each([
    ['weapon-in-person', 'Tell your enforcement officer he will get a knife in him next time he films my house.'],
    ['weapon-in-person', "If she shows her face on the estate again she's getting acid in it."],
    ['through-window', "Knock on my door canvassing again and I'll put you through the window."],
    ['bleeding-out', 'All I want is you bleeding out on the pavement like you deserve.'],
    ['not-live-to-see', 'I shall personally see to it that you do not live to see the next election.'],
    ['carried-out', "Tell her that if she turns up to the meeting she'll be carried out of it."],
    ['own-two-feet', "He won't leave the count on his own two feet."],
    ['wreath', "Keep it up and you'll be the next one they lay flowers for."],
    ['so-shall-you', 'As those trees fall, so shall you.'],
    ['held-under', "I'll hold the ginger one under till he stops kicking."],
    ['love-to-see', "I'd love to see you set on fire outside the town hall."],
    ['use-on-you', "I've got a shed full of tools and I'm not afraid to use them on you."],
    ['emoji-weapon-aimed', '🔪🩸 @CllrOwen 🏠 soon'],
    ['emoji-weapon-aimed', 'Cllr Rahman 👉🪢🌳 saturday'],
    ['head-with-it', "Take that badge off or I'll take it off you myself, and your head with it."],
    ['what-ill-do', "I look at his leaflet every morning and think about what I'm going to do to him."],
    ['not-coming-back', "One of these mornings when he's out with the dog he's not coming back."],
    ['armed-crowd', "If a few of us turned up at 2am with cans of petrol he'd think twice."],
    ['occupant-harm', "Get his windows done, and if he's in when the brick goes through, all the better."],
    ['something-will-happen', 'Stand up in chamber again and something will happen to you on your way home.'],
  ])('%s: "%s"', (_family, body) => {
    expect(THREATS).toContain(verdict(body).severity);
  });
});

describe('their benign twins stay clean', () => {
  it.each([
    'The surgeon got a blade in him during the operation, as planned, and he is recovering well.',
    'Please get some acid in it: the descaler for the office kettle has run out.',
    'I put the leaflets through the window of the community centre.',
    'The new ward at the hospital will stop people bleeding out while they wait.',
    "I won't live to see the bypass finished at this rate.",
    'The survey will be carried out of hours so residents are not disturbed.',
    'After the operation he will not leave hospital on his own two feet for weeks.',
    'They lay flowers for the fallen at the war memorial every November.',
    'As the leaves fall, so will the temperature.',
    'Hold the ladder under the window while I fix the gutter.',
    "I'd love to see you at the bonfire night display.",
    "I'm not afraid to use my vote on the day, whatever the polls say.",
    'Great knife skills at the cookery class, councillor!',
    '🎉🎂 @CllrOwen happy birthday!',
    'The roof came off in the storm, and the chimney with it.',
    "I keep thinking about what I'm going to do with the allotment next year.",
    'One of these days the 47 bus will come back to our estate, I hope.',
    'If a few of us turned up at the meeting with placards it would make the papers.',
    "If he's in when the postman comes, ask him to sign for the parcel.",
    'Something wonderful happened to the park this summer.',
  ])('"%s"', (body) => {
    expect(verdict(body).severity).toBe('clean');
  });
});

describe('quotation marks', () => {
  it.each([
    "A man who left a voicemail telling a councillor 'I am going to slit your throat' has been jailed.",
    "Graffiti reading 'Cllr Jones will die' was sprayed on a bus shelter overnight.",
    "He was convicted after emailing an MP's office that the staff 'should all be shot'.",
  ])('a report in single quotes is not a threat: "%s"', (body) => {
    expect(THREATS).not.toContain(verdict(body).severity);
  });

  it.each([
    "'I will look for you, I will find you, and I will kill you.' That's for you, Cllr Pell.",
    "Voicemail: 'Aye Pell, it's me again. You shut the pool, so I'm going to chib you.'",
  ])('a threat sent as a quote is still a threat: "%s"', (body) => {
    expect(THREATS).toContain(verdict(body).severity);
  });
});
