import { describe, expect, it } from 'vitest';
import { classify } from './classify.ts';
import type { Severity } from './verdict.ts';

const severity = (body: string): Severity => classify({ body }, { model: null }).severity;
const isThreat = (body: string) => ['threat', 'threat_to_life'].includes(severity(body));

describe('threats: first-person intent + harm + target', () => {
  it.each([
    "I'm going to kill you",
    'We will burn your house down',
    'I will slit your throat',
    'Me and the lads are going to stab you',
    "I'll put a bullet in your head",
    'Imma shoot that councillor',
  ])('treats "%s" as a threat to life', (s) => expect(severity(s)).toBe('threat_to_life'));

  it.each(["I'm going to smash your face in", 'I will beat you up', "We're going to make you pay for this"])('treats "%s" as a threat', (s) =>
    expect(severity(s)).toBe('threat'),
  );

  it.each([
    'I will shoot you an email tomorrow',
    'We will kill the high street with these parking charges',
    'The band absolutely killed it',
    "I'll murder a curry after the meeting",
    "We'll beat you at the election in May",
    "I'll hit you up next week",
    "We will cut the councillors' allowances",
  ])('does not mistake the idiom "%s" for a threat', (s) => expect(isThreat(s)).toBe(false));
});

describe('threats: predictions, wishes and normative threats', () => {
  it.each([
    'You will die for this',
    "You'll be dead by Christmas",
    'Traitors like you deserve to hang',
    'I hope you die',
    'You should be shot',
    "You'll end up like Jo Cox",
  ])('treats "%s" as a threat to life', (s) => expect(severity(s)).toBe('threat_to_life'));

  it.each(["You'll be dead tired after the count", 'People will die on that junction if you do nothing', 'You will pay for this at the ballot box'])(
    'keeps "%s" clean',
    (s) => expect(isThreat(s)).toBe(false),
  );
});

describe('threats: incitement, doxxing, conditionals', () => {
  it('flags incitement as a threat to life', () => {
    expect(severity('Someone should shoot this councillor')).toBe('threat_to_life');
  });

  it('flags "I know where you live" as doxxing and a threat', () => {
    const v = classify({ body: 'I know where you live' }, { model: null });
    expect(v.severity).toBe('threat');
    expect(v.categories).toContain('doxxing');
  });

  it("flags mentioning the children's school as doxxing", () => {
    expect(classify({ body: 'We know which school your kids go to.' }, { model: null }).categories).toContain('doxxing');
  });

  it('flags a conditional threat even when the condition is negated', () => {
    expect(severity("If you don't reverse the decision you'll regret it")).toBe('threat');
  });

  it('does not treat a promise to campaign as doxxing', () => {
    expect(isThreat("I'm coming to the surgery on Saturday to discuss the bins")).toBe(false);
  });
});

describe('threats: negation and reported speech', () => {
  it.each(['I would never hurt you', "I'm not going to kill you, I'm going to vote against you", 'No councillor should ever be attacked'])(
    'does not flag the negated "%s"',
    (s) => expect(isThreat(s)).toBe(false),
  );

  it.each(['He said he would kill me', 'My neighbour told me "I will burn your house down"', 'Someone wrote "you will die" on the bus shelter'])(
    'does not flag the reported threat "%s"',
    (s) => expect(isThreat(s)).toBe(false),
  );

  it('still flags the sender repeating their own threat ("I said I will kill you")', () => {
    expect(severity('I said I will kill you')).toBe('threat_to_life');
  });
});

describe('self-harm is a welfare signal, not a threat', () => {
  it.each(['I want to kill myself', "I don't want to live anymore", 'Everyone would be better off if I was dead'])(
    'raises the welfare flag for "%s" without calling it a threat',
    (s) => {
      const v = classify({ body: s }, { model: null });
      expect(v.welfare).toBe(true);
      expect(v.categories).toContain('self_harm');
      expect(['threat', 'threat_to_life']).not.toContain(v.severity);
    },
  );

  it('treats telling someone to kill themselves as harassment and a threat, not welfare', () => {
    const v = classify({ body: 'Do us all a favour and kill yourself' }, { model: null });
    expect(v.categories).toContain('harassment');
    expect(v.welfare).toBeUndefined();
    expect(v.severity).toBe('threat');
  });
});

describe('back-off: harm word + the reader + intent, for phrasings no pattern lists', () => {
  it.each([
    "I'll take a machete to you and your family.",
    'You and your kids will be on the end of a shooting, I promise you that.',
    "I'll be the one who puts you in your grave.",
  ])('treats "%s" as a threat to life and labels it as the back-off rule', (s) => {
    const v = classify({ body: s }, { model: null });
    expect(v.severity).toBe('threat_to_life');
    expect(v.evidence.some((e) => e.rule === 'backoff:harm+reader+intent')).toBe(true);
  });

  it.each([
    'The road is a death trap and you have ignored us for years.',
    'Your cuts are killing disabled people in this borough.',
    'This will hurt you at the polls.',
    'You will kill the high street with these charges.',
    'I hope you get a good shot of the parade.',
    "You won't get hurt if you cross at the lights.",
  ])('keeps "%s" clean', (s) => expect(isThreat(s)).toBe(false));
});

describe('threats: a vehicle as the weapon, a need for protection, an ominous visit', () => {
  it.each(["I'll ram my car into you", 'We will plough a truck into that councillor', "I'm going to drive straight into you at the count"])(
    'treats "%s" as a threat to life',
    (s) => expect(severity(s)).toBe('threat_to_life'),
  );

  it.each(['I will drive my car into town tomorrow', "I'll drive into the office after the meeting", 'We will drive to your surgery on Saturday'])(
    'keeps the journey "%s" clean',
    (s) => expect(isThreat(s)).toBe(false),
  );

  it.each(["Vote for it and you'll need a bodyguard", "You're going to need an ambulance", "Keep this up and you'll need eyes in the back of your head"])(
    'treats "%s" as a threat',
    (s) => expect(severity(s)).toBe('threat'),
  );

  it.each(['You will need planning permission for that', "You'll need more than luck to win in May"])('keeps "%s" clean', (s) =>
    expect(isThreat(s)).toBe(false),
  );

  it('treats "we\'ll be seeing you very soon" with no occasion as a threat, but not a visit with one', () => {
    expect(severity("I'll be visiting you real soon, councillor")).toBe('threat');
    expect(isThreat('We will be seeing you very soon at the fete')).toBe(false);
    expect(isThreat("Thanks for your help, I'll be seeing you soon")).toBe(false);
  });
});

describe('doxxing: the family routine, said so the reader notices', () => {
  it.each(['Your kids walk to school at 8 every morning. Thought you should know.', 'We know your husband parks behind the library on Fridays'])(
    'flags "%s" as doxxing and a threat',
    (s) => {
      const v = classify({ body: s }, { model: null });
      expect(v.severity).toBe('threat');
      expect(v.categories).toContain('doxxing');
    },
  );

  it.each(['Your son walks to school along Mill Road which has no pavement', 'Your wife parks on Oak Avenue every day and blocks my drive'])(
    'keeps the complaint "%s" clean',
    (s) => expect(isThreat(s)).toBe(false),
  );
});
