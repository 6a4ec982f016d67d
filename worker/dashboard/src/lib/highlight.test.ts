import { describe, expect, it } from 'vitest';
import { highlight } from './highlight.ts';

describe('highlighting why a message was flagged', () => {
  it('marks every occurrence of each phrase, case-insensitively, and keeps the rest as text', () => {
    const segs = highlight('I will KILL you. I will kill you.', [{ phrase: 'kill you', category: 'threat_to_life', source: 'rule', rule: 'intent+harm' }]);
    expect(segs.map((s) => [s.text, s.mark?.category ?? null])).toEqual([
      ['I will ', null],
      ['KILL you', 'threat_to_life'],
      ['. I will ', null],
      ['kill you', 'threat_to_life'],
      ['.', null],
    ]);
    expect(segs.map((s) => s.text).join('')).toBe('I will KILL you. I will kill you.');
  });
  it('never overlaps two marks and ignores phrases too short to mean anything', () => {
    const segs = highlight('you idiot', [
      { phrase: 'you idiot', category: 'insult', source: 'rule' },
      { phrase: 'idiot', category: 'insult', source: 'model' },
      { phrase: 'y', category: 'insult', source: 'model' },
    ]);
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['you idiot']);
  });
  it('marks the phrase the classifier scored at its offsets when they fit the text shown, and only there', () => {
    const text = 'Quote: "kill you" is a film. I will kill you.';
    const start = text.lastIndexOf('kill you');
    const segs = highlight(text, [
      { phrase: 'kill you', category: 'threat_to_life', source: 'rule', rule: 'intent+harm', field: 'body', start, end: start + 8 },
    ]);
    let at = 0;
    const marked: Array<[number, string]> = [];
    for (const s of segs) {
      if (s.mark) marked.push([at, s.text]);
      at += s.text.length;
    }
    expect(marked).toEqual([[start, 'kill you']]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });

  it('falls back to finding the phrase when its offsets do not fit the text shown (an attached message, an older record)', () => {
    const segs = highlight('Fwd: I will kill you.', [{ phrase: 'kill you', category: 'threat_to_life', source: 'rule', field: 'body', start: 2, end: 10 }]);
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['kill you']);
  });
});
