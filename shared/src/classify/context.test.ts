import { describe, expect, it } from 'vitest';
import { classify } from './classify.ts';

// Reported speech and negation are read within the sentence (the normalised text has no full
// stops, so the tokens say where sentences start): what came two sentences earlier neither
// reports nor negates a threat. Rules only (model: null).
const verdict = (body: string) => classify({ body }, { model: null });

describe('context stays in its sentence', () => {
  it.each([
    'I rang your office twice and you sent me a form letter. Nothing has changed. I will kill you if my daughter ends up in hospital again.',
    "The bins have not been emptied for a month. If it isn't sorted by Friday I will come to your surgery and stab you.",
    'Call the police if you like, I will still kill you.',
    "I don't care if you call the police, I'm going to stab you.",
  ])('"%s" is a threat to life', (body) => expect(verdict(body).severity).toBe('threat_to_life'));

  it.each([
    "Someone posted on the village page that 'the councillor should be shot'. I have passed it to the police.",
    'A man on the estate group wrote that councillor should be shot, and I have told the police.',
    'The police are investigating a message that said I will kill you.',
    "I will not hurt you. I never would. I'm just angry about the parking.",
  ])('"%s" is not a threat', (body) => expect(['threat', 'threat_to_life']).not.toContain(verdict(body).severity));
});

describe('a hedge is not a report, a disclaimer is not a negation', () => {
  it.each([
    "I'm just saying someone on this estate is going to put a bullet in you one day.",
    "I'm not threatening you, but somebody is going to stab you if this goes through.",
    "I'll drive over to your surgery on Friday and then I'll batter you.",
  ])('"%s" is a threat', (body) => expect(['threat', 'threat_to_life']).toContain(verdict(body).severity));

  it.each([
    'He just said he would kill me, and I have reported it to the police.',
    "I'm just saying the council is going to kill the high street with these parking charges.",
    "I'll write to the paper and then I'll beat you at the election.",
  ])('"%s" is not a threat', (body) => expect(['threat', 'threat_to_life']).not.toContain(verdict(body).severity));

  it.each([
    "My GP says I'm at breaking point. Well, when I break I'm taking you with me.",
    'The housing officer told me to be patient. I will burn your house down with you in it.',
  ])('a report in the sentence before does not excuse a threat in the writer\'s own voice: "%s"', (body) =>
    expect(['threat', 'threat_to_life']).toContain(verdict(body).severity),
  );

  it.each(["Someone posted this on the village page. 'Cllr Jones should be hanged.'", 'He sprayed this on my fence: you will die.'])(
    'a report that introduces the next sentence still counts: "%s"',
    (body) => expect(['threat', 'threat_to_life']).not.toContain(verdict(body).severity),
  );
});
