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
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { ensureAssetsDir, startWorker } from '../scripts/lib/wrangler.ts';
import { freePort, PASSWORD, startDovecot } from '../mail-filter/test/dovecot.ts';
import { seedWorkerState } from '../mail-filter/test/principals.ts';
import { ABUSE, textMessage, THREAT_TO_LIFE } from '../mail-filter/test/messages.ts';
import { parseConfig } from '../mail-filter/src/config.ts';
import { SCANNED, REFUSED } from '../mail-filter/src/imap/keywords.ts';
import { wantsCompression } from '../mail-filter/src/imap/client.ts';
import { buildMix } from './lib/mail-mix.ts';
import { cpuSeconds, peakRss, runChild, startChild } from './lib/child.ts';
import { cpuDelta, groupCpuByCommand, groupOf, machineCpu, sum } from './lib/cpu-share.ts';

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
  /** Busy core-seconds of the whole machine during the timed pass (every process, ours or not). */
  machineBusy: number;
  /** The idle local Worker's CPU (core-seconds per second) while the pass ran. */
  workerCpuPerSecond: number;
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
    ensureAssetsDir();
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
    // The Worker's process group (wrangler's dev proxy and workerd) and Dovecot's (master, imap…).
    const workerCpuNow = () => groupCpuByCommand(worker.process.pid!);
    const dovecotGroup = groupOf(join(dovecot.dir, 'dovecot.conf'));
    const dovecotCpuNow = () => (dovecotGroup ? groupCpuByCommand(dovecotGroup) : new Map<string, number>());
    const pass = async (mode: string): Promise<PassResult> => {
      const [t, w0] = [performance.now(), workerCpuNow()];
      const out = await runChild('bench/lib/imap-pass.ts', [mode, ...passArgs]);
      const result = JSON.parse(out.trim().split('\n').pop()!) as PassResult;
      return { ...result, workerCpuPerSecond: sum(cpuDelta(w0, workerCpuNow())) / ((performance.now() - t) / 1000) };
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
    const [machine0, workerCpu0, dovecotCpu0] = [machineCpu(), workerCpuNow(), dovecotCpuNow()];
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
    const machineBusy = machineCpu().busy - machine0.busy;
    const workerCpu = cpuDelta(workerCpu0, workerCpuNow());
    const dovecotCpu = sum(cpuDelta(dovecotCpu0, dovecotCpuNow()));
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
    const cores = os.cpus().length;
    const busy = (core: number, seconds: number) => `${((100 * core) / (seconds * cores)).toFixed(0)} %`;
    const row = (name: string, n: number, seconds: number, cpu: number, machine: number, rss: number) =>
      `| ${name.padEnd(44)} | ${(n / seconds).toFixed(0).padStart(6)} | ${seconds.toFixed(1).padStart(6)} | ${(n / seconds / base).toFixed(2).padStart(8)} | ${`${((100 * cpu) / seconds).toFixed(0)} %`.padStart(8)} | ${busy(machine, seconds).padStart(8)} | ${mb(rss).padStart(8)} |`;
    const passRow = (name: string, r: PassResult) => row(name, r.messages, r.seconds, r.cpuSeconds, r.machineBusy, r.peakRssBytes);
    const scaled = messages === DEFAULT_MESSAGES ? '' : ` (scaled from the issue's 10,000 with the same proportions)`;
    console.log(
      `mix: ${messages} messages${scaled}, ${mb(mix.bytes)}: ${mix.text} text ~3 KB, ${mix.html} HTML newsletters ~32 KB, ${mix.attachments} with 2-10 MB attachments (largest ${mb(mix.largestBytes)});`,
    );
    console.log(
      `     ${mix.abusive} abusive (${((100 * mix.abusive) / messages).toFixed(1)} %) incl. ${mix.threats} threats and ${mix.threatsToLife} threats to life; the classifier flags ${classify.flagged}`,
    );
    console.log(
      `batches: fetch <= ${mb(batch.fetchBytes)} and <= ${batch.fetchMessages} messages, the next one fetched while one is worked on, IMAP COMPRESS ${wantsCompression(config.accounts[0]!.imap) ? 'on' : 'off (loopback)'}, filing ${batch.filingConcurrency} at a time (the filter's defaults; the baselines fetch the same way)`,
    );
    console.log(`"CPU" is the pass's own process (100 % = one core); "machine" is every process on the ${cores} cores, ours or not.`);
    console.log('| pass (each in its own process)               |  msg/s |      s | × f+p+c  |      CPU |  machine | peak RSS |');
    console.log('|----------------------------------------------|--------|--------|----------|----------|----------|----------|');
    console.log(passRow('fetch only', fetchOnly));
    console.log(passRow('fetch + parse (filter parser, warm)', parse));
    console.log(passRow('fetch + parse + classify (warm)', classify));
    console.log(row('filter: + file, webhooks, flag, MOVE (cold)', messages, filterSeconds, filterCpu, machineBusy, filterRss));
    console.log(
      `filter: ${quarantined} of ${classify.flagged} flagged quarantined; ${pushesInTime} threat-to-life webhook pushes during the run (${mix.threatsToLife} threats to life)`,
    );
    // Where the cores went during the filter run, and what filing costs the local Worker.
    const workerTotal = sum(workerCpu);
    const workerIdle = classify.workerCpuPerSecond * filterSeconds;
    const perFiled = (workerTotal - workerIdle) / Math.max(1, quarantined);
    const ours = filterCpu + workerTotal + dovecotCpu;
    const parts = [...workerCpu].filter(([, v]) => v >= 0.05).map(([k, v]) => `${k} ${v.toFixed(1)}`);
    const cs = (x: number) => `${x.toFixed(1)} core-s`;
    console.log(
      `cores during the filter run: ${cs(filterSeconds * cores)} available, ${cs(machineBusy)} busy (${busy(machineBusy, filterSeconds)}): filter ${cs(filterCpu)}, local Worker ${cs(workerTotal)} (${parts.join(', ')}), Dovecot ${cs(dovecotCpu)}, other processes on the machine ${cs(Math.max(0, machineBusy - ours))}; load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
    // What the cores allow, from CPU alone (so whatever else ran on the machine drops out): a
    // pass is one thread, so at best one core's worth of messages; the filter is one thread
    // too, and the local Worker and Dovecot share the same cores with it.
    const ms = (core: number) => (1000 * core) / messages;
    const [a, x, y, z] = [(1000 * classify.cpuSeconds) / classify.messages, ms(filterCpu), ms(workerTotal - workerIdle), ms(dovecotCpu)];
    console.log(
      `  CPU per message: warm classify pass ${a.toFixed(2)} ms; filter ${x.toFixed(2)} ms, local Worker ${y.toFixed(2)} ms (~${(1000 * perFiled).toFixed(0)} ms per filed message, over its idle ${classify.workerCpuPerSecond.toFixed(2)} core-s/s), Dovecot ${z.toFixed(2)} ms`,
    );
    console.log(
      `  so on ${cores} otherwise idle cores the filter could reach at most ${(a / Math.max(x, (x + y + z) / cores)).toFixed(2)}× of fetch + parse + classify with this Worker beside it, ${(a / x).toFixed(2)}× with the Worker elsewhere (on Cloudflare, as in production)`,
    );
    console.log(
      `arrival → Quarantine over IDLE (APPEND to MOVE on disk, ${LIVE} messages): p50 ${pct(latencies, 50).toFixed(0)} ms, p95 ${pct(latencies, 95).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`,
    );
  } finally {
    await cleanup();
  }
}
