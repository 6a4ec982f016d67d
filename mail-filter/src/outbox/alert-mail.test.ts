import { describe, expect, it } from 'vitest';
import { parseEmail } from '@wardguard/shared/mime';
import { freePort } from '../../../scripts/lib/free-port.ts';
import { createAlertMailer, type AlertNotice } from './alert-mail.ts';

/** A real SMTP server on 127.0.0.1 that keeps what it is sent. */
async function receivingServer() {
  const { SMTPServer } = await import('smtp-server');
  const received: Buffer[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks));
        done();
      });
    },
  });
  const port = await freePort();
  // A client killed mid-session (the fault tests SIGKILL the filter) resets the socket; that must not crash the run.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const notice: AlertNotice = {
  alertId: 'alert-1',
  recordId: 'rec/42',
  councillor: 'Aisha Khan',
  mailbox: 'cllr.khan@council.example',
  from: 'someone@example.net',
  exhibitRef: 'AK/3',
  receivedAt: '2026-12-07T02:10:00.000Z',
  repeat: 0,
  spooled: false,
};

describe('the duty e-mail', () => {
  it('links straight to the message in the dashboard, and to the queue while the record is only spooled', async () => {
    const smtp = await receivingServer();
    const mailer = createAlertMailer(
      { to: ['duty@council.example'], from: 'wardguard@council.example', smtp: { host: '127.0.0.1', port: smtp.port, secure: false }, pollSeconds: 60 },
      'https://wardguard.council.example/',
    );
    try {
      await mailer.send(notice);
      await mailer.send({ ...notice, alertId: null, recordId: null, exhibitRef: null, spooled: true });
      const [filed, spooled] = await Promise.all(smtp.received.map((raw) => parseEmail(raw)));
      expect(filed!.text).toContain('Open it: https://wardguard.council.example/#/message/rec%2F42');
      expect(spooled!.text).toContain('Review queue: https://wardguard.council.example/');
      expect(spooled!.text).not.toContain('#/message/');
    } finally {
      mailer.close();
      await smtp.close();
    }
  });
});
