import { describe, expect, it } from 'vitest';
import { MATCH_CLOSE, MATCH_OPEN, snippetParts } from './snippet.ts';

const o = MATCH_OPEN;
const c = MATCH_CLOSE;

describe('snippetParts', () => {
  it('splits a snippet into plain text and matched words', () => {
    expect(snippetParts(`…the ${o}marshmallow${c} factory is a ${o}disgrace${c}`)).toEqual([
      { text: '…the ', match: false },
      { text: 'marshmallow', match: true },
      { text: ' factory is a ', match: false },
      { text: 'disgrace', match: true },
    ]);
  });

  it('keeps markup as text and survives stray or unclosed markers', () => {
    expect(snippetParts(`<b>${o}x${c}</b>`)).toEqual([
      { text: '<b>', match: false },
      { text: 'x', match: true },
      { text: '</b>', match: false },
    ]);
    expect(snippetParts(`a${c}b${o}c`)).toEqual([{ text: 'abc', match: false }]);
    expect(snippetParts(`${o}${c}`)).toEqual([]);
  });
});
