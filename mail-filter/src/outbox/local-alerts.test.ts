import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileMail } from '@wardguard/shared/api/mail';
import { silentLogger } from '../log.ts';
import { reviewVerdict } from '../scan/classify.ts';
import type { AlertMailer, AlertNotice } from './alert-mail.ts';
import { createLocalAlerts } from './local-alerts.ts';
import { fileMailRecord } from '../../test/records.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'wg-alerted-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const record = (mailbox: string, sha = 'a'.repeat(64)): FileMail =>
  fileMailRecord({ mailbox, sourceSha256: sha, verdict: { ...reviewVerdict('x'), severity: 'threat_to_life' } });

function fakeMailer(fail = () => false): AlertMailer & { sent: AlertNotice[] } {
  const sent: AlertNotice[] = [];
  return {
    sent,
    async send(n: AlertNotice) {
      if (fail()) throw new Error('SMTP down');
      sent.push(n);
    },
    close() {},
  };
}

describe("the filter's own threat-to-life alert", () => {
  it('is sent once per message per mailbox, also after a restart', async () => {
    const dir = join(tmp(), 'alerted');
    const mailer = fakeMailer();
    const alerts = createLocalAlerts({ mailer, dir, log: silentLogger });
    expect(await alerts.alertOnce(record('north@x'))).toBe('sent');
    expect(await alerts.alertOnce(record('north@x'))).toBe('sent-earlier');
    expect(await alerts.alertOnce(record('south@x'))).toBe('sent');
    const restarted = createLocalAlerts({ mailer, dir, log: silentLogger });
    expect(await restarted.alertOnce(record('north@x'))).toBe('sent-earlier');
    expect(mailer.sent.map((n) => [n.mailbox, n.spooled, n.exhibitRef])).toEqual([
      ['north@x', true, null],
      ['south@x', true, null],
    ]);
  });

  it('is tried again when the e-mail could not be sent, and still sent only once when nothing can be written to disk', async () => {
    let down = true;
    const mailer = fakeMailer(() => down);
    const blocked = join(tmp(), 'a-file');
    writeFileSync(blocked, 'not a directory');
    const alerts = createLocalAlerts({ mailer, dir: join(blocked, 'alerted'), log: silentLogger });
    await expect(alerts.alertOnce(record('north@x'))).rejects.toThrow(/SMTP down/);
    down = false;
    expect(await alerts.alertOnce(record('north@x'))).toBe('sent');
    expect(await alerts.alertOnce(record('north@x'))).toBe('sent-earlier');
    expect(mailer.sent).toHaveLength(1);
  });
});
