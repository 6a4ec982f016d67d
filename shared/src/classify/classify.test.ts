import { describe, expect, it } from 'vitest';
import { classify } from './classify.ts';
import { verdictSchema } from './verdict.ts';

describe('classify', () => {
  it('returns a verdict the Worker can validate with the shared zod schema', () => {
    const v = classify({ subject: 'Bins', body: 'You absolute twat. I know where you live.' });
    expect(verdictSchema.parse(v)).toEqual(v);
    expect(v.version).toMatch(/^\d+\.\d+\.\d+\+/);
  });

  it('rejects a verdict with an unknown severity', () => {
    const v = { ...classify({ body: 'hello' }), severity: 'scary' };
    expect(verdictSchema.safeParse(v).success).toBe(false);
  });

  it('points every piece of evidence at the exact characters the sender typed', () => {
    const body = 'Dear Cllr,\nY0U  W1LL  D I E, you f*cking tw@t.';
    const v = classify({ body });
    expect(v.severity).toBe('threat_to_life');
    for (const e of v.evidence) expect(body.slice(e.start, e.end)).toBe(e.phrase);
    expect(v.evidence.map((e) => e.phrase)).toContain('tw@t');
  });

  it('names the rule that fired so an officer can see why', () => {
    const v = classify({ body: "I'm going to kill you" });
    expect(v.evidence[0]).toMatchObject({ category: 'threat_to_life', source: 'rule', rule: 'intent-lethal' });
  });

  it('lets angry but legitimate criticism through', () => {
    for (const body of [
      'This planning decision is a disgrace and you should resign.',
      'Council tax up again and the potholes are worse. Utterly incompetent.',
      'We will fight this development every step of the way and vote you out in May.',
    ]) {
      expect(classify({ body }).severity).toBe('clean');
    }
  });

  it('calls casual swearing profanity, not abuse', () => {
    expect(classify({ body: 'The state of this fucking road is unbelievable.' }).severity).toBe('profanity');
  });

  it('calls an insult aimed at the councillor abuse', () => {
    expect(classify({ body: 'You are a useless cunt.' }).severity).toBe('abuse');
  });

  it('flags identity-based hate even without a slur', () => {
    const v = classify({ body: 'Immigrants are vermin and should be sent back.' });
    expect(v.severity).toBe('abuse');
    expect(v.categories).toContain('hate');
  });

  it('calls telling a councillor to go back where they came from hate, and a report of it only profanity', () => {
    expect(classify({ body: 'Go back to your own country, you are not welcome here.' }, { model: null }).categories).toContain('hate');
    expect(classify({ body: 'He told me to go back to where I came from.' }, { model: null }).severity).toBe('clean');
    expect(classify({ body: 'We should go back to the original plan.' }, { model: null }).severity).toBe('clean');
  });

  it('calls a sexual demand abuse but not the idiom "bend over backwards"', () => {
    expect(classify({ body: "I'd love to bend you over my desk" }, { model: null }).categories).toContain('sexual');
    expect(classify({ body: 'Officers bend over backwards to help residents.' }, { model: null }).severity).toBe('clean');
  });

  it("treats a quoted slur in a report of abuse as profanity, not as the sender's abuse", () => {
    expect(classify({ body: 'A man in the street called me a paki and I want it recorded.' }).severity).toBe('profanity');
  });
});

describe('the learned model', () => {
  it('catches identity-based contempt the rules have no phrase for, and says the model fired', () => {
    const v = classify({ body: 'Gay people have no place in a civilised country like this.' });
    expect(v.severity).toBe('abuse');
    expect(v.evidence.some((e) => e.source === 'model' && e.category === 'hate')).toBe(true);
  });

  it('stays quiet on the same sentence when the model is switched off (rules only)', () => {
    expect(classify({ body: 'Gay people have no place in a civilised country like this.' }, { model: null }).severity).toBe('clean');
  });

  it('does not flag a positive sentence about the same group', () => {
    expect(classify({ body: 'Gay people have every right to feel at home in this town.' }).severity).toBe('clean');
  });
});
