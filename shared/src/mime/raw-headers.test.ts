import { describe, expect, it } from 'vitest';
import { rawHeaders } from './raw-headers.ts';

describe('the top headers of a message no parser reads', () => {
  it('joins folded lines, keeps UTF-8, and stops at the first blank line', () => {
    const eml = new TextEncoder().encode(
      ['From: Jörg <j@example.net>', 'Subject: a long', '\tsubject', 'Message-ID: <m@example.net>', '', 'X-Not: a header', 'body'].join('\r\n'),
    );
    expect(rawHeaders(eml).map((h) => [h.key, h.value])).toEqual([
      ['from', 'Jörg <j@example.net>'],
      ['subject', 'a long subject'],
      ['message-id', '<m@example.net>'],
    ]);
    expect(rawHeaders(new Uint8Array([0xff, 0x00, 0x0a]))).toEqual([]);
  });
});
