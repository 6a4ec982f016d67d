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
