import { describe, expect, it, vi } from 'vitest';

// No real message makes mailparser throw on demand, so this one file stands a parser that
// does in for it: what matters is what the scan does next.
vi.mock('mailparser', () => ({
  simpleParser: () => Promise.reject(new Error('Unexpected end of input')),
}));

const { scanMessage } = await import('./scan-message.ts');

describe('a message the parser cannot read at all', () => {
  it('goes to review as PARSE_FAILED with the reason, never to clean', async () => {
    const raw = Buffer.from('From: someone@example.net\r\nSubject: x\r\n\r\nbody');
    const { record, verdict } = await scanMessage(raw, { mailbox: 'alice@council.example', councillorId: 'u1', receivedAt: new Date('2026-11-23T10:00:00Z') });
    expect(record.unreadable).toBe('PARSE_FAILED: Unexpected end of input');
    expect(verdict.severity).toBe('review');
    expect(record.verdict.severity).toBe('review');
  });
});
