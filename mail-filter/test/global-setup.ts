// Starts what every mail-filter integration test shares, once per run: the real Worker
// (`wrangler dev`, temp D1/R2), a council with a councillor, an officer and the filter's
// service principal, a webhook receiver and a real SMTP server for alerts. A small control
// server lets tests read what arrived and stop/start the Worker (fault injection).
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { SMTPServer } from 'smtp-server';
import { startWorker, type RunningWorker } from '../../scripts/lib/wrangler.ts';
import { seedWorkerState } from './principals.ts';
import { freePort } from './dovecot.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: {
      workerPort: number;
      controlUrl: string;
      smtpPort: number;
      councillorId: string;
      serviceToken: string;
      officerToken: string;
    };
  }
}

export default async function setup(project: TestProject) {
  const persistTo = mkdtempSync(join(tmpdir(), 'wg-worker-'));
  const principals = await seedWorkerState(persistTo);

  const webhookCalls: unknown[] = [];
  const emails: Array<{ to: string[]; raw: string }> = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString('utf8')));
      stream.on('end', () => {
        emails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        cb();
      });
    },
  });
  const smtpPort = await freePort();
  // A client killed mid-session (the fault tests SIGKILL the filter) resets the socket; that must not crash the run.
  smtp.on('error', () => undefined);
  await new Promise<void>((r) => smtp.listen(smtpPort, '127.0.0.1', () => r()));

  const workerPort = await freePort();
  const controlPort = await freePort();
  const vars = { ALERT_WEBHOOK_URL: `http://127.0.0.1:${controlPort}/alert`, ALERT_REPEAT_SECONDS: '3' };
  let worker: RunningWorker | null = await startWorker({ port: workerPort, persistTo, vars });

  const control: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', async () => {
      try {
        if (req.url === '/alert') {
          webhookCalls.push(JSON.parse(body));
          res.end('ok');
        } else if (req.url === '/received') {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ webhookCalls, emails }));
        } else if (req.url === '/worker/stop') {
          await worker?.stop();
          worker = null;
          res.end('stopped');
        } else if (req.url === '/worker/start') {
          if (!worker) worker = await startWorker({ port: workerPort, persistTo, vars });
          res.end('started');
        } else {
          res.statusCode = 404;
          res.end();
        }
      } catch (err) {
        res.statusCode = 500;
        res.end(String(err));
      }
    });
  });
  await new Promise<void>((r) => control.listen(controlPort, '127.0.0.1', () => r()));

  project.provide('stack', { workerPort, controlUrl: `http://127.0.0.1:${controlPort}`, smtpPort, ...principals });
  return async () => {
    await worker?.stop();
    await new Promise<void>((r) => control.close(() => r()));
    await new Promise<void>((r) => smtp.close(() => r()));
    rmSync(persistTo, { recursive: true, force: true });
  };
}
