// The real parts behind the dashboard tests: a fresh local D1/R2, the built dashboard,
// the Worker under wrangler dev, seeded demo data, a trap server that counts any request
// hostile mail manages to send, and headless Debian Chromium.
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { applyMigrations, ROOT, runWrangler, sqlString, startWorker, type RunningWorker } from '../../../scripts/lib/wrangler.ts';
import { freePort } from '../../../scripts/lib/free-port.ts';
import { seedDemo, type DemoSeed } from '../../../scripts/lib/demo.ts';
import { call as demoCall } from '../../../scripts/lib/demo-api.ts';
import { launchChromium } from '../../../scripts/lib/chromium.ts';

export interface DashboardStack {
  worker: RunningWorker;
  persistTo: string;
  seed: DemoSeed;
  browser: Browser;
  trapOrigin: string;
  trapHits: string[];
  /** A case holding two seeded emails (Pat Critic's abuse, then the newer threat from Angry Resident) and nothing else. */
  mailCaseId: string;
  stop(): Promise<void>;
}

export async function startDashboardStack(opts: { extraVars?: Record<string, string> } = {}): Promise<DashboardStack> {
  const build = spawnSync('npm', ['run', 'build', '-w', 'worker'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`dashboard build failed:\n${build.stdout}\n${build.stderr}`);

  const trapHits: string[] = [];
  const trap: Server = createServer((req, res) => {
    trapHits.push(req.url ?? '');
    res.end('');
  });
  const trapPort = await freePort();
  await new Promise<void>((r) => trap.listen(trapPort, '127.0.0.1', r));
  const trapOrigin = `http://127.0.0.1:${trapPort}`;

  const persistTo = mkdtempSync(join(tmpdir(), 'wg-dashboard-'));
  await applyMigrations({ persistTo });
  const worker = await startWorker({ persistTo, vars: opts.extraVars ?? {} });
  const seed = await seedDemo(worker.url, { persistTo }, { trapOrigin });
  const mailCaseId = await seedMailCase(worker.url, seed);
  const browser = await launchChromium();
  return {
    worker,
    persistTo,
    seed,
    browser,
    trapOrigin,
    trapHits,
    mailCaseId,
    async stop() {
      await browser.close().catch(() => undefined);
      await worker.stop();
      await new Promise((r) => trap.close(r));
      rmSync(persistTo, { recursive: true, force: true });
    },
  };
}

/**
 * `n` more quarantined messages straight into D1 (as the bench does): enough to need a second
 * page of the queue. Each is 'profanity' from "Bulk Sender i", received in the last days.
 */
export async function seedBulkQueue(stack: DashboardStack, n: number): Promise<void> {
  const q = sqlString;
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const item = randomUUID();
    const at = new Date(Date.now() - (i + 10) * 3_600_000).toISOString();
    const verdict = JSON.stringify({ severity: 'profanity', categories: [], scores: {}, evidence: [], version: 'e2e' });
    lines.push(
      `INSERT INTO evidence_items (id, council_id, councillor_id, kind, exhibit_ref, title, metadata, captured_at, captured_by, received_at, idempotency_key, manifest_sha256) VALUES (${q(item)}, ${q(stack.seed.councilId)}, ${q(stack.seed.councillorId)}, 'email', ${q(`BULK/${i + 1}`)}, 'bulk', '{}', ${q(at)}, ${q(stack.seed.councillorId)}, ${q(at)}, ${q(`bulk-${item}`)}, ${q('0'.repeat(64))});`,
      `INSERT INTO mail_records (id, council_id, councillor_id, mailbox, message_id, source_sha256, source_size, item_id, sender, recipients, subject, sent_at, received_at, verdict, severity, severity_rank, state, created_at) VALUES (${q(randomUUID())}, ${q(stack.seed.councilId)}, ${q(stack.seed.councillorId)}, ${q(stack.seed.mailbox)}, ${q(`<${item}@bulk>`)}, ${q('0'.repeat(64))}, 100, ${q(item)}, ${q(`Bulk Sender ${i} <bulk${i}@example.net>`)}, ${q(stack.seed.mailbox)}, ${q(`Bulk message ${i}`)}, ${q(at)}, ${q(at)}, ${q(verdict)}, 'profanity', 3, 'quarantined', ${q(at)});`,
    );
  }
  const file = join(stack.persistTo, 'bulk.sql');
  writeFileSync(file, lines.join('\n'));
  // The running Worker holds the same local database: a write that finds it busy (a page's poll
  // at that moment) is refused whole by SQLite, so trying it again cannot insert anything twice.
  for (let attempt = 1; ; attempt++) {
    try {
      await runWrangler(['d1', 'execute', 'DB', '--local', '--persist-to', stack.persistTo, '--file', file]);
      return;
    } catch (err) {
      if (attempt >= 5 || !/SQLITE_BUSY|database is locked/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 250 * attempt));
    }
  }
}

export interface CallInit {
  method?: string;
  json?: unknown;
}

/**
 * The API as a script would call it, with a bearer token (not a page's session): the demo's
 * call, on the product's one API client; throws an ApiError on any non-2xx.
 */
export const bearerCall: <T>(base: string, token: string, path: string, init?: CallInit) => Promise<T> = demoCall;

/** A separate case for two of the seeded emails, so the demo case's timeline stays as it is. */
async function seedMailCase(base: string, seed: DemoSeed): Promise<string> {
  const call = <T>(path: string, init: CallInit = {}) => bearerCall<T>(base, seed.officerToken, path, init);
  const kase = await call<{ id: string }>('/cases', { method: 'POST', json: { title: 'Emails about the Mill Lane closure', councillorId: seed.councillorId } });
  for (const key of ['abuse', 'threat']) {
    const record = await call<{ itemId: string }>(`/mail/records/${seed.records[key]}`);
    await call(`/evidence/${record.itemId}`, { method: 'PATCH', json: { caseId: kase.id } });
  }
  return kase.id;
}
