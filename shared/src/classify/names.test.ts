import { describe, expect, it } from 'vitest';
import { classify } from './classify.ts';

const sev = (body: string) => classify({ body }).severity;

describe('place and person names (the Scunthorpe problem)', () => {
  it.each([
    'The bus from Scunthorpe to Penistone is late again.',
    'Our holiday cottage is near Shitterton in Dorset.',
    'My cousin farms at Twatt on Orkney.',
    'The parish of Bitchfield has a new clerk.',
    'Cockshutt village hall is booked for the surgery.',
    'I grew up in Clitheroe and moved to Sexhow.',
    'The Lickey End residents want a crossing.',
    'Dick Whittington is the panto at the village hall.',
    'We walked up Brown Willy on Sunday.',
    'The meeting is on Cock Lane this week.',
    'The road to Upper Slaughter is flooded.',
  ])('keeps "%s" clean', (s) => expect(sev(s)).toBe('clean'));

  it.each(['You absolute twat.', 'What a dick you are.', 'You stupid Twat', 'Shut up, you cock.'])('still flags the same words used as an insult: "%s"', (s) =>
    expect(sev(s)).toBe('abuse'),
  );
});

describe('words glued together to dodge filters', () => {
  it('catches an insult with the space removed ("massivescumbags")', () => {
    expect(classify({ body: 'All councillors are such massivescumbags.' }).severity).toBe('abuse');
  });

  it('does not split real place names that merely contain a rude word', () => {
    for (const body of ['Penistone', 'Scunthorpe', 'Cockshutt', 'Bitchfield', 'Shitterton', 'Cockermouth']) {
      expect(classify({ body: `The surgery moves to ${body} next week.` }).severity).toBe('clean');
    }
  });
});
