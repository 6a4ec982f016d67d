// Issue 14 (speed): flagged mail is filed with the Worker a few at a time and moved to
// quarantine in one MOVE per batch, without giving up "durable before MOVE".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot, type MessageInFolder } from './dovecot.ts';
import { filterConfig, stack as sharedStack, startFilter, waitFor, type Stack } from './stack.ts';
import { ABUSE, manySmallAttachments, textMessage, THREAT, THREAT_TO_LIFE } from './messages.ts';

const USER = 'batches@council.example';
const MIB = 1024 * 1024;
let dovecot: Dovecot;
let stack: Stack;

beforeAll(async () => {
  stack = sharedStack();
  dovecot = await startDovecot([USER]);
}, 120_000);
afterAll(async () => {
  await dovecot?.cleanup();
});

const ids = (ms: Array<{ messageId: string | null }>) => ms.map((m) => m.messageId).sort();

describe('flagged mail filed and quarantined in batches', () => {
  it('records each flagged message of a batch once and moves them together, leaving only the one whose filing failed in the inbox', async () => {
    const before = [
      textMessage(ABUSE, { subject: 'one' }),
      textMessage(THREAT, { subject: 'two' }),
      textMessage(ABUSE, { subject: 'three' }),
      textMessage(`${ABUSE} Again.`, { subject: 'four' }),
    ];
    // Abuse that cannot be made small enough to be filed at all (a filing failure).
    const failing = manySmallAttachments(ABUSE, { subject: 'cannot be filed' });
    const after = [
      textMessage(THREAT_TO_LIFE, { subject: 'six' }),
      textMessage(ABUSE, { subject: 'seven' }),
      textMessage(`${THREAT} Soon.`, { subject: 'eight' }),
    ];
    const sent = [...before, failing, ...after];
    // APPENDed one by one before the filter starts: UIDs in this order, all in one fetch batch.
    for (const m of sent) await dovecot.append(USER, m.raw);
    const uids = (await dovecot.list(USER, 'INBOX')).map((m) => m.uid);
    expect(uids).toHaveLength(8);

    const config = filterConfig(stack, dovecot, USER);
    const filter = startFilter({
      ...config,
      worker: { ...config.worker, maxMessageBytes: MIB },
      batch: { fetchBytes: 16 * MIB, fetchMessages: 100, filingConcurrency: 4 },
    });
    const filed = sent.filter((m) => m !== failing);
    try {
      await waitFor(
        'the batch quarantined and the failed message marked refused',
        async () => {
          const inbox = await dovecot.list(USER, 'INBOX');
          return (await dovecot.list(USER, 'Quarantine')).length === filed.length && inbox.length === 1 && inbox[0]!.flags.has('$WardguardRefused');
        },
        60_000,
        500,
      );
      const log = () => filter.logs.join('').split('\n');
      await waitFor('the refusal logged', async () => log().some((l) => /REFUSED this message/.test(l)), 15_000);

      // Only the message that could not be filed is left, in the middle of the UID run it came in.
      const inbox = await dovecot.list(USER, 'INBOX');
      expect(ids(inbox)).toEqual([failing.messageId]);
      expect(inbox[0]!.uid).toBe(uids[4]);
      const quarantine: MessageInFolder[] = await dovecot.list(USER, 'Quarantine');
      expect(ids(quarantine)).toEqual(ids(filed));
      // Flagged before the MOVE: the keywords travelled with every message, \Flagged with the threats.
      for (const m of quarantine) expect(m.flags.has('$WardguardQuarantined')).toBe(true);
      const threats = quarantine
        .filter((m) => m.flags.has('$Threat'))
        .map((m) => m.messageId)
        .sort();
      expect(threats).toEqual(ids([before[1]!, after[0]!, after[2]!]));
      for (const m of quarantine) expect(m.flags.has('\\Flagged')).toBe(threats.includes(m.messageId));

      // One record each, none for the failed message, and all of them moved by one MOVE.
      // A filing the Worker was slow to answer goes to the spool within seconds and is filed
      // from there by the drain: wait for it, the record must still come exactly once.
      await waitFor('every quarantined message recorded', async () => (await stack.records(USER)).length >= filed.length, 30_000);
      const records = await stack.records(USER);
      expect(ids(records)).toEqual(ids(filed));
      const batches = log()
        .filter((l) => /"msg":"quarantined a batch"/.test(l))
        .map((l) => JSON.parse(l.slice(l.indexOf('{'))) as { moved: number });
      expect(batches.map((b) => b.moved)).toEqual([filed.length]);
      const refusal = log().find((l) => /REFUSED this message/.test(l))!;
      expect(JSON.parse(refusal.slice(refusal.indexOf('{')))).toMatchObject({ code: 'ARTIFACT_TOO_LARGE', messageId: failing.messageId, uid: uids[4] });

      // A later pass files and moves nothing twice.
      await new Promise((r) => setTimeout(r, 2500));
      expect(ids(await stack.records(USER))).toEqual(ids(filed));
      expect(await dovecot.list(USER, 'Quarantine')).toHaveLength(filed.length);
    } finally {
      await filter.kill();
    }
  }, 120_000);
});
