import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { findMessage } from '../src/actions/find-message.ts';
import { startDovecot, type Dovecot } from './dovecot.ts';
import { textMessage } from './messages.ts';

// Decisions used to read every message sharing the Message-ID, or every message in Quarantine
// when the sender gave none. These count what is read from a real Dovecot.
const USER = 'find@council.example';
let dovecot: Dovecot;
let client: ImapFlow;
const fetched: string[] = [];

const noId = (body: string) => textMessage(body).raw.replace(/^Message-ID: .*\r\n/m, '');
const sha = (raw: string) => createHash('sha256').update(Buffer.from(raw)).digest('hex');
const wanted = (raw: string) => ({ messageId: '<abc@wardguard.invalid>', sourceSha256: sha(raw), sourceSize: Buffer.byteLength(raw) });

beforeAll(async () => {
  dovecot = await startDovecot([USER]);
  client = new ImapFlow({ ...dovecot.imapFor(USER), auth: { user: USER, pass: 'secret' }, logger: false });
  await client.connect();
  await client.mailboxCreate('Quarantine');
  // Forty messages without a Message-ID, each a different size, then the one decided on.
  for (let i = 0; i < 40; i++) await dovecot.append(USER, noId(`${'x'.repeat(i)}`), 'Quarantine');
  const fetchOne = client.fetchOne.bind(client);
  client.fetchOne = ((range, query, options) => {
    fetched.push(String(range));
    return fetchOne(range, query, options);
  }) as ImapFlow['fetchOne'];
}, 60_000);
afterAll(async () => {
  await client?.logout().catch(() => {});
  await dovecot?.cleanup();
});

async function inQuarantine<T>(fn: () => Promise<T>): Promise<T> {
  fetched.length = 0;
  const lock = await client.getMailboxLock('Quarantine');
  try {
    // The filter selects Quarantine afresh for each round of decisions; here it stays
    // selected while another connection appends, so let the server tell us what arrived.
    await client.noop();
    return await fn();
  } finally {
    lock.release();
  }
}

describe('finding the message a decision names', () => {
  it('reads only the UID the quarantine MOVE gave it', async () => {
    const raw = noId('You useless idiot, the one the officer decided on.');
    await dovecot.append(USER, raw, 'Quarantine');
    const found = await inQuarantine(async () => {
      const uids = await client.search({ all: true }, { uid: true });
      const last = (uids || []).at(-1)!;
      return findMessage(client, wanted(raw), { uidValidity: client.mailbox ? client.mailbox.uidValidity : 0n, uids: [last] });
    });
    expect(found.by).toBe('uid');
    expect(found.uids).toHaveLength(1);
    expect(fetched).toHaveLength(1);
  });

  it('without the UID (after a restart), reads only messages of the recorded size', async () => {
    const raw = noId('Another one: you are a disgrace, decided after a restart.');
    await dovecot.append(USER, raw, 'Quarantine');
    const found = await inQuarantine(() => findMessage(client, wanted(raw)));
    expect(found).toMatchObject({ by: 'size', uids: [expect.any(Number)] });
    expect(fetched).toHaveLength(1);
  });

  it('with a UID from an older folder generation, ignores it and still finds the message', async () => {
    const raw = noId('A third: decided with a stale UIDVALIDITY.');
    await dovecot.append(USER, raw, 'Quarantine');
    const found = await inQuarantine(() => findMessage(client, wanted(raw), { uidValidity: 1n, uids: [1] }));
    expect(found).toMatchObject({ by: 'size', uids: [expect.any(Number)] });
    expect(fetched).toHaveLength(1);
  });

  it('a UID now holding other bytes is not taken for the message', async () => {
    const raw = noId('A fourth, whose remembered UID now holds something else.');
    await dovecot.append(USER, raw, 'Quarantine');
    const found = await inQuarantine(() => findMessage(client, wanted(raw), { uidValidity: client.mailbox ? client.mailbox.uidValidity : 0n, uids: [1] }));
    expect(found.by).toBe('size');
    expect(found.uids).not.toContain(1);
    expect(found.uids).toHaveLength(1);
  });

  it('finds every copy of the same bytes, and nothing for bytes that are not there', async () => {
    const raw = noId('Sent twice: you should be ashamed.');
    await dovecot.append(USER, raw, 'Quarantine');
    await dovecot.append(USER, raw, 'Quarantine');
    expect((await inQuarantine(() => findMessage(client, wanted(raw)))).uids).toHaveLength(2);
    const missing = await inQuarantine(() => findMessage(client, wanted(noId('never delivered'))));
    expect(missing.uids).toEqual([]);
  });
});
