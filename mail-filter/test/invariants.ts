import { expect } from 'vitest';
import type { Dovecot } from './dovecot.ts';
import type { Built } from './messages.ts';
import { waitFor, type Stack } from './stack.ts';

const sorted = (xs: (string | null)[]) => [...xs].sort();

/**
 * After any fault: INBOX + Quarantine hold exactly the messages sent (none lost, none
 * doubled), the flagged ones are all in Quarantine, and each has exactly one Worker record.
 */
export async function expectNothingLostOrDoubled(stack: Stack, dovecot: Dovecot, user: string, sent: Built[], flagged: Built[]) {
  const flaggedIds = sorted(flagged.map((m) => m.messageId));
  await waitFor(
    'every flagged message quarantined and recorded',
    async () => {
      const q = await dovecot.list(user, 'Quarantine');
      const records = await stack.records(user);
      return q.length >= flagged.length && records.length >= flagged.length;
    },
    60_000,
    500,
  );
  const inbox = await dovecot.list(user, 'INBOX');
  const quarantine = await dovecot.list(user, 'Quarantine');
  expect(sorted([...inbox, ...quarantine].map((m) => m.messageId))).toEqual(sorted(sent.map((m) => m.messageId)));
  expect(sorted(quarantine.map((m) => m.messageId))).toEqual(flaggedIds);
  const records = await stack.records(user);
  expect(sorted(records.map((r) => r.messageId))).toEqual(flaggedIds);
}
