// Mail filter throughput, memory and latency against a local Dovecot and the real Worker, on
// a realistic inbox (bench/lib/mail-mix.ts), next to three baselines measured in the same run
// on the same mailbox: fetch only, fetch + parse, fetch + parse + classify. The baselines are
// warm (their work runs first over 300 messages, untimed; Dovecot has served the whole
// mailbox once), fetch in the filter's own batches and use the filter's own parser and
// options, so the ratio is what filing, flagging and moving cost. Each pass and the filter
// run in their own process, so each peak RSS is its own. Threats to life are in the mix:
// the Worker's webhook pushes are inside the filter's time.
//   WG_BENCH_MAIL_MESSAGES=<n> scales the mix (default 10,000, ~213 MB);
//   WG_BENCH_FILTER_LOG=<file> keeps the filter's log of the timed run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { ROOT, startWorker } from '../scripts/lib/wrangler.ts';
import { freePort, PASSWORD, startDovecot } from '../mail-filter/test/dovecot.ts';
import { seedWorkerState } from '../mail-filter/test/principals.ts';
import { ABUSE, textMessage, THREAT_TO_LIFE } from '../mail-filter/test/messages.ts';
import { parseConfig } from '../mail-filter/src/config.ts';
import { SCANNED, REFUSED } from '../mail-filter/src/imap/keywords.ts';
import { buildMix } from './lib/mail-mix.ts';
import { cpuSeconds, groupCpuSeconds, peakRss, runChild, startChild } from './lib/child.ts';

const DEFAULT_MESSAGES = 10_000;
const LIVE = 20;
const USER = 'bench@council.example';
const MB = 1_000_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

interface PassResult {
  messages: number;
  seconds: number;
  cpuSeconds: number;
  flagged: number;
  peakRssBytes: number;
}

