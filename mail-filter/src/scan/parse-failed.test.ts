import { MAX_NESTING_DEPTH } from '@wardguard/shared/mime';
import { describe, expect, it } from 'vitest';
import { scanMessage } from './scan-message.ts';
import { ABUSE } from '../../test/messages.ts';

const ctx = { mailbox: 'alice@council.example', councillorId: 'u1', receivedAt: new Date('2026-11-23T10:00:00Z') };

/** Abuse `depth` multiparts down: past the parser's limit no reader (filter or Worker) reads it. */
function nested(depth: number): Buffer {
  let part = ['Content-Type: text/plain; charset=utf-8', '', ABUSE].join('\r\n');
  for (let i = depth; i > 0; i--) part = [`Content-Type: multipart/mixed; boundary="n${i}"`, '', `--n${i}`, part, `--n${i}--`].join('\r\n');
  return Buffer.from(['From: someone@example.net', 'Subject: x', 'Message-ID: <deep@example.net>', 'MIME-Version: 1.0', part, ''].join('\r\n'));
}

describe('a message the parser cannot read at all', () => {
  it('goes to review as PARSE_FAILED with the reason, never to clean, and keeps the headers the record needs', async () => {
    const { record, verdict } = await scanMessage(nested(MAX_NESTING_DEPTH + 10), ctx);
    expect(record.unreadable).toMatch(/^PARSE_FAILED: .*nesting depth/);
    expect(verdict.severity).toBe('review');
    expect(record).toMatchObject({ messageId: '<deep@example.net>', from: 'someone@example.net', subject: 'x', verdict: { severity: 'review' } });
  });

  it(`reads abuse ${MAX_NESTING_DEPTH} multiparts down, as the Worker shows it`, async () => {
    const { record } = await scanMessage(nested(MAX_NESTING_DEPTH), ctx);
    expect(record).toMatchObject({ unreadable: null, messageId: '<deep@example.net>', verdict: { severity: 'abuse' } });
  });

  it('reads a message with 10,000 header lines', async () => {
    const headers = Array.from({ length: 10_000 }, (_, i) => `X-Trace-${i}: hop ${i} relay.example`);
    const raw = Buffer.from(['From: someone@example.net', 'Subject: x', ...headers, 'Content-Type: text/plain', '', ABUSE, ''].join('\r\n'));
    expect((await scanMessage(raw, ctx)).record).toMatchObject({ unreadable: null, verdict: { severity: 'abuse' } });
  });
});
