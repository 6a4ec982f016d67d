import { describe, expect, it } from 'vitest';
import { classify } from './classify.ts';

const verdict = (body: string) => classify({ body }, { model: null });

describe('slurs that end an everyday compound', () => {
  it.each([
    'This consultation document is pure gobbledy gook.',
    'The report was gobble de gook from start to finish.',
    'Our Maine coon got out again, has anyone seen him?',
    'This parking fine is a total piss-take.',
    "It's been pissing it down all week and the drain is blocked.",
  ])('keeps "%s" clean', (s) => expect(verdict(s).severity).toBe('clean'));
  it.each(['you filthy gook', 'get out of my country you coon', 'piss off you twat'])('still reads "%s" as abuse', (s) =>
    expect(verdict(s).severity).toBe('abuse'),
  );
});
