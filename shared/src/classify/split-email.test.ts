import { describe, expect, it } from 'vitest';
import { classify } from './classify.ts';
import { splitEmail } from './split-email.ts';

describe('splitEmail', () => {
  it('separates an "On … wrote:" reply block and keeps it for the record', () => {
    const body = 'Please fix it.\n\nOn Mon, 3 Mar 2026 at 10:00, Cllr Smith <c@x.gov.uk> wrote:\n> We will look into it.';
    const parts = splitEmail(body);
    expect(parts.own.trim()).toBe('Please fix it.');
    expect(parts.quoted).toContain('> We will look into it.');
    expect(parts.own).toHaveLength(body.length);
  });

  it('separates an Outlook "From: … Sent: …" block', () => {
    const body =
      'Still waiting.\n\n________________________________\nFrom: Cllr Green\nSent: 01 February 2026 10:00\nTo: Resident\nSubject: Re: potholes\n\nIt will be fixed.';
    const parts = splitEmail(body);
    expect(parts.own.trim()).toBe('Still waiting.');
    expect(parts.quoted).toContain('It will be fixed.');
  });

  it('separates interleaved "> " quote lines', () => {
    const parts = splitEmail('> You said the bins would be emptied\nThey were not.');
    expect(parts.own.trim()).toBe('They were not.');
    expect(parts.quoted).toBe('> You said the bins would be emptied');
  });

  it('separates signatures after "-- ", "Sent from my iPhone" and a closing sign-off', () => {
    expect(splitEmail('Thanks.\n-- \nJo Bloggs\n07700 900000').signature).toBe('-- \nJo Bloggs\n07700 900000');
    expect(splitEmail('Thanks.\n\nSent from my iPhone').signature).toBe('Sent from my iPhone');
    expect(splitEmail('Fix the road.\n\nKind regards,\nBob Smith').signature).toBe('Kind regards,\nBob Smith');
  });
});

describe('classify on whole emails', () => {
  it('does not blame the sender for a threat that only appears in the quoted reply', () => {
    const body = 'Thank you for the update.\n\nOn 3 March 2026, Cllr Brown wrote:\n> Someone told me they would kill me.\n> I will kill you all.';
    const v = classify({ body });
    expect(v.severity).toBe('clean');
    expect(v.email?.quoted).toContain('I will kill you all');
  });

  it('scores the subject line as well as the body, and says which field matched', () => {
    const v = classify({ subject: 'You will die', body: 'See subject.' });
    expect(v.severity).toBe('threat_to_life');
    expect(v.evidence[0]).toMatchObject({ field: 'subject', phrase: 'You will die', start: 0, end: 12 });
  });

  it('reads HTML-only mail and points evidence into the converted text', () => {
    const v = classify({ body: '', html: '<div><p>Hello.</p><p>I know <b>where you live</b>.</p></div>' });
    expect(v.severity).toBe('threat');
    const ev = v.evidence.find((e) => e.category === 'doxxing')!;
    expect(v.bodyText?.slice(ev.start, ev.end)).toBe(ev.phrase);
    expect(ev.phrase).toBe('I know where you live');
  });

  it('sends empty and encrypted mail to review instead of calling it clean', () => {
    expect(classify({ body: '' })).toMatchObject({ severity: 'review', error: 'EMPTY_BODY' });
    expect(classify({ body: '-----BEGIN PGP MESSAGE-----\nhQEMA...\n-----END PGP MESSAGE-----' }).severity).toBe('review');
  });
});
