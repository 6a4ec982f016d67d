import { describe, expect, it } from 'vitest';
import { MAX_NESTING_DEPTH, parseEmail } from './parse-email.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const HEAD = ['From: A Resident <resident@sender.example>', 'To: cllr@council.example', 'Subject: You', 'MIME-Version: 1.0'];

/** A message whose text part sits `depth` multiparts down. */
function nested(depth: number, body: string): Uint8Array {
  let part = ['Content-Type: text/plain; charset=utf-8', '', body].join('\r\n');
  for (let i = depth; i > 0; i--) part = [`Content-Type: multipart/mixed; boundary="b${i}"`, '', `--b${i}`, part, `--b${i}--`].join('\r\n');
  return enc([...HEAD, part, ''].join('\r\n'));
}

const forward = (disposition: string) =>
  enc(
    [
      ...HEAD,
      'Content-Type: multipart/mixed; boundary="f"',
      '',
      '--f',
      'Content-Type: text/plain',
      '',
      'See below.',
      '--f',
      'Content-Type: message/rfc822',
      `Content-Disposition: ${disposition}`,
      '',
      'From: angry@example.net',
      'Subject: inner',
      '',
      'I know where you live',
      '--f--',
      '',
    ].join('\r\n'),
  );

describe('the one MIME parse', () => {
  it('reads a message with 10,000 header lines', async () => {
    const headers = Array.from({ length: 10_000 }, (_, i) => `X-Trace-${i}: hop ${i} relay.example`);
    const parsed = await parseEmail(enc([...HEAD, ...headers, 'Content-Type: text/plain', '', 'Still here.', ''].join('\r\n')));
    expect(parsed.headers.length).toBeGreaterThan(10_000);
    expect(parsed.text).toContain('Still here.');
  });

  it(`reads text ${MAX_NESTING_DEPTH} multiparts deep and refuses a message nested deeper`, async () => {
    expect((await parseEmail(nested(MAX_NESTING_DEPTH, 'deep words'))).text).toContain('deep words');
    await expect(parseEmail(nested(MAX_NESTING_DEPTH + 5, 'too deep'))).rejects.toThrow(/nesting depth/);
  });

  it('folds an attached message into the text by default, and keeps it apart when asked', async () => {
    const inline = await parseEmail(forward('attachment; filename="fwd.eml"'));
    expect(inline.attachments.map((a) => a.mimeType)).toEqual(['message/rfc822']);
    const shown = await parseEmail(forward('inline'));
    expect(shown.text).toContain('I know where you live');
    const apart = await parseEmail(forward('inline'), { attachedMessages: 'separate' });
    expect(apart.text).not.toContain('I know where you live');
    expect(apart.attachments).toHaveLength(1);
    expect(new TextDecoder().decode(apart.attachments[0]!.content as ArrayBuffer)).toContain('I know where you live');
  });

  it('reads the bytes of a Node-style view into a larger buffer, not the whole buffer', async () => {
    const whole = enc(`junk before\r\n${[...HEAD, 'Content-Type: text/plain', '', 'Only this.', ''].join('\r\n')}junk after`);
    const view = whole.subarray(13, whole.byteLength - 10);
    const parsed = await parseEmail(view);
    expect(parsed.subject).toBe('You');
    expect(parsed.text?.trim()).toBe('Only this.');
  });
});
