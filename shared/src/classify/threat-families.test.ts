import { describe, expect, it } from 'vitest';
import { classify } from './classify.ts';

// One block per family of threats that real messages to officials use and our first rules
// missed (issue #12). Every family has benign twins: the same words in a harmless sentence.
// Rules only (model: null), so a failure points at a rule, not at the learned model.
const verdict = (body: string) => classify({ body }, { model: null });
const isThreat = (body: string) => ['threat', 'threat_to_life'].includes(verdict(body).severity);

const FAMILIES: Record<string, { threats: string[]; benign: string[] }> = {
  'words inserted between intent and harm, and wrapped lines': {
    threats: [
      "I'm going to wait outside the town hall on Friday and then I'll hurt you",
      "I'm going to find you after the meeting, wait till the car park is empty, and then I will stab you",
      'I am going to\nhurt you badly',
      'we are going to\nburn your house down',
      'I am going to... kill you',
    ],
    benign: ['I will be at the town hall on Friday to hear the debate', 'I am going to\nwrite to the paper about this', 'I am going to... complain again'],
  },
  'topic words do not switch a threat off': {
    threats: [
      'If you vote for this policy I will kill you',
      "After the council tax vote I'm going to hunt you down and kill you",
      "You raised the council tax and now I'm going to make sure you get stabbed",
      "I'll take a machete to you after the election",
    ],
    benign: [
      'This vote will hurt you at the polls',
      'This decision will kill your career',
      "We'll beat you at the next election",
      'Vote them out at the next election',
    ],
  },
  'imperatives and incitement against a person, office or party': {
    threats: [
      'shoot the mayor',
      'Hang the lot of them',
      'string up every last tory councillor',
      'lynch the traitor',
      'Execute every one of them',
      'Somebody shoot that mayor',
      "Burn the councillor's house down",
      'somebody should deal with her permanently',
      'someone needs to sort that councillor out for good',
    ],
    benign: [
      'Kill the bill!',
      'Kill the proposal',
      'Hang the bunting along the high street',
      'Shoot the breeze with us at the fete',
      "Don't shoot the messenger",
      'We need to deal with the potholes permanently',
      'Hang on a minute, that is not what you said',
    ],
  },
  'passive and generic forms, "should have", third parties': {
    threats: [
      'people like you end up hanged',
      'scum like you end up dead',
      "you'll be hurt",
      "you'll get beaten up one of these days",
      'You should have been shot years ago',
      "You should've been hanged years ago",
      "I know lads who'd sort you out",
      "I've got mates who would happily do you in",
      'My brothers would happily sort you out',
      'I know people who will hurt you',
    ],
    benign: [
      "You should've been at the meeting",
      'My brothers would happily help you with the leaflets',
      'I know people who will vote for you',
      "you'll get beaten at the election",
      'People like you end up in the House of Lords',
    ],
  },
  'slang, misspellings, masking and hashtags': {
    threats: [
      "I'm gonna do you in",
      "I'll shank you",
      'ur ded',
      'i wiil kil u',
      'i wil kil u',
      'ima merk u',
      'gonna murda you',
      '#hangthemall',
      '#killallmps',
      'I will k*ll you',
      "I'll st*b you",
      "I'm going to sh**t you",
    ],
    benign: ['This is sh*t', 'I wil be there at 6', '#killthebill', 'The budget is shot', 'What a load of b*llocks'],
  },
  'veiled threats aimed at the reader': {
    threats: [
      'I know the car you drive and the route you take home',
      'We know the time your wife leaves for work',
      'I saw you leaving the school with your daughter on Tuesday',
      'I watched you drop your son at school this morning',
      'Three days left. Tick tock.',
      'You have 48 hours to live',
      "You'll be next",
      'Remember what happened to Jo Cox',
      "There's a lamppost with your name on it",
      'Get the rope ready for this one',
      'The noose is ready for you',
      "You have no idea what I'm capable of",
      "You don't know who you're messing with",
      "Your family won't be safe",
      "Your kids won't be safe",
      'Say hello to your kids for me',
      'Some people round here want you dead',
      'There are people in this town who want to kill you',
      "It's only a matter of time before someone gets you",
      'Watch what happens to you next',
      'Enjoy your last Christmas',
      "I'd be very careful walking home alone if I were you",
      'Your time is coming',
    ],
    benign: [
      'I know the route the bus takes and it is always late',
      'I know the time the library opens',
      'I saw you at the school fete with your daughter, lovely to meet you',
      'Two weeks to go until the consultation closes',
      'I look forward to your next meeting',
      'See you at your next meeting',
      'Your next surgery is on Friday',
      'Remember the budget meeting last year',
      'We need a rope bridge over the stream',
      'You have no idea what residents go through',
      "You don't know what it's like to live on this estate",
      "Your kids won't be safe crossing that road until you fix it",
      'Give my regards to your wife, it was lovely to meet her',
      'There are people in this town who want to talk to you about parking',
      "It's just a matter of time before someone gets hurt on that junction",
      'Enjoy your Christmas break',
      'Be careful on the icy pavements this week',
      'Your day will come at the election',
      'people want you to resign',
    ],
  },
  'British idiom and allusion: murdered politicians, prison for the reader, vigilantes, euphemism': {
    threats: [
      'I hope you get what Jo Cox got',
      'Someone should do to you what they did to Jo Cox',
      'Hope someone does an Amess on you',
      'Traitor. You will be dealt with.',
      'you need to be taken out',
      'Your day of reckoning is coming',
      'Mark my words, you will pay',
      'You and your family will pay',
      'There will be blood',
      "I'd love to put my hands round your throat",
      'one day you will answer for this with your life',
      'Expect a visit',
      'I hope your house burns down with you in it',
      'A bullet is too good for you',
      "I'd happily do time for you",
      "I'd swing for you",
      'It would be so easy to run you over',
      "You're living on borrowed time",
      'sleep tight councillor, while you still can',
      "we've got our eye on you",
      'You will be held to account by the people, by force if necessary',
      "there's a special place for traitors like you: the end of a rope",
      "if the law won't deal with you we will",
    ],
    benign: [
      'Thank you for supporting the Jo Cox Foundation',
      'The Jo Cox Commission on Loneliness reported last year',
      'Your complaint will be dealt with by an officer shortly',
      'You need to be taken out of office at the next election',
      'You will be held to account at the ballot box',
      "You'll pay for this at the polls",
      'You will pay more council tax next year',
      'There will be blood on your hands if the hospital closes',
      'Expect a visit from the planning inspector',
      'I hope your house sale goes well',
      'Prison is too good for fly-tippers',
      "I'd swing by your office if you have time",
      'It would be so easy to fix the potholes on Elm Road',
      "We've got our eye on you and on how you vote on the budget",
      "I'm at the end of my rope with the bin collections",
      "If the council won't deal with the fly-tipping, we will organise a clean-up",
      'I could murder a cup of tea',
      'murder a curry after the meeting',
      'We will be watching how you vote',
      'We will see you in court',
    ],
  },
  'claiming to know where they are': {
    threats: ['We know where your office is.', 'We know where your office is. Be ready.', 'I know where your kids are', 'We know where you are.'],
    benign: [
      'I know where you are coming from on this.',
      "I know where your office is, I'll drop the petition off.",
      'I know where your office is and I will be there at 9 with the residents.',
      'I know where your loyalties are.',
      'I know where the town hall is.',
    ],
  },
  'menace without a verb of killing': {
    threats: [
      'If you carry on like this someone is going to put a brick through your window',
      "Vote for that scheme and you'll be leaving the chamber in a body bag",
      "You want to close our library? Fine. I'll close your eyes for good.",
      'The only good councillor is a dead councillor',
      "I'm going to make your life hell, I will follow you everywhere you go",
      "It's about time someone gave you a good kicking",
      "If you don't resign by Friday there will be serious consequences for you personally",
      "Your kids walk home alone from St Mary's don't they",
      'Remember what happened to the MP in Southend. Could happen to you.',
      "Next time you come to a public meeting you won't be walking out of it",
      'I will be outside your house tonight.',
    ],
    benign: [
      'Someone threw a brick through my window last night, what is the council doing?',
      "You'll be leaving office in May, good riddance",
      'We will stop this scheme for good',
      'The only good policy is a dead policy',
      "We'll give you a good hiding at the polls",
      'Remember what happened to the last council that tried this? It could happen to you at the election.',
      "You won't be walking out of this meeting without answers",
      'Your kids walk to school alone because there is no crossing, sort it out',
      "I'll be outside your office at 9 with the petition",
      'there will be serious consequences for the budget',
      'I will follow you on Twitter',
    ],
  },
  'harm foretold, dared or wished on a stranger': {
    threats: [
      'I swear to god if you close that school I will come down there and wring your neck',
      'you are a vile woman and someone will get you one dark night',
      'Tick tock councillor. Tick tock.',
      "We're watching you. Every move.",
      "I've got a shotgun and I'm not afraid to use it",
      "You'll have an accident one of these days",
      'Be a shame if something happened to that lovely house of yours',
      'It would be a shame if anything happened.',
      'The people will drag you out of the town hall and string you up',
      'I hope somebody runs you over',
      "Your time is up, we're coming",
      "I'll be waiting in the car park after the meeting",
      'get out of this town or get carried out',
      'Keep talking and see what happens',
      'they should line you all up against a wall',
      "Don't be surprised if your car goes up in flames",
    ],
    benign: [
      'Tick tock, the deadline for the consultation response is Friday',
      "We're watching the planning committee closely",
      'You might have an accident on that junction',
      "You'll have an accident if the council doesn't fix the lights",
      'Why not try it for six months and see what happens?',
      'Carry on with the consultation and see what happens.',
      "You'll break your neck on these pavements",
      'I hope someone gets you to listen',
      "I'll be waiting in the car park to give you a lift",
      "I've got a vote and I'm not afraid to use it",
      'It would be a shame if something happened to the budget',
      "Time's up, we're coming to the meeting to object",
      'vote them out or get carried out of office',
      "I'll be waiting for your reply",
      'Your time is up at the next election',
    ],
  },
  'the reader pictured hurt, or harm wished in the passive': {
    threats: [
      "She deserves a bullet for what she's done to this town",
      'Councillor Patel should be dragged through the streets',
      'All these traitor councillors need hanging, every last one',
      "If I was her husband I'd be worried",
      "i'm gonna find out where you live and then you'll see",
      'Hope you get raped you stuck up cow',
      "We'll see how smug you are with a broken jaw",
      "You've got it coming, mark my words",
      'Nobody would miss you if you disappeared',
      'Time to pay your house a visit, councillor',
      'Keep an eye on your daughter',
      "When the revolution comes you'll be first against the wall",
      "People like you get what they deserve eventually, and I'll be there to watch",
      'I hope your car brakes fail on the motorway',
      'Enjoy your surgery on Saturday, it might be your last',
      "I'll make sure you never walk again",
    ],
    benign: [
      'I hope you get shot of this scheme soon',
      'Nobody would miss you if you stood down',
      'This might be your last budget.',
      'This policy needs shooting down',
      "That's a hanging offence",
      'Look after your family.',
      "If I were you I'd be worried about the budget",
      "If I was her husband I'd be embarrassed by her voting record",
      "You've got it coming at the election",
      'People like you get what they deserve at the ballot box',
      'Keep an eye on your inbox',
      "I'll pay your office a visit to drop off the petition",
      "She deserves to lose her seat for what she's done to this town",
      'Councillor Patel should be dragged before the standards committee',
      "When the election comes you'll be first out the door",
    ],
  },
  'false alarms seen before': {
    threats: [],
    benign: [
      'We need a serious debate about gun policy and shooting licences in rural areas',
      "I will not kill you, don't worry",
      "I'll sleep when I'm dead",
      'Thanks councillor',
      "You'll be the next mayor if you keep this up",
      'The council is killing the high street',
    ],
  },
};

