import { describe, expect, it } from 'vitest';
import { normalise, toOriginalSpan } from './normalise.ts';
import { VOCABULARY } from './vocabulary.ts';

const norm = (s: string) => normalise(s, { vocabulary: VOCABULARY });
const words = (s: string) => norm(s).tokens.map((t) => t.word);
/** The original characters behind the normalised word `w`. */
function originalOf(s: string, w: string): string {
  const n = norm(s);
  const t = n.tokens.find((x) => x.word === w);
  if (!t) throw new Error(`no token ${w} in ${JSON.stringify(n.text)}`);
  const { start, end } = toOriginalSpan(n, t.nStart, t.nEnd);
  return s.slice(start, end);
}

describe('normalise', () => {
  it('reads full-width and mathematical letters as plain ASCII (NFKC)', () => {
    expect(words('Ｆｕｃｋ 𝐨𝐟𝐟')).toEqual(['fuck', 'off']);
  });

  it('reads Cyrillic and Greek look-alike letters as Latin', () => {
    expect(words('у\u043eu аrе sсum')).toEqual(['you', 'are', 'scum']);
  });

  it('ignores zero-width characters hidden inside a word', () => {
    expect(words('k\u200Bi\u200Cl\u200Dl you')).toEqual(['kill', 'you']);
  });

  it('undoes leet spelling inside words but leaves real numbers alone', () => {
    expect(words('y0u w1ll d13 on the 3rd at 10pm near the M25')).toEqual(['you', 'will', 'die', 'on', 'the', '3rd', 'at', '10pm', 'near', 'the', 'm25']);
  });

  it('collapses stretched letters to the word they stretch', () => {
    expect(words('fuuuuuck kiiiiilll')).toEqual(['fuck', 'kill']);
  });

  it('rejoins s p a c e d letters, splitting off a trailing pronoun', () => {
    expect(words('I will k i l l u')).toEqual(['i', 'will', 'kill', 'u']);
  });

  it('joins letters split by punctuation but keeps hyphenated words apart', () => {
    expect(words('f.u.c.k off, a well-known c-u-n-t')).toEqual(['fuck', 'off', 'a', 'well', 'known', 'cunt']);
  });

  it('keeps masked letters so f**k can be matched against the word list', () => {
    expect(words('f**k this')).toEqual(['f**k', 'this']);
  });

  it('maps every normalised word back to the exact characters the sender typed', () => {
    const s = 'Well  y0u  f.u.c.k1ng k i l l e r, Ｆｕｃｋ off!!!';
    expect(originalOf(s, 'you')).toBe('y0u');
    expect(originalOf(s, 'fucking')).toBe('f.u.c.k1ng');
    expect(originalOf(s, 'killer')).toBe('k i l l e r');
    expect(originalOf(s, 'fuck')).toBe('Ｆｕｃｋ');
    expect(originalOf(s, 'off')).toBe('off');
  });

  it('remembers capitalisation and sentence starts for name detection', () => {
    const t = norm('We met in Penistone. Dick came too.').tokens;
    const penistone = t.find((x) => x.word === 'penistone')!;
    const dick = t.find((x) => x.word === 'dick')!;
    expect(penistone).toMatchObject({ capitalised: true, sentenceStart: false });
    expect(dick).toMatchObject({ capitalised: true, sentenceStart: true });
    expect(t.find((x) => x.word === 'met')).toMatchObject({ capitalised: false });
  });
});
