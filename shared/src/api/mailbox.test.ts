import { describe, expect, it } from 'vitest';
import { isSingleMailbox } from './mailbox.ts';

describe('a reply goes to exactly one mailbox', () => {
  it.each(['gary@example.net', 'g.troll+council@mail.example.co.uk', "o'brien@example.ie"])('accepts %s', (a) => expect(isSingleMailbox(a)).toBe(true));

  it.each([
    'a@evil.example,victim@elsewhere.example',
    'a@evil.example;victim@elsewhere.example',
    'a@evil.example victim@elsewhere.example',
    'a@evil.example\r\nBcc: victim@elsewhere.example',
    '"a,b"@example.net',
    'undisclosed-recipients:;',
    '@route.example:a@example.net',
    'a@localhost',
    'a@@example.net',
    'a@example..net',
    `${'x'.repeat(65)}@example.net`,
    '',
  ])('refuses %j', (a) => expect(isSingleMailbox(a)).toBe(false));
});
