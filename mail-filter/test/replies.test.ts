import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEmail } from '@wardguard/shared/mime';
import { SMTPServer } from 'smtp-server';
import { REPLY_STUCK_AFTER_MS, replyMessageId } from '@wardguard/shared/api/replies';
import { freePort } from './dovecot.ts';
import { startDovecot, type Dovecot } from './dovecot.ts';
import { filterConfig, stack as sharedStack, startFilter, waitFor, type FilterProcess, type Stack } from './stack.ts';
import { ABUSE, textMessage } from './messages.ts';

const USER = 'replies@council.example';
const values = { contact_name: 'Sam Patel', contact_email: 'sam.patel@council.example' };
let dovecot: Dovecot;
let stack: Stack;

beforeAll(async () => {
  stack = sharedStack();
  dovecot = await startDovecot([USER]);
});
afterAll(async () => {
  await dovecot?.cleanup();
});

const config = () => {
  const c = filterConfig(stack, dovecot, USER);
  c.accounts[0] = { ...c.accounts[0]!, smtp: { host: '127.0.0.1', port: stack.smtpPort, secure: false, from: USER } } as never;
  return c;
};
const repliesTo = async (address: string) => (await stack.received()).emails.filter((e) => e.to.includes(address) && e.raw.includes('X-Wardguard-Reply'));
const service = (path: string, init: RequestInit = {}) =>
  fetch(`${stack.workerUrl}/api/v1/replies/service${path}`, { ...init, headers: { authorization: `Bearer ${stack.serviceToken}` } });

/**
 * An SMTP server that takes the whole message after DATA and then sits on its answer to the
 * final dot for `stallMs`; it accepts (delivers) only if the client is still connected then.
 */
