import { describe, expect, it } from 'vitest';
import { classify } from './classify.ts';

const verdict = (body: string) => classify({ body }, { model: null });

describe('weapons and death in emoji', () => {
  it.each(["I'll 🔪 you", 'You\u2019re getting 🔫 councillor', "I'll put you in a ⚰️"])('reads "%s" as a threat to life', (s) =>
    expect(verdict(s).severity).toBe('threat_to_life'),
  );

  it('flags a message of nothing but weapons as a threat, with the emoji as evidence', () => {
    const v = verdict('  🔪🔪🔫  ');
    expect(v.severity).toBe('threat');
    expect(v.evidence[0]).toMatchObject({ rule: 'emoji-weapon', phrase: '🔪🔪🔫', start: 2, end: 8 });
  });

  it.each(['👍', '😂💀', '🙏🙏', '12:30?', 'I am dead 💀 that speech was so funny'])('keeps the harmless "%s" clean: a reaction is a readable answer', (s) =>
    expect(verdict(s).severity).toBe('clean'),
  );

  it('still sends an empty body to review', () => {
    expect(verdict('')).toMatchObject({ severity: 'review', error: 'EMPTY_BODY' });
  });
});
