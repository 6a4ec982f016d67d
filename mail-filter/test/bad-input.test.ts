import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from './dovecot.ts';
import { filterConfig, stack as sharedStack, startFilter, waitFor, type Stack } from './stack.ts';
import * as m from './messages.ts';

const USER = 'badinput@council.example';
let dovecot: Dovecot;
let stack: Stack;

beforeAll(async () => {
  stack = sharedStack();
  dovecot = await startDovecot([USER]);
});
afterAll(async () => {
  await dovecot?.cleanup();
});

describe('hostile and broken mail', () => {
  it('sends unreadable mail to review, reads the rest, and keeps the mailbox loop running', async () => {
    const malformed = m.malformedMime();
    const tooDeep = m.nestedTooDeep(m.THREAT_TO_LIFE);
    const eightBit = m.eightBitHeaders(m.ABUSE);
    const cleanEightBit = m.eightBitHeaders(m.CLEAN);
    const charset = m.unknownCharset(m.ABUSE);
    const html = m.hostileHtml(m.THREAT_TO_LIFE);
    const big = m.bigAttachment(25 * 1024 * 1024, m.ABUSE);
    const empty = m.emptyMessage();
    const image = m.imageOnly();
    const after = m.textMessage(m.ABUSE, { subject: 'after the bad ones' });
    const cleanAfter = m.textMessage(m.CLEAN, { subject: 'clean after the bad ones' });
    for (const x of [malformed, tooDeep, eightBit, cleanEightBit, charset, html, big, empty, image, after, cleanAfter]) dovecot.deliver(USER, x.raw);

    const filter = startFilter(filterConfig(stack, dovecot, USER));
    try {
      const quarantinedIds = [malformed, tooDeep, eightBit, charset, html, big, empty, image, after].map((x) => x.messageId).sort();
      await waitFor(
        'every flagged or unreadable message in Quarantine',
        async () => (await dovecot.list(USER, 'Quarantine')).length === quarantinedIds.length,
        90_000,
        500,
      );
      await waitFor('clean mail scanned', async () => (await dovecot.list(USER, 'INBOX')).every((x) => x.flags.has('$WardguardScanned')), 15_000);

      const inbox = await dovecot.list(USER, 'INBOX');
      const quarantine = await dovecot.list(USER, 'Quarantine');
      expect(inbox.map((x) => x.messageId).sort()).toEqual([cleanEightBit.messageId, cleanAfter.messageId].sort());
      expect(quarantine.map((x) => x.messageId).sort()).toEqual(quarantinedIds);

      const records = await stack.records(USER);
      const by = (id: string) => records.find((r) => r.messageId === id)!;
      expect(by(malformed.messageId)).toMatchObject({ severity: 'review', unreadable: 'MALFORMED_MIME' });
      // Past the parser's nesting limit neither the filter nor the Worker reads it: a person does.
      expect(by(tooDeep.messageId)).toMatchObject({ severity: 'review', unreadable: expect.stringMatching(/^PARSE_FAILED: .*nesting depth/) });
      expect(by(empty.messageId)).toMatchObject({ severity: 'review', unreadable: 'EMPTY' });
      expect(by(image.messageId)).toMatchObject({ severity: 'review', unreadable: 'IMAGE_ONLY' });
      expect(by(html.messageId).severity).toBe('threat_to_life');
      expect(by(eightBit.messageId)).toMatchObject({ severity: 'abuse', subject: expect.stringContaining('Grüße') });
      expect(by(charset.messageId).severity).toBe('abuse');
      // The 25 MB message is evidence like any other: stored byte-for-byte.
      const bigStored = quarantine.find((x) => x.messageId === big.messageId)!;
      expect(by(big.messageId)).toMatchObject({
        severity: 'abuse',
        sourceSize: bigStored.source.byteLength,
        sourceSha256: createHash('sha256').update(bigStored.source).digest('hex'),
      });
      expect(bigStored.source.byteLength).toBeGreaterThan(25 * 1024 * 1024);
      expect(filter.proc.exitCode).toBeNull();
      expect(filter.logs.join('')).not.toMatch(/message left in the inbox/);
    } finally {
      await filter.kill();
    }
  }, 150_000);
});
