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
import { generateToken, hashToken } from '@wardguard/shared';
import { applyMigrations, d1, sqlString as q, startWorker, type RunningWorker } from '../../scripts/lib/wrangler.ts';
import { createCouncil } from '../../scripts/lib/principals.ts';
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

/**
 * Users and tokens in ONE wrangler call: each `wrangler d1 execute` costs seconds, so the
 * per-user helpers in scripts/lib/principals.ts would dominate the run. Same rows they write.
 */
async function seedPrincipals(persistTo: string, councilId: string) {
  const at = new Date().toISOString();
  const users = [
    { id: crypto.randomUUID(), name: 'Alice Brown', role: 'councillor', initials: 'AB' },
    { id: crypto.randomUUID(), name: 'Olive Officer', role: 'officer', initials: 'OO' },
    { id: crypto.randomUUID(), name: 'Mail Filter', role: 'service', initials: 'MF' },
  ];
  const tokens = await Promise.all(users.slice(1).map(async (u) => ({ user: u, token: generateToken(), id: crypto.randomUUID() })));
  const sql = [
    ...users.map((u) => `INSERT INTO users (id, council_id, name, role, initials, created_at) VALUES (${q(u.id)}, ${q(councilId)}, ${q(u.name)}, ${q(u.role)}, ${q(u.initials)}, ${q(at)});`),
    ...(await Promise.all(
      tokens.map(
        async (t) =>
          `INSERT INTO tokens (id, user_id, kind, token_hash, label, created_at) VALUES (${q(t.id)}, ${q(t.user.id)}, ${q(t.user.role === 'service' ? 'service' : 'personal')}, ${q(await hashToken(t.token))}, 'test', ${q(at)});`,
      ),
    )),
  ].join('\n');
  await d1(sql, { persistTo });
  return { councillorId: users[0]!.id, officerToken: tokens[0]!.token, serviceToken: tokens[1]!.token };
}

export default async function setup(project: TestProject) {
  const persistTo = mkdtempSync(join(tmpdir(), 'wg-worker-'));
  await applyMigrations({ persistTo });
  const councilId = await createCouncil('Test Borough Council', { persistTo });
  const principals = await seedPrincipals(persistTo, councilId);

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
