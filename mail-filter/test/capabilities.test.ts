import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from './dovecot.ts';
import { filterConfig, stack as sharedStack, startFilter, waitFor, type Stack } from './stack.ts';
import { ABUSE, textMessage } from './messages.ts';

const USER = 'no-move@council.example';
let dovecot: Dovecot;
let stack: Stack;

beforeAll(async () => {
  stack = sharedStack();
  // Dovecot's own capability list, minus MOVE: what an older or stripped-down server offers.
  dovecot = await startDovecot([USER], 'imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ UIDPLUS\n');
});
afterAll(async () => {
  await dovecot?.cleanup();
});

describe('an IMAP server without MOVE', () => {
  it('is not filtered at all: the filter says why once, and copies, deletes and expunges nothing', async () => {
    const msg = textMessage(ABUSE, { subject: 'would need a MOVE' });
    dovecot.deliver(USER, msg.raw);
    const filter = startFilter(filterConfig(stack, dovecot, USER));
    try {
      await waitFor('the refusal logged', async () => /"code":"IMAP_NO_MOVE"/.test(filter.logs.join('')), 30_000);
      // Several reconnect back-offs' worth of time: no retry loop, nothing touched.
      await new Promise((r) => setTimeout(r, 3000));
      expect(filter.logs.join('').match(/account NOT filtered: the server cannot MOVE/g)).toHaveLength(1);
      const inbox = await dovecot.list(USER, 'INBOX');
      expect(inbox.map((m) => m.messageId)).toEqual([msg.messageId]);
      expect([...inbox[0]!.flags].filter((f) => f !== '\\Recent')).toEqual([]);
      expect(await dovecot.list(USER, 'Quarantine')).toEqual([]);
      expect(await stack.records(USER)).toEqual([]);
      expect(filter.proc.exitCode).toBeNull();
    } finally {
      await filter.kill();
    }
  }, 60_000);
});
