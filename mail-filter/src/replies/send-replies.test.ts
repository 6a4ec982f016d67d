import { describe, expect, it } from 'vitest';
import type { ImapFlow } from 'imapflow';
import type { ReplyToSend } from '@wardguard/shared/api/replies';
import { freePort } from '../../../scripts/lib/free-port.ts';
import type { AccountConfig } from '../config.ts';
import { silentLogger } from '../log.ts';
import type { RepliesClient } from './replies-client.ts';
import { notDeliveredReason, sendPendingReplies } from './send-replies.ts';

const reply: ReplyToSend = {
  id: 'r1',
  recordId: 'm1',
  mailbox: 'alice@council.example',
  to: 'sender@example.net',
  subject: 'Re: bins',
  text: 'Thank you for writing.',
  html: '<p>Thank you for writing.</p>',
  inReplyTo: '<orig@example.net>',
  state: 'sending',
};

/** The Worker's reply queue holding `queued`, recording what the filter reports. */
function fakeQueue(queued = reply) {
  const results: { id: string; outcome: string; detail?: string }[] = [];
  const client = {
    pending: async () => [{ ...queued, state: 'approved' as const }],
    claim: async () => queued,
    result: async (id: string, outcome: 'sent' | 'failed', _m: string | null, detail?: string) =>
      void results.push({ id, outcome, ...(detail ? { detail } : {}) }),
  } as unknown as RepliesClient;
  return { client, results };
}

/** Alice's account, sending through a plain SMTP server on 127.0.0.1:`port`. */
const smtpAccount = (port: number) =>
  ({
    id: 'alice@council.example',
    imap: { user: 'alice@council.example' },
    smtp: { host: '127.0.0.1', port, secure: false },
    folders: { sent: 'Sent' },
  }) as unknown as AccountConfig;

describe('a reply that could not have been delivered', () => {
  it('is reported failed when the SMTP server refuses the connection, so an officer can approve it again', async () => {
    const port = await freePort(); // nothing listens on it
    const account = smtpAccount(port);
    const { client, results } = fakeQueue();
    const sent = await sendPendingReplies({} as ImapFlow, account, client, silentLogger);
    expect(sent).toBe(0);
    expect(results).toEqual([{ id: 'r1', outcome: 'failed', detail: expect.stringMatching(/Could not reach or sign in to the SMTP server.*ECONNREFUSED/) }]);
  });

  it('stays claimed (never resent) when the connection dropped or timed out mid-transaction', () => {
    expect(notDeliveredReason(Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION', command: 'CONN' }))).toBeNull();
    expect(notDeliveredReason(Object.assign(new Error('Timeout'), { code: 'ETIMEDOUT', command: 'CONN' }))).toBeNull();
    expect(notDeliveredReason(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550, command: 'RCPT TO' }))).toMatch(/^SMTP 550/);
    expect(notDeliveredReason(Object.assign(new Error('Invalid login'), { code: 'EAUTH', responseCode: undefined }))).toMatch(/EAUTH/);
  });
});

describe('who a reply may go to', () => {
  it('sends nothing to an address list smuggled in the From header, and reports the reply failed', async () => {
    const { SMTPServer } = await import('smtp-server');
    const recipients: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(address, _session, done) {
        recipients.push(address.address);
        done();
      },
      onData(stream, _session, done) {
        stream.resume();
        stream.on('end', () => done());
      },
    });
    const port = await freePort();
    // A client killed mid-session (the fault tests SIGKILL the filter) resets the socket; that must not crash the run.
    server.on('error', () => undefined);
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      const account = smtpAccount(port);
      const { client, results } = fakeQueue({ ...reply, to: 'a@evil.example,victim@elsewhere.example' });
      expect(await sendPendingReplies({} as ImapFlow, account, client, silentLogger)).toBe(0);
      expect(recipients).toEqual([]);
      expect(results).toEqual([{ id: 'r1', outcome: 'failed', detail: expect.stringMatching(/^REPLY_ADDRESS_INVALID/) }]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
