import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from './dovecot.ts';
import { filterConfig, stack as sharedStack, startFilter, waitFor, type Stack } from './stack.ts';
import * as m from './messages.ts';

const USER = 'hidden@council.example';
let dovecot: Dovecot;
let stack: Stack;

beforeAll(async () => {
  stack = sharedStack();
  dovecot = await startDovecot([USER]);
});
afterAll(async () => {
  await dovecot?.cleanup();
});

/** Real UTF-16LE text, base64 in transit, as a mail client that writes UTF-16 sends it. */
function realUtf16(body: string): m.Built {
  const msg = m.mislabelledCharset('', 'utf-16le');
  const encoded = Buffer.from(body, 'utf16le').toString('base64');
  return {
    messageId: msg.messageId,
    raw: msg.raw
      .replace('charset=utf-16le\r\n', `charset=utf-16le\r\nContent-Transfer-Encoding: base64\r\n`)
      .replace(/\r\n\r\n\r\n$/, `\r\n\r\n${encoded}\r\n`),
  };
}

describe('threats hidden from a first reading', () => {
  it('quarantines a threat to life forwarded as an attached message under a clean note, and abuse under a wrong charset label', async () => {
    const forwardedThreat = m.forwarded(m.textMessage(m.THREAT_TO_LIFE, { subject: 'you' }));
    const twiceForwarded = m.forwarded(m.forwarded(m.textMessage(m.ABUSE, { subject: 'deeper' })), undefined, 'inline');
    const mislabelled = m.mislabelledCharset(m.ABUSE);
    const cleanForward = m.forwarded(m.textMessage(m.CLEAN, { subject: 'potholes' }));
    const cleanUtf16 = realUtf16(m.CLEAN);
    for (const x of [forwardedThreat, twiceForwarded, mislabelled, cleanForward, cleanUtf16]) dovecot.deliver(USER, x.raw);

    const filter = startFilter(filterConfig(stack, dovecot, USER));
    try {
      await waitFor('the hidden threats in Quarantine', async () => (await dovecot.list(USER, 'Quarantine')).length >= 3, 60_000, 500);
      await waitFor(
        'clean mail scanned',
        async () => {
          const inbox = await dovecot.list(USER, 'INBOX');
          return inbox.length > 0 && inbox.every((x) => x.flags.has('$WardguardScanned'));
        },
        30_000,
      );
      const quarantine = await dovecot.list(USER, 'Quarantine');
      expect(quarantine.map((x) => x.messageId).sort()).toEqual([forwardedThreat, twiceForwarded, mislabelled].map((x) => x.messageId).sort());
      expect((await dovecot.list(USER, 'INBOX')).map((x) => x.messageId).sort()).toEqual([cleanForward, cleanUtf16].map((x) => x.messageId).sort());
      const records = await stack.records(USER);
      const by = (id: string) => records.find((r) => r.messageId === id)!;
      expect(by(forwardedThreat.messageId)).toMatchObject({ severity: 'threat_to_life' });
      expect(by(twiceForwarded.messageId)).toMatchObject({ severity: 'abuse' });
      expect(by(mislabelled.messageId)).toMatchObject({ severity: 'abuse' });
      // A forwarded threat to life is alerted like any other.
      await waitFor(
        'the threat-to-life webhook',
        async () => (await stack.received()).webhookCalls.some((c) => c.exhibitRef === by(forwardedThreat.messageId).exhibitRef),
        30_000,
      );
    } finally {
      await filter.kill();
    }
  }, 150_000);
});
