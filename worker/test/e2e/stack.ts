// The real parts behind the dashboard tests: a fresh local D1/R2, the built dashboard,
// the Worker under wrangler dev, seeded demo data, a trap server that counts any request
// hostile mail manages to send, and headless Debian Chromium.
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { applyMigrations, ROOT, startWorker, type RunningWorker } from '../../../scripts/lib/wrangler.ts';
import { freePort } from '../../../scripts/lib/free-port.ts';
import { seedDemo, type DemoSeed } from '../../../scripts/lib/demo.ts';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface DashboardStack {
  worker: RunningWorker;
  persistTo: string;
  seed: DemoSeed;
  browser: Browser;
  trapOrigin: string;
  trapHits: string[];
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
  const worker = await startWorker({ port: await freePort(), persistTo, vars: opts.extraVars ?? {} });
  const seed = await seedDemo(worker.url, { persistTo }, { trapOrigin });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  return {
    worker,
    persistTo,
    seed,
    browser,
    trapOrigin,
    trapHits,
    async stop() {
      await browser.close().catch(() => undefined);
      await worker.stop();
      await new Promise((r) => trap.close(r));
      rmSync(persistTo, { recursive: true, force: true });
    },
  };
}
