// Mail filter throughput and latency against a local Dovecot and the real Worker.
// Baseline in the same run: the raw IMAP fetch + mailparser rate of the same mailbox.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { startWorker } from '../scripts/lib/wrangler.ts';
import { freePort, PASSWORD, startDovecot } from '../mail-filter/test/dovecot.ts';
import { seedWorkerState } from '../mail-filter/test/principals.ts';
import { ABUSE, CLEAN, textMessage } from '../mail-filter/test/messages.ts';
import { parseConfig } from '../mail-filter/src/config.ts';
import { createFilter } from '../mail-filter/src/filter.ts';
import { silentLogger } from '../mail-filter/src/log.ts';

const BACKLOG = 2000;
const ABUSIVE_EVERY = 20; // 5 %
const LIVE = 20;
const USER = 'bench@council.example';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function rawFetchParseRate(port: number): Promise<number> {
  const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user: USER, pass: PASSWORD }, logger: false });
  await c.connect();
  const lock = await c.getMailboxLock('INBOX');
  const t0 = performance.now();
  let n = 0;
  try {
    for await (const m of c.fetch('1:*', { uid: true, source: true })) {
      await simpleParser(m.source!);
      n += 1;
    }
  } finally {
    lock.release();
    await c.logout();
  }
  return n / ((performance.now() - t0) / 1000);
}

export async function run(): Promise<void> {
  const persistTo = mkdtempSync(join(tmpdir(), 'wg-bench-worker-'));
  const spoolDir = mkdtempSync(join(tmpdir(), 'wg-bench-spool-'));
  const dovecot = await startDovecot([USER]);
  const principals = await seedWorkerState(persistTo);
  const port = await freePort();
  const worker = await startWorker({ port, persistTo });
  let abusive = 0;
  for (let i = 0; i < BACKLOG; i++) {
    const bad = i % ABUSIVE_EVERY === 0;
    if (bad) abusive += 1;
    dovecot.deliver(USER, textMessage(`${bad ? ABUSE : CLEAN} (${i})\r\n\r\n${'Some more ordinary words about council business. '.repeat(40)}`, { subject: `Message ${i}` }).raw);
  }
  try {
    const baseline = await rawFetchParseRate(dovecot.port);

    const config = parseConfig({
      worker: { url: worker.url, token: principals.serviceToken },
      spoolDir,
      pollSeconds: 5,
      accounts: [{ id: USER, councillorId: principals.councillorId, imap: dovecot.imapFor(USER) }],
    });
    const filter = createFilter(config, silentLogger);
    const t0 = performance.now();
    const running = filter.run();
    const probe = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, auth: { user: USER, pass: PASSWORD }, logger: false });
    await probe.connect();
    for (;;) {
      if (dovecot.countOnDisk(USER, 'Quarantine') >= abusive) {
        const lock = await probe.getMailboxLock('INBOX');
        const left = await probe.search({ unKeyword: '$WardguardScanned' }, { uid: true });
        lock.release();
        if (left && left.length === 0) break;
      }
      await sleep(50);
    }
    const seconds = (performance.now() - t0) / 1000;
    await probe.logout();
    const e2e = BACKLOG / seconds;

    // Arrival-to-quarantine latency over IDLE, one abusive message at a time.
    const latencies: number[] = [];
    for (let i = 0; i < LIVE; i++) {
      const before = dovecot.countOnDisk(USER, 'Quarantine');
      const sent = performance.now();
      await dovecot.append(USER, textMessage(`${ABUSE} live ${i}`).raw);
      while (dovecot.countOnDisk(USER, 'Quarantine') <= before) await sleep(5);
      latencies.push(performance.now() - sent);
      await sleep(200);
    }
    filter.stop();
    await running;

    console.log(`backlog: ${BACKLOG} messages (${abusive} abusive, ${(100 * abusive / BACKLOG).toFixed(1)} %), ~3 KB each`);
    console.log(`raw IMAP fetch + mailparser (baseline): ${baseline.toFixed(0)} messages/s`);
    console.log(`filter end to end (fetch, parse, classify, file flagged with the Worker, flag/MOVE): ${e2e.toFixed(0)} messages/s (${seconds.toFixed(1)} s)`);
    console.log(`ratio filter / baseline: ${(e2e / baseline).toFixed(3)}`);
    console.log(`arrival → Quarantine over IDLE (APPEND to MOVE visible, ${LIVE} messages): p50 ${pct(latencies, 50).toFixed(0)} ms, p95 ${pct(latencies, 95).toFixed(0)} ms`);
  } finally {
    await worker.stop();
    await dovecot.cleanup();
    rmSync(persistTo, { recursive: true, force: true });
    rmSync(spoolDir, { recursive: true, force: true });
  }
}
