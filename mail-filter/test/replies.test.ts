import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { startDovecot, type Dovecot } from './dovecot.ts';
import { filterConfig, stack as sharedStack, startFilter, waitFor, type Stack } from './stack.ts';
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
      const [email] = await waitFor('the reply delivered', async () => {
        const got = await repliesTo(sender);
        return got.length > 0 ? got : null;
      }, 30_000);
      const parsed = await simpleParser(email!.raw);
      expect(parsed.inReplyTo).toBe(msg.messageId);
      expect([parsed.references].flat()).toContain(msg.messageId);
      expect(parsed.from?.value[0]?.address).toBe(USER);
      expect(parsed.text).toContain('Dear Angry One,');
      expect(parsed.html).toContain('<p>Dear Angry One,</p>');
      expect(parsed.text).not.toMatch(/idiot|fucking/i);
      expect(parsed.messageId).toMatch(/^<wardguard-reply-.+@council\.example>$/);

      const sent = await waitFor('copy in Sent', async () => (await dovecot.list(USER, 'Sent')).find((m) => m.messageId === parsed.messageId), 30_000);
      expect(sent.flags.has('\\Seen')).toBe(true);
      await waitFor('reply recorded as sent', async () => {
        const res = await stack.officer(`/replies?recordId=${record.id}`);
        return ((await res.json()) as { replies: { state: string }[] }).replies[0]?.state === 'sent';
      }, 15_000);

      await filter.kill('SIGKILL');
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
      await filter.kill('SIGKILL');
    }
    const approved = (await (await stack.officer('/replies', { method: 'POST', json: { recordId: record.id, templateKey: 'cessation', values } })).json()) as { id: string };
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
});
