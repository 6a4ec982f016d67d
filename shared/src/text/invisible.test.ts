import { describe, expect, it } from 'vitest';
import { INVISIBLE, REORDERING, stripInvisible } from './invisible.ts';

describe('invisible characters', () => {
  it.each([
    ['U+2066 left-to-right isolate', '\u2066'],
    ['U+E0020 tag space', '\u{E0020}'],
    ['U+061C Arabic letter mark', '\u061c'],
    ['U+200B zero-width space', '\u200b'],
    ['U+00AD soft hyphen', '\u00ad'],
    ['U+202E right-to-left override', '\u202e'],
    ['U+FE0F variation selector', '\ufe0f'],
    ['U+3164 Hangul filler', '\u3164'],
  ])('treats %s as invisible and strips it from inside a word', (_name, ch) => {
    expect(INVISIBLE.test(ch)).toBe(true);
    expect(stripInvisible(`ki${ch}ll`)).toBe('kill');
  });

  it('leaves visible letters, spaces and emoji alone', () => {
    expect(stripInvisible('Café, 12 € — 👍 done')).toBe('Café, 12 € — 👍 done');
  });

  it('singles out the controls that reorder text, not the plain direction marks', () => {
    expect(REORDERING.test('\u202e')).toBe(true);
    expect(REORDERING.test('\u2066')).toBe(true);
    expect(REORDERING.test('\u200e')).toBe(false);
  });
});