async function stallingSmtp(stallMs: number) {
  const closed = new Set<string>();
  const transactions: Array<{ session: string; dataEnded: boolean; outcome: 'delivered' | 'abandoned' | null }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      const t = { session: session.id, dataEnded: false, outcome: null as 'delivered' | 'abandoned' | null };
      transactions.push(t);
      stream.resume();
      stream.on('end', () => {
        t.dataEnded = true;
        setTimeout(() => {
          t.outcome = closed.has(session.id) ? 'abandoned' : 'delivered';
          cb(t.outcome === 'delivered' ? null : new Error('client gone'));
        }, stallMs);
      });
    },
    onClose(session) {
      closed.add(session.id);
    },
  });
  const port = await freePort();
  // A client killed mid-session (the fault tests SIGKILL the filter) resets the socket; that must not crash the run.
  server.on('error', () => undefined);
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return {
    port,
    transactions,
    isClosed: (session: string) => closed.has(session),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** SIGKILLs the filter's process (startFilter runs it as a single node process) and waits for it to be gone. */
async function sigkillFilter(filter: FilterProcess): Promise<void> {
  await filter.kill('SIGKILL');
  expect(filter.proc.signalCode).toBe('SIGKILL');
}

describe("disengagement replies from the councillor's mailbox", () => {
  it('sends an approved reply once, threaded under the original with text and HTML parts, with a copy in Sent, and never again after a restart', async () => {
    const sender = 'angry.one@sender.example';
    const msg = textMessage(ABUSE, { subject: 'Bins', from: `Angry One <${sender}>` });
    dovecot.deliver(USER, msg.raw);
    let filter = startFilter(config());
    try {
      const record = await waitFor('record filed', async () => (await stack.records(USER)).find((r) => r.messageId === msg.messageId), 60_000);
      const approved = await stack.officer('/replies', { method: 'POST', json: { recordId: record.id, templateKey: 'warning', values } });
      expect(approved.status).toBe(201);
      const [email] = await waitFor(
        'the reply delivered',
        async () => {
          const got = await repliesTo(sender);
          return got.length > 0 ? got : null;
        },
        30_000,
      );
      const parsed = await parseEmail(Buffer.from(email!.raw));
      expect(parsed.inReplyTo).toBe(msg.messageId);
      expect(parsed.references?.split(/\s+/)).toContain(msg.messageId);
      expect(parsed.from?.address).toBe(USER);
      expect(parsed.text).toContain('Dear Angry One,');
      expect(parsed.html).toContain('<p>Dear Angry One,</p>');
      expect(parsed.text).not.toMatch(/idiot|fucking/i);
      expect(parsed.messageId).toMatch(/^<wardguard-reply-.+@council\.example>$/);

      const sent = await waitFor('copy in Sent', async () => (await dovecot.list(USER, 'Sent')).find((m) => m.messageId === parsed.messageId), 30_000);
      expect(sent.flags.has('\\Seen')).toBe(true);
      await waitFor(
        'reply recorded as sent',
        async () => {
          const res = await stack.officer(`/replies?recordId=${record.id}`);
          return ((await res.json()) as { replies: { state: string }[] }).replies[0]?.state === 'sent';
        },
        15_000,
      );

      await sigkillFilter(filter);
      filter = startFilter(config());
      await new Promise((r) => setTimeout(r, 5000));
      expect(await repliesTo(sender)).toHaveLength(1);
    } finally {
      await filter.kill();
    }
  }, 150_000);

  it('does not send a reply that a filter claimed before dying mid-send', async () => {
    const sender = 'second.one@sender.example';
    const msg = textMessage(ABUSE, { subject: 'Parking', from: `Second One <${sender}>` });
    dovecot.deliver(USER, msg.raw);
    let filter = startFilter(config());
    let record: { id: string };
    try {
      record = await waitFor('record filed', async () => (await stack.records(USER)).find((r) => r.messageId === msg.messageId), 60_000);
    } finally {
      await sigkillFilter(filter);
    }
    const approved = (await (await stack.officer('/replies', { method: 'POST', json: { recordId: record.id, templateKey: 'cessation', values } })).json()) as {
      id: string;
    };
    // The earlier process took the reply for sending and died before it could report back.
    expect((await service(`/${approved.id}/claim`, { method: 'POST' })).status).toBe(200);
    filter = startFilter(config());
    try {
      await new Promise((r) => setTimeout(r, 6000));
      expect(await repliesTo(sender)).toHaveLength(0);
      const res = await stack.officer(`/replies?recordId=${record.id}`);
      expect(((await res.json()) as { replies: { state: string }[] }).replies[0]?.state).toBe('sending');
    } finally {
      await filter.kill();
    }
  }, 150_000);

  it('delivers nothing when the filter is killed inside the SMTP transaction, sends nothing after the restart, and leaves the reply for an officer to check', async () => {
    const STALL_MS = 15_000;
    const smtp = await stallingSmtp(STALL_MS);
    const stalledConfig = () => {
      const c = config();
      c.accounts[0] = { ...c.accounts[0]!, smtp: { host: '127.0.0.1', port: smtp.port, secure: false, from: USER } } as never;
      return c;
    };
    const sender = 'third.one@sender.example';
    const msg = textMessage(ABUSE, { subject: 'Library hours', from: `Third One <${sender}>` });
    dovecot.deliver(USER, msg.raw);
    let filter = startFilter(stalledConfig());
    try {
      const record = await waitFor('record filed', async () => (await stack.records(USER)).find((r) => r.messageId === msg.messageId), 60_000);
      const approved = (await (await stack.officer('/replies', { method: 'POST', json: { recordId: record.id, templateKey: 'warning', values } })).json()) as {
        id: string;
      };
      const open = await waitFor('the whole reply sent after DATA, its answer pending', async () => smtp.transactions.find((t) => t.dataEnded), 30_000, 50);
      expect(open.outcome).toBeNull();
      const reply = async () =>
        (
          (await (await stack.officer(`/replies?recordId=${record.id}`)).json()) as {
            replies: Array<{ id: string; state: string; claimedAt: string | null; stuck: boolean; stuckFrom: string | null }>;
          }
        ).replies[0]!;
      expect((await reply()).state).toBe('sending');
      // Replies run beside the scan: new abuse is quarantined while the SMTP transaction hangs.
      const during = textMessage(ABUSE, { subject: 'Still here', from: 'Another One <another.one@sender.example>' });
      dovecot.deliver(USER, during.raw);
      await waitFor(
        'new abuse quarantined during the stall',
        async () => (await dovecot.list(USER, 'Quarantine')).some((m) => m.messageId === during.messageId),
        STALL_MS - 3000,
        50,
      );
      expect(open.outcome).toBeNull();

      await sigkillFilter(filter);
      await waitFor('the SMTP server to see the connection drop', async () => smtp.isClosed(open.session), 10_000, 50);
      filter = startFilter(stalledConfig());
      // The stall runs out with nobody to answer, and the restarted filter polls several times.
      await new Promise((r) => setTimeout(r, STALL_MS + 4000));

      expect(smtp.transactions).toHaveLength(1);
      expect(open.outcome).toBe('abandoned');
      expect(await repliesTo(sender)).toHaveLength(0);
      expect((await dovecot.list(USER, 'Sent')).filter((m) => m.messageId === replyMessageId(approved.id, 'council.example'))).toHaveLength(0);

      // What an officer sees: sending since the claim, not yet to be called failed (the filter could still be mid-send).
      const stuck = await reply();
      expect(stuck).toMatchObject({ id: approved.id, state: 'sending', stuck: false });
      expect(Date.parse(stuck.stuckFrom!) - Date.parse(stuck.claimedAt!)).toBe(REPLY_STUCK_AFTER_MS);
      const early = await stack.officer(`/replies/${approved.id}/mark-failed`, { method: 'POST', json: { note: 'Not in the Sent folder.' } });
      expect(early.status).toBe(409);
    } finally {
      await filter.kill();
      await smtp.close();
    }
  }, 150_000);
});