describe.each(Object.entries(FAMILIES))('threat family: %s', (_family, { threats, benign }) => {
  if (threats.length > 0) it.each(threats)('flags "%s" as a threat', (s) => expect(verdict(s).severity).toMatch(/^threat/));
  it.each(benign)('keeps the benign twin "%s" from being a threat', (s) => expect(isThreat(s)).toBe(false));
});

describe('veiled threats are explained as what they are', () => {
  it('names the veiled rule and the phrase that fired', () => {
    const v = verdict("Nice to hear from you. Anyway. Your family won't be safe.");
    expect(v.evidence.map((e) => e.rule)).toContain('family-safe');
    expect(v.evidence.find((e) => e.rule === 'family-safe')?.phrase).toBe("Your family won't be safe");
  });

  it('points the evidence of a hashtag at what the sender typed', () => {
    const body = 'so true #hangthemall';
    const e = verdict(body).evidence.find((x) => x.rule === 'imperative');
    expect(e && body.slice(e.start, e.end)).toBe('#hangthemall'.slice(1));
  });
});

describe('invisible characters cannot split a threat', () => {
  it.each([
    ['U+2066 (left-to-right isolate)', '\u2066'],
    ['U+E0020 (tag space)', '\u{E0020}'],
    ['U+061C (Arabic letter mark)', '\u061c'],
    ['U+200B (zero-width space)', '\u200b'],
    ['U+202E (right-to-left override)', '\u202e'],
  ])('reads "I will ki%sll you" as a threat to life', (_name, ch) => {
    const body = `I will ki${ch}ll you`;
    const v = verdict(body);
    expect(v.severity).toBe('threat_to_life');
    // The evidence still points at the characters the sender sent, invisible one included.
    expect(body.slice(v.evidence[0]!.start, v.evidence[0]!.end)).toContain(`ki${ch}ll`);
  });
});

describe('sign-offs and signatures', () => {
  it.each(['Thank you', 'Many thanks', 'Kind regards'])('reads a message that is only "%s" as clean, not unreadable', (s) => {
    expect(verdict(s).severity).toBe('clean');
  });

  it('still finds a threat written under the sign-off', () => {
    expect(verdict('Your policy is rubbish.\nRegards\nI will kill you').severity).toBe('threat_to_life');
  });

  it('does not read a signature address as a threat', () => {
    expect(verdict('Fix the road.\n\nKind regards\nJohn Smith\n12 Kill Lane').severity).toBe('clean');
  });
});
