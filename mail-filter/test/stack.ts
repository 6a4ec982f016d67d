// Test-side view of the shared stack (see global-setup.ts), and the filter as a child
// process (`tsx mail-filter/src/main.ts --config …`), exactly as an operator runs it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { MAIL_STATES, type MailRecordView } from '@wardguard/shared/api/mail';
import { ROOT, startWorker } from '../../scripts/lib/wrangler.ts';
import { freePort, type Dovecot } from './dovecot.ts';
import { seedWorkerState } from './principals.ts';

export async function waitFor<T>(what: string, fn: () => Promise<T | false | null | undefined>, timeoutMs = 30_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

export function stack(s = inject('stack')) {
  const workerUrl = `http://127.0.0.1:${s.workerPort}`;
  const officer = (path: string, init: RequestInit & { json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${s.officerToken}`);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    return fetch(`${workerUrl}/api/v1${path}`, { ...init, headers, body });
  };
  return {
    ...s,
    workerUrl,
    officer,
    /** Every record for this mailbox, whatever its state (through the officers' API). */
    async records(mailbox: string): Promise<MailRecordView[]> {
      const out: MailRecordView[] = [];
      for (const state of MAIL_STATES) {
        const res = await officer(`/mail/queue?state=${state}&limit=500`);
        if (!res.ok) throw new Error(`queue ${state}: ${res.status}`);
        out.push(...((await res.json()) as { records: MailRecordView[] }).records.filter((r) => r.mailbox === mailbox));
      }
      return out;
    },
    async received(): Promise<{ webhookCalls: Array<Record<string, unknown>>; emails: Array<{ to: string[]; raw: string }> }> {
      return (await fetch(`${s.controlUrl}/received`)).json() as never;
    },
    stopWorker: async (): Promise<void> => void (await fetch(`${s.controlUrl}/worker/stop`, { method: 'POST' })),
    startWorker: async (): Promise<void> => void (await fetch(`${s.controlUrl}/worker/start`, { method: 'POST' })),
  };
}
export type Stack = ReturnType<typeof stack>;

/**
 * A second, separate Worker (its own D1/R2 and principals) started with extra vars, e.g.
 * small MAX_ARTIFACT_BYTES; alerts still go to the shared webhook receiver and SMTP server.
 * Costs a few seconds of wrangler calls: only for tests that need other Worker settings.
 */
export async function ownStack(vars: Record<string, string>): Promise<Stack & { close(): Promise<void> }> {
  const shared = inject('stack');
  const persistTo = tempDir('wg-own-worker-');
  const principals = await seedWorkerState(persistTo);
  const workerPort = await freePort();
  const allVars = { ALERT_WEBHOOK_URL: `${shared.controlUrl}/alert`, ALERT_REPEAT_SECONDS: '3', ...vars };
  let worker: Awaited<ReturnType<typeof startWorker>> | null = await startWorker({ port: workerPort, persistTo, vars: allVars });
  const stopWorker = async () => {
    await worker?.stop();
    worker = null;
  };
  const startOwn = async () => {
    if (!worker) worker = await startWorker({ port: workerPort, persistTo, vars: allVars });
  };
  return { ...stack({ ...shared, workerPort, ...principals }), stopWorker, startWorker: startOwn, close: stopWorker };
}

export interface FilterProcess {
  proc: ChildProcess;
  logs: string[];
  spoolDir: string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** The filter config for one mailbox, as an operator would write it. */
export function filterConfig(s: Stack, dovecot: Dovecot, user: string, extra: Record<string, unknown> = {}) {
  return {
    worker: { url: s.workerUrl, token: s.serviceToken },
    pollSeconds: 1,
    reconnect: { minMs: 200, maxMs: 2000 },
    alerts: { to: ['duty@council.example'], from: 'wardguard@council.example', smtp: { host: '127.0.0.1', port: s.smtpPort, secure: false }, pollSeconds: 1 },
    accounts: [{ id: user, councillorId: s.councillorId, imap: dovecot.imapFor(user) }],
    ...extra,
  };
}

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** Runs the filter as its own process; the same spool dir may be reused across restarts. */
export function startFilter(config: Record<string, unknown>, spoolDir = join(tempDir('wg-filter-'), 'spool')): FilterProcess {
  const path = join(tempDir('wg-filter-config-'), 'config.json');
  writeFileSync(path, JSON.stringify({ ...config, spoolDir }));
  // One node process with tsx as a loader, not the tsx CLI: the CLI runs the filter in a
  // child that a SIGKILL sent to the CLI would leave running, so a crash test would not crash it.
  const proc = spawn(process.execPath, ['--import', 'tsx', 'mail-filter/src/main.ts', '--config', path], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  const keep = (d: Buffer) => {
    logs.push(d.toString());
    if (process.env.WG_DEBUG) process.stderr.write(d);
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  return {
    proc,
    logs,
    spoolDir,
    async kill(signal = 'SIGTERM') {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill(signal);
      const t = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
  };
}
