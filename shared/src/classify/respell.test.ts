import { describe, expect, it } from 'vitest';
import { normalise } from './normalise.ts';
import { splitHashtag, unmask } from './respell.ts';

describe('respell: harm words written to slip past a word list', () => {
  it.each([
    ['i wiil kil u', 'i will kill u'],
    ['ur ded', 'ur dead'],
    ['ima merk u', 'ima kill u'],
  ])('reads "%s" as "%s"', (raw, text) => expect(normalise(raw).text).toBe(text));

  it('leaves words that merely contain a harm spelling alone', () => {
    expect(normalise('a skilled deed with a kiln').text).toBe('a skilled deed with a kiln');
  });

  it('reads a star as one letter, and only when one harm word fits', () => {
    expect(unmask('k*ll')).toBe('kill');
    expect(unmask('st*b')).toBe('stab');
    expect(unmask('sh**t')).toBe('shoot');
    expect(unmask('k**l')).toBe('kill');
  });

  it('keeps a masked swear word a swear word', () => {
    expect(unmask('sh*t')).toBeNull();
    expect(unmask('f**k')).toBeNull();
  });

  it('splits a hashtag only into a harm verb and someone it lands on', () => {
    expect(splitHashtag('hangthemall')).toEqual(['hang', 'them', 'all']);
    expect(splitHashtag('killallmps')).toEqual(['kill', 'all', 'mps']);
    expect(splitHashtag('killthebill')).toBeNull();
    expect(splitHashtag('therapist')).toBeNull();
  });

  it('keeps offsets on the original text', () => {
    const n = normalise('so true #hangthemall');
    const hang = n.tokens.find((t) => t.word === 'hang')!;
    expect(n.original.slice(hang.start, hang.end)).toBe('hangthemall');
  });

  it('reads text-speak letters only after the word that makes them words', () => {
    expect(normalise('u r ded m8').text).toBe('u are dead m8');
    expect(normalise('ur getin smakd nxt time').text).toBe('ur getting smacked next time');
    expect(normalise('plan c is fine, Mr R Shah agrees').text).toBe('plan c is fine, mr r shah agrees');
    expect(normalise('i wil fukin end u and ur famly').text).toBe('i will fucking end u and ur family');
  });
});
