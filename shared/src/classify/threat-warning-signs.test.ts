import { describe, expect, it } from 'vitest';
import { classify } from './classify.ts';

// Veiled threats made of warning signs (threat-warning-signs.ts): two different kinds in one
// message are a threat; one alone, in an ordinary letter, is not. Rules only (model: null).
const verdict = (body: string) => classify({ body }, { model: null });
const isThreat = (body: string) => ['threat', 'threat_to_life'].includes(verdict(body).severity);

describe('two different warning signs make a veiled threat', () => {
  it.each([
    // watching + ominous close
    'Saw you leave the Co-op on Saturday. Red Fiesta, parks on Mill Street. I know everything about you. Not long now.',
    // watching + ominous close
    'Your daughter goes to Brookside Primary. Collected at twenty past three most days. Shame.',
    // watching + exposed
    'Drove past your house twice this week. That back door of yours, you should lock that door, anyone could walk in.',
    // capable + ominous close
    "I've served time for wounding and I'm not afraid of prison. Think on, councillor.",
    // others-intend + disclaimer
    "This isn't me threatening, it's not a threat, just a fact: there are lads on this estate who would happily sort you out.",
    // others-intend + ominous close
    "Plenty of us are going to wait for you outside the chamber after the vote. Wouldn't want to be you.",
    // watching + exposed + ominous close
    'Saw you leaving the gym at six. 3 Elm Close is not hard to find. See you soon.',
    // capable + watching + dare
    "I've got a shotgun and a perfect view of your bedroom window. Keep it up and see what happens.",
  ])('"%s"', (body) => {
    const v = verdict(body);
    expect(v.severity).toBe('threat');
    const rules = v.evidence.map((e) => e.rule).filter((r) => r?.startsWith('warning-signs:'));
    expect(new Set(rules).size).toBeGreaterThanOrEqual(2);
  });
});

describe('one sign alone, or signs in an ordinary letter, stays clean', () => {
  it.each([
    'Your daughter goes to Brookside Primary, as does mine: could you ask the council about the crossing patrol?',
    'I walked past your house on Sunday and saw your campaign poster. Good luck in May!',
    'Nice to meet you at the surgery. Soon.',
    'The police say you should lock the side gate, anyone could get in since the fence came down. Just saying.',
    'I have done time for fraud and now run a charity for ex-offenders; could we meet to talk about the youth centre?',
    'Many people round here would love to have you visit the allotments.',
    'Just saying.',
  ])('"%s"', (body) => expect(isThreat(body)).toBe(false));
});

describe('preparation, routine and passed-on intent are warning signs too', () => {
  it.each([
    // capable (weapon licence) + ominous close
    'My firearms certificate arrived this morning, Mr Hale. Funny timing. See you at the planning committee.',
    // capable (sharpening) + ominous close
    'Spent the evening sharpening my kitchen knives and thinking about you. Hope you are enjoying your weekend.',
    // watching (routine) + watching-in-person + dare: watching and ominous close
    "You always catch the 7.40 bus, always the same seat at the back. One of these days I'll be sat right behind you. Ask yourself if you want that.",
    // exposed (no security) + ominous close
    "Your office has security but your husband hasn't got any protection has he. Think about that when you vote.",
    // others-intend + exposed (advice)
    "People in the club talk about what they'd do to you. I'd stay away from the market if I were you.",
    // punishment imagery + watching (address)
    "Tarred and feathered, that's what your sort deserve. We have your address, which we've got from the electoral roll.",
    // retribution + exposed (thought he was safe)
    'He thought he was safe in his surgery too. People like you always get what they deserve.',
    // capable (chosen) + ominous close
    'I have been chosen to do the cutting. Starting with you.',
    // approach + exposed
    "Your surgery is Saturday at the library. I'll be there at 10. Bring a first aid kit.",
    // approach + watching (registration)
    "KX19 RTD, that's your car isn't it. I'll be waiting by it.",
  ])('"%s"', (body) => {
    expect(['threat', 'threat_to_life']).toContain(verdict(body).severity);
  });

  it.each([
    'My firearms certificate renewal is stuck with the police, can you chase it? See you at the planning committee.',
    'Our son goes to Kingsway, training is on Thursdays, and the pitch is flooded again.',
    'Your office has no disabled parking and my husband has no blue badge yet, can you help?',
    'People are saying what they would do to fix the town centre. I would stay away from the market if I were you, it is rammed on Saturdays.',
    "The museum's new exhibit shows how smugglers were tarred and feathered in the 1700s.",
    'She will regret this decision at the ballot box in May.',
    "I'll be there at 10 to open the hall for the coffee morning.",
    'Please bring a first aid kit to the litter pick on Sunday.',
  ])('one kind alone stays clean: "%s"', (body) => {
    expect(verdict(body).severity).toBe('clean');
  });
});

