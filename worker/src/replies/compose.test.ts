import { describe, expect, it } from 'vitest';
import { parseSender } from './compose.ts';

describe('reading who to reply to', () => {
  it.each([
    ['Gary Troll <gary@example.net>', 'Gary Troll', 'gary@example.net'],
    ['"Troll, Gary" <Gary@Example.NET>', 'Troll, Gary', 'gary@example.net'],
    ['gary@example.net', null, 'gary@example.net'],
    ['<gary@example.net>', null, 'gary@example.net'],
    ['"<img src=x>" <evil@example.net>', '<img src=x>', 'evil@example.net'],
    ['Nobody', null, null],
    // A list, a second address after ";" or a group must not reach the reply's To or envelope.
    ['"Troll" <a@evil.example,victim@elsewhere.example>', 'Troll', null],
    ['"Troll" <a@evil.example;victim@elsewhere.example>', 'Troll', null],
    ['a@evil.example,victim@elsewhere.example', null, null],
  ])('%j → name %j, address %j', (from, name, address) => {
    expect(parseSender(from)).toEqual({ name, address });
  });
});
