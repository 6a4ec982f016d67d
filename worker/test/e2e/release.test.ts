// The whole loop an officer relies on: the filter quarantines a false positive on a real
// Dovecot, the officer releases it in the dashboard, and the filter moves it back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDovecot, type Dovecot } from '../../../mail-filter/test/dovecot.ts';
import { startFilter, type FilterProcess } from '../../../mail-filter/test/stack.ts';
import { textMessage } from '../../../mail-filter/test/messages.ts';
import { startDashboardStack, type DashboardStack } from './stack.ts';

const USER = 'cllr.khan@council.example';
let stack: DashboardStack;
let dovecot: Dovecot;
let filter: FilterProcess;

async function until<T>(what: string, fn: () => Promise<T | false | null | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

beforeAll(async () => {
  stack = await startDashboardStack();
  dovecot = await startDovecot([USER]);
  filter = startFilter({
    worker: { url: stack.worker.url, token: stack.seed.serviceToken },
    pollSeconds: 1,
    reconnect: { minMs: 200, maxMs: 2000 },
    accounts: [{ id: USER, councillorId: stack.seed.councillorId, imap: dovecot.imapFor(USER) }],
  });
});
afterAll(async () => {
  await filter?.kill();
  await dovecot?.cleanup();
  await stack?.stop();
});

describe('releasing a false positive from the dashboard', () => {
  it('moves the message back to the councillor’s INBOX on the real mail server, once, and shows it applied', async () => {
    const msg = textMessage('The pothole outside number 12 is shit and has burst two tyres this week. Please fix it before someone is hurt.', {
      subject: 'Pothole on Mill Lane',
      from: 'Jo Bloggs <jo.bloggs@example.com>',
    });
    await dovecot.append(USER, msg.raw);
    await until('the filter to quarantine it', async () => (await dovecot.list(USER, 'Quarantine')).some((m) => m.messageId === msg.messageId));

    const context = await stack.browser.newContext();
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    // Straight to the review queue: an officer otherwise lands on the overview.
    await page.goto(`${stack.worker.url}/#/queue`, { waitUntil: 'domcontentloaded' });
    await page.getByLabel('Access token').fill(stack.seed.officerToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Pothole on Mill Lane' }).click();
    await page.getByRole('button', { name: 'Release to inbox', exact: true }).click();
    await page.getByRole('button', { name: 'Confirm: Release to inbox' }).click();
    await page.locator('[data-applied="yes"]').waitFor();

    const inbox = await dovecot.list(USER, 'INBOX');
    expect(inbox.filter((m) => m.messageId === msg.messageId)).toHaveLength(1);
    expect((await dovecot.list(USER, 'Quarantine')).some((m) => m.messageId === msg.messageId)).toBe(false);
    // Several poll cycles later it is still there: released mail is not quarantined again.
    await new Promise((r) => setTimeout(r, 4000));
    expect((await dovecot.list(USER, 'INBOX')).filter((m) => m.messageId === msg.messageId)).toHaveLength(1);
    expect((await dovecot.list(USER, 'Quarantine')).some((m) => m.messageId === msg.messageId)).toBe(false);
    await context.close();
  });
});
