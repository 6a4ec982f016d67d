import { describe, expect, it } from 'vitest';
import { memoByWord, wordId, wordIdAt, wordOf } from './word-ids.ts';

describe('word ids', () => {
  it('gives the same word the same id wherever it appears, and one shared string', () => {
    const text = 'kill the councillor, kill';
    const a = wordIdAt(text, 0, 4);
    const b = wordIdAt(text, text.length - 4, text.length);
    expect(a).toBe(b);
    expect(wordId('kill')).toBe(a);
    expect(wordOf(a)).toBe('kill');
    expect(wordId('the')).not.toBe(a);
  });

  it('keeps every id stable while the table grows', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => wordId(`w${i}x`));
    expect(new Set(ids).size).toBe(5000);
    expect(Array.from({ length: 5000 }, (_, i) => wordId(`w${i}x`))).toEqual(ids);
  });

  it('computes a memoised fact once per word', () => {
    let calls = 0;
    const length = memoByWord((w) => (calls++, w.length));
    const ref = { word: 'scum', id: wordId('scum') };
    expect([length(ref), length(ref), length({ word: 'scum', id: -1 })]).toEqual([4, 4, 4]);
    expect(calls).toBe(2);
  });
});