export async function run(): Promise<void> {
  const messages = Number(process.env.WG_BENCH_MAIL_MESSAGES ?? DEFAULT_MESSAGES);
  if (!Number.isInteger(messages) || messages < 100) throw new Error('WG_BENCH_MAIL_MESSAGES must be a whole number of at least 100');
  const cleanups: Array<() => Promise<void> | void> = [];
  const cleanup = async () => {
    for (const c of cleanups.splice(0).reverse()) await Promise.resolve(c()).catch((err: unknown) => console.error(`cleanup: ${(err as Error).message}`));
  };
  // Ctrl-C still stops Dovecot and the Worker (wrangler dies with us anyway; Dovecot would not).
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  cleanups.push(() => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  });
  try {
    // wrangler.toml serves the dashboard from worker/public; the mail API needs only the folder
    // (a fresh clone has none until the dashboard is built).
    mkdirSync(join(ROOT, 'worker', 'public'), { recursive: true });
    const work = mkdtempSync(join(tmpdir(), 'wg-bench-mail-'));
    cleanups.push(() => rmSync(work, { recursive: true, force: true }));

    let webhookPushes = 0;
    const hooks = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        webhookPushes += 1;
        res.end('ok');
      });
    });
    const hookPort = await freePort();
    await new Promise<void>((r) => hooks.listen(hookPort, '127.0.0.1', () => r()));
    cleanups.push(() => new Promise<void>((r) => hooks.close(() => r())));

    const dovecot = await startDovecot([USER]);
    cleanups.push(() => dovecot.cleanup());
    const persistTo = join(work, 'worker');
    const principals = await seedWorkerState(persistTo);
    const worker = await startWorker({ persistTo, vars: { ALERT_WEBHOOK_URL: `http://127.0.0.1:${hookPort}/alert` } });
    cleanups.push(() => worker.stop());

    const mix = buildMix(messages, (raw) => dovecot.deliver(USER, raw));
    const config = {
      worker: { url: worker.url, token: principals.serviceToken },
      spoolDir: join(work, 'spool'),
      pollSeconds: 5,
      accounts: [{ id: USER, councillorId: principals.councillorId, imap: dovecot.imapFor(USER) }],
    };
    const { batch } = parseConfig(config);
    const passArgs = [String(dovecot.port), USER, PASSWORD, String(batch.fetchBytes), String(batch.fetchMessages)];
    const pass = async (mode: string): Promise<PassResult> => {
      const out = await runChild('bench/lib/imap-pass.ts', [mode, ...passArgs]);
      return JSON.parse(out.trim().split('\n').pop()!) as PassResult;
    };
    await pass('fetch'); // Dovecot indexes and caches the new mail: every timed pass sees it warm.
    const fetchOnly = await pass('fetch');
    const parse = await pass('parse');
    const classify = await pass('classify');

    const configPath = join(work, 'config.json');
    writeFileSync(configPath, JSON.stringify(config));
    const filter = startChild('mail-filter/src/main.ts', ['--config', configPath]);
    cleanups.push(() => filter.stop());
    const deadline = Date.now() + 30 * 60_000;
    while (!/"msg":"connected"/.test(filter.output())) {
      if (filter.proc.exitCode !== null || Date.now() > deadline) throw new Error(`the filter did not start:\n${filter.output().slice(-4000)}`);
      await sleep(5);
    }
    const t0 = performance.now();
    const cpu0 = cpuSeconds(filter.proc.pid!);
    const workerCpu0 = groupCpuSeconds(worker.process.pid!);
    const probe = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, auth: { user: USER, pass: PASSWORD }, logger: false });
    await probe.connect();
    cleanups.push(() => probe.logout().catch(() => probe.close()));
    for (;;) {
      if (filter.proc.exitCode !== null || Date.now() > deadline)
        throw new Error(`the filter stopped or took over 30 minutes:\n${filter.output().slice(-4000)}`);
      if (dovecot.countOnDisk(USER, 'Quarantine') >= classify.flagged) {
        const lock = await probe.getMailboxLock('INBOX');
        const left = await probe.search({ unKeyword: SCANNED, not: { keyword: REFUSED } }, { uid: true });
        lock.release();
        if (left && left.length === 0) break;
      }
      await sleep(20);
    }
    const filterSeconds = (performance.now() - t0) / 1000;
    const filterRss = peakRss(filter.proc.pid!);
    const filterCpu = cpuSeconds(filter.proc.pid!) - cpu0;
    const workerCpu = groupCpuSeconds(worker.process.pid!) - workerCpu0;
    if (process.env.WG_BENCH_FILTER_LOG) writeFileSync(process.env.WG_BENCH_FILTER_LOG, filter.output());
    const quarantined = dovecot.countOnDisk(USER, 'Quarantine');
    const pushesInTime = webhookPushes;

    // Arrival to quarantine over IDLE, one flagged message at a time (every 4th a threat to life).
    const latencies: number[] = [];
    for (let i = 0; i < LIVE; i++) {
      const before = dovecot.countOnDisk(USER, 'Quarantine');
      const sent = performance.now();
      await dovecot.append(USER, textMessage(`${i % 4 === 0 ? THREAT_TO_LIFE : ABUSE} live ${i}`).raw);
      while (dovecot.countOnDisk(USER, 'Quarantine') <= before) await sleep(5);
      latencies.push(performance.now() - sent);
      await sleep(200);
    }

    const base = classify.messages / classify.seconds;
    const row = (name: string, n: number, seconds: number, cpu: number, rss: number) =>
      `| ${name.padEnd(44)} | ${(n / seconds).toFixed(0).padStart(6)} | ${seconds.toFixed(1).padStart(6)} | ${(n / seconds / base).toFixed(2).padStart(8)} | ${`${((100 * cpu) / seconds).toFixed(0)} %`.padStart(8)} | ${mb(rss).padStart(8)} |`;
    const scaled = messages === DEFAULT_MESSAGES ? '' : ` (scaled from the issue's 10,000 with the same proportions)`;
    console.log(
      `mix: ${messages} messages${scaled}, ${mb(mix.bytes)}: ${mix.text} text ~3 KB, ${mix.html} HTML newsletters ~32 KB, ${mix.attachments} with 2-10 MB attachments (largest ${mb(mix.largestBytes)});`,
    );
    console.log(
      `     ${mix.abusive} abusive (${((100 * mix.abusive) / messages).toFixed(1)} %) incl. ${mix.threats} threats and ${mix.threatsToLife} threats to life; the classifier flags ${classify.flagged}`,
    );
    console.log(
      `batches: fetch <= ${mb(batch.fetchBytes)} and <= ${batch.fetchMessages} messages, filing ${batch.filingConcurrency} at a time (the filter's defaults; the baselines fetch the same way)`,
    );
    console.log('| pass (each in its own process)               |  msg/s |      s | × f+p+c  | CPU busy | peak RSS |');
    console.log('|----------------------------------------------|--------|--------|----------|----------|----------|');
    console.log(row('fetch only', fetchOnly.messages, fetchOnly.seconds, fetchOnly.cpuSeconds, fetchOnly.peakRssBytes));
    console.log(row('fetch + parse (filter parser, warm)', parse.messages, parse.seconds, parse.cpuSeconds, parse.peakRssBytes));
    console.log(row('fetch + parse + classify (warm)', classify.messages, classify.seconds, classify.cpuSeconds, classify.peakRssBytes));
    console.log(row('filter: + file, webhooks, flag, MOVE (cold)', messages, filterSeconds, filterCpu, filterRss));
    console.log(
      `filter: ${quarantined} of ${classify.flagged} flagged quarantined; ${pushesInTime} threat-to-life webhook pushes during the run (${mix.threatsToLife} threats to life)`,
    );
    console.log(
      `CPU during the filter run: filter ${filterCpu.toFixed(1)} s (${((1000 * filterCpu) / messages).toFixed(2)} ms/msg; warm classify ${((1000 * classify.cpuSeconds) / classify.messages).toFixed(2)} ms/msg), local Worker (wrangler + workerd, on Cloudflare in production) ${workerCpu.toFixed(1)} s; ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
    console.log(
      `arrival → Quarantine over IDLE (APPEND to MOVE on disk, ${LIVE} messages): p50 ${pct(latencies, 50).toFixed(0)} ms, p95 ${pct(latencies, 95).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`,
    );
  } finally {
    await cleanup();
  }
}
