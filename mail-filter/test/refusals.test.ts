import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from './dovecot.ts';
import { filterConfig, stack as sharedStack, startFilter, waitFor, type Stack } from './stack.ts';
import { ABUSE, textMessage } from './messages.ts';

const MISCONFIGURED = 'misconfigured@council.example';
const REFUSED = 'refused@council.example';
let dovecot: Dovecot;
let stack: Stack;

beforeAll(async () => {
  stack = sharedStack();
  dovecot = await startDovecot([MISCONFIGURED, REFUSED]);
});
afterAll(async () => {
  await stack?.startWorker();
  await dovecot?.cleanup();
});

const withCouncillor = (config: ReturnType<typeof filterConfig>, councillorId: string) => ({
  ...config,
  accounts: config.accounts.map((a) => ({ ...a, councillorId })),
});

describe('mail the Worker will not record', () => {
  it('refuses to start, touching no mailbox, when an account names a councillor the Worker does not know (and warns that duty e-mail is off)', async () => {
    const msg = textMessage(ABUSE, { subject: 'before the filter ran' });
    dovecot.deliver(MISCONFIGURED, msg.raw);
    const { alerts: _none, ...noAlerts } = filterConfig(stack, dovecot, MISCONFIGURED);
    const filter = startFilter(withCouncillor(noAlerts as ReturnType<typeof filterConfig>, crypto.randomUUID()));
    // Exited, and its output read to the end ('exit' can come before the last of stdout).
    await waitFor(
      'the filter to exit',
      async () => filter.proc.exitCode !== null && filter.proc.stdout!.readableEnded && filter.proc.stderr!.readableEnded,
      30_000,
    );
    expect(filter.proc.exitCode).toBe(2);
    expect(filter.logs.join('')).toMatch(/councillorId "[0-9a-f-]+" is not a councillor of this council/);
    // Said before anything else: with no "alerts" block nobody is e-mailed about a threat to life.
    expect(filter.logs.join('')).toMatch(/"level":"warn","msg":"NO DUTY E-MAIL for threats to life.*"account":"misconfigured@council.example"/);
    const inbox = await dovecot.list(MISCONFIGURED, 'INBOX');
    expect(inbox.map((m) => m.messageId)).toEqual([msg.messageId]);
    expect([...inbox[0]!.flags].filter((f) => f.startsWith('$'))).toEqual([]);
    expect(await dovecot.list(MISCONFIGURED, 'Quarantine')).toEqual([]);
  }, 60_000);

  it('leaves a message the Worker refuses in the inbox, marked and unrecorded, and retries it only after a restart', async () => {
    const spoolDir = join(dovecot.dir, 'refused-spool');
    // The Worker is away at start, so the start-up check cannot catch the wrong councillor.
    await stack.stopWorker();
    const wrong = startFilter(withCouncillor(filterConfig(stack, dovecot, REFUSED), crypto.randomUUID()), spoolDir);
    try {
      await waitFor('the start-up check skipped', async () => /cannot be reached to check the config/.test(wrong.logs.join('')), 30_000);
      await stack.startWorker();
      const msg = textMessage(ABUSE, { subject: 'refused by the Worker' });
      await dovecot.append(REFUSED, msg.raw);
      await waitFor('the message marked refused', async () => (await dovecot.list(REFUSED, 'INBOX')).some((m) => m.flags.has('$WardguardRefused')), 30_000);
      const refusals = () =>
        wrong.logs
          .join('')
          .split('\n')
          .filter((l) => /REFUSED this message/.test(l));
      // The log line reaches us through the child's stdout pipe, independently of the IMAP flag.
      await waitFor('the refusal logged', async () => refusals().length > 0, 30_000);
      expect(refusals()).toHaveLength(1);
      expect(JSON.parse(refusals()[0]!.slice(refusals()[0]!.indexOf('{')))).toMatchObject({ level: 'error', code: 'NOT_FOUND', messageId: msg.messageId });
      // Several more passes (pollSeconds = 1): not filed again, not spooled, not moved, not marked clean.
      await new Promise((r) => setTimeout(r, 4000));
      expect(refusals()).toHaveLength(1);
      const inbox = await dovecot.list(REFUSED, 'INBOX');
      expect(inbox.map((m) => m.messageId)).toEqual([msg.messageId]);
      expect(inbox[0]!.flags.has('$WardguardScanned')).toBe(false);
      expect(await dovecot.list(REFUSED, 'Quarantine')).toEqual([]);
      expect(existsSync(join(spoolDir, 'outbox')) ? readdirSync(join(spoolDir, 'outbox')) : []).toEqual([]);
      expect(await stack.records(REFUSED)).toEqual([]);
    } finally {
      await stack.startWorker();
      await wrong.kill();
    }

    // The operator fixes the councillorId and restarts: the refused message is tried again.
    const fixed = startFilter(filterConfig(stack, dovecot, REFUSED), spoolDir);
    try {
      await waitFor('the message quarantined after the fix', async () => (await dovecot.list(REFUSED, 'Quarantine')).length === 1, 60_000);
      expect(await dovecot.list(REFUSED, 'INBOX')).toEqual([]);
      const [moved] = await dovecot.list(REFUSED, 'Quarantine');
      expect(moved!.flags.has('$WardguardRefused')).toBe(false);
      expect((await stack.records(REFUSED)).map((r) => r.messageId)).toEqual([moved!.messageId]);
    } finally {
      await fixed.kill();
    }
  }, 180_000);
});