describe('approach, routine and indifference to what follows', () => {
  it.each([
    // exposed + approach
    "It's not hard to find out where someone lives, councillor. I'll be seeing you at home very soon.",
    // watching + approach
    "I've already followed you home from the civic centre once. Next time I won't just drive past.",
    // capable + approach
    'A man with nothing to lose is the most dangerous thing you will ever meet, and you are going to meet me.',
    // capable + watching + capable
    "I'm sat here with a carving knife working out which way you walk to the depot, and there's nobody left who'd stop me.",
    // watching + ominous close
    'Your son is in year 10 at St Aidans. I know his bus. Think about that next time you vote.',
    // others-intend + ominous close
    'What would you do if someone was waiting for you in your garden one night? Have a think about it.',
    // retribution + ominous close
    'You voted for the hotel, so you are traitors, and traitors get what traitors get. We will be seeing you soon.',
    // others-intend + watching + ominous close
    "Plenty of us and only one of her. Her surgery's at the library on the first Saturday. Just saying.",
    // capable + approach
    'I still have my late father’s service revolver, kept in good order. You will find me at your next surgery.',
    // approach + others-intend
    'Lives in Hartshill. When it kicks off on Saturday we go to his house, not the hotel.',
    // watching + exposed
    "Lovely house in the background, recognised the street straight away. You're making this very easy for me.",
    // retribution + exposed
    'Remember what happened to that MP in the church hall? Your surgery has even less security than his did.',
    // punishment imagery + ominous close
    'I put crosses through three of the faces on your family photo. Yours is the last one left. Not for long.',
  ])('"%s"', (body) => {
    expect(isThreat(body)).toBe(true);
  });

  it.each([
    "I'll be seeing you at home on Thursday for the casework visit, as agreed with your office.",
    "Next time I won't just drive past the fete, I'll stop and buy a cake!",
    'The new warden is going to meet me at the allotments on Monday.',
    "I'm sat here with a bread knife and a cake, waiting for the committee result.",
    'Which way you walk to the station matters: the underpass lights are out.',
    'I know his bus is always late, the 47 needs a better timetable.',
    'They can lock me up for parking on the verge if they like, the bays are full.',
    'Her surgery is at the library on the first Saturday of every month, 10 till 12.',
    'We will be seeing you soon at the community lunch, thanks for coming last time!',
    'Scammers get what they deserve when the courts catch up with them.',
    'I still have my late father’s service revolver in a museum case; could the council advise on the amnesty?',
    'When it kicks off on Saturday the market will be packed, please send more bin bags.',
    "You're making this very easy for me: the new online form is brilliant.",
    'Remember what happened to that MP? Please support the new security funding for surgeries.',
  ])('one kind alone stays clean: "%s"', (body) => {
    expect(verdict(body).severity).toBe('clean');
  });
});

describe('signs shown by how a sentence is put together (threat-private-life.ts)', () => {
  it.each([
    // watching (private life + knowing tag) + demand
    'Your boys play for Hartley Juniors on a Sunday, don’t they. Scrap the parking scheme.',
    // watching (seen + the reader’s wife) + regret
    'Clocked your wife at the garden centre yesterday. Would be a real shame if anything happened to her.',
    // watching (know which + the reader’s car) + lonely place
    'We know which car park your car sits in overnight. Very dark round there, isn’t it.',
    // regret + demand
    'Would hate for anything to happen on that bend, councillor. Withdraw the objection.',
  ])('"%s"', (body) => {
    const v = verdict(body);
    expect(v.severity).toBe('threat');
    expect(new Set(v.evidence.map((e) => e.rule)).size).toBeGreaterThanOrEqual(2);
  });

  it.each([
    // one sign each: the reader's life mentioned kindly, a demand, a regret about a decision
    'Saw your daughter’s netball team won the county cup, congratulations to them all!',
    'Reverse the decision on the library. It would be a shame if the town lost it for good.',
    'Your mum’s bungalow is on our road, isn’t it? She was very kind to us when we moved in.',
    'It is very quiet down there since the bank closed. Reconsider the closure of the post office too.',
    // "accidents happen" about a place is a road-safety report, not the veiled formula
    'Accidents happen on that junction every winter; please grit it.',
  ])('"%s"', (body) => expect(isThreat(body)).toBe(false));
});
