// Dashboard render times in real Chromium against wrangler dev: the review queue with
// 5,000 messages waiting, and one message view, next to a baseline measured in the same
// run (the same queue screen for a council with nothing waiting). "First render" of the
// queue is the first page of rows on screen together with the true count of everything
// waiting ("Showing 1–50 of 5,0xx"), which the server computes over all of them.
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../scripts/lib/chromium.ts';
import type { FileMail } from '@wardguard/shared/api/mail';
import { applyMigrations, ROOT, runWrangler, startWorker } from '../scripts/lib/wrangler.ts';
import { insertItemSql, insertRecordSql } from '../worker/src/db/evidence-sql.ts';
import { inlineSql } from '../worker/src/db/sql-command.ts';
import { createCouncil, createUser } from '../scripts/lib/principals.ts';
import { seedDemo } from '../scripts/lib/demo.ts';

const QUEUE_SIZE = Number(process.env.BENCH_QUEUE ?? 5000);
const RUNS = 5;
const SEVERITIES = ['threat_to_life', 'threat', 'abuse', 'abuse', 'profanity', 'profanity', 'review'] as const;

/** The queue as the Worker files it (worker/src/db/evidence-sql.ts), written straight into D1. */
function queueSql(councilId: string, councillorId: string): string {
  const lines: string[] = [];
  for (let i = 0; i < QUEUE_SIZE; i++) {
    const item = randomUUID();
    const severity = SEVERITIES[i % SEVERITIES.length]!;
    const at = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
    const mail: FileMail = {
      councillorId,
      mailbox: 'bench@council.example',
      messageId: `<${item}@bench>`,
      sourceSha256: '0'.repeat(64),
      sourceSize: 100,
      from: `Sender ${i} <s${i}@example.net>`,
      to: 'bench@council.example',
      subject: `Bench message ${i}`,
      sentAt: at,
      receivedAt: at,
      receivedChain: [],
      unreadable: null,
      // No scores: the queue shows severity and sender, not the classifier's numbers.
      verdict: { severity, categories: [], scores: {} as FileMail['verdict']['scores'], evidence: [], version: 'bench' },
    };
    const filed = [
      ...insertItemSql({
        id: item,
        councilId,
        councillorId,
        caseId: null,
        perpetratorId: null,
        kind: 'email',
        title: 'bench',
        metadata: {},
        capturedAt: at,
        capturedBy: councillorId,
        receivedAt: at,
        idempotencyKey: `bench-${item}`,
        manifestSha256: '0'.repeat(64),
      }),
      insertRecordSql({ id: randomUUID(), councilId, itemId: item, createdAt: at, mail }),
    ];
    lines.push(...filed.map((c) => `${inlineSql(c)};`));
  }
  return lines.join('\n');
}

async function timeTo(browser: Browser, base: string, token: string, hash: string, selector: string, shown?: (text: string) => void): Promise<number[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto('about:blank');
    const t = performance.now();
    await page.goto(`${base}/${hash}`);
    await page.locator(selector).first().waitFor();
    times.push(performance.now() - t);
  }
  if (shown) shown(await page.locator(selector).first().innerText());
  await context.close();
  return times.sort((a, b) => a - b);
}

async function countRows(browser: Browser, base: string, token: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.goto(`${base}/#/queue`);
  await page.locator('#queue-count').waitFor();
  const n = await page.locator('table.queue tbody tr').count();
  await context.close();
  return n;
}

const median = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  const build = spawnSync('npm', ['run', 'build', '-w', 'worker'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(build.stderr);
  const dir = mkdtempSync(join(tmpdir(), 'wg-bench-dash-'));
  const store = { persistTo: dir };
  await applyMigrations(store);
  const worker = await startWorker({ persistTo: dir });
  const browser = await launchChromium();
  try {
    const seed = await seedDemo(worker.url, store);
    const sqlFile = join(dir, 'queue.sql');
    writeFileSync(sqlFile, queueSql(seed.councilId, seed.councillorId));
    await runWrangler(['d1', 'execute', 'DB', '--local', '--persist-to', dir, '--file', sqlFile]);
    const emptyCouncil = await createCouncil('Empty Council', store);
    const emptyOfficer = await createUser(store, emptyCouncil, { name: 'Empty Officer', role: 'officer' }, { label: 'bench' });

    const base = await timeTo(browser, worker.url, emptyOfficer.token!.token, '#/queue', 'text=Nothing here.');
    // The true number waiting, from the API: the timed render must show exactly this total.
    const res = await fetch(`${worker.url}/api/v1/mail/queue?limit=1`, { headers: { authorization: `Bearer ${seed.officerToken}` } });
    const { total } = (await res.json()) as { total: number };
    if (total < QUEUE_SIZE) throw new Error(`expected at least ${QUEUE_SIZE} waiting, the API says ${total}`);
    let rendered = '';
    const full = await timeTo(browser, worker.url, seed.officerToken, '#/queue', `#queue-count:text-matches("of ${total} messages$")`, (t) => (rendered = t));
    // The count only renders with the page's rows, so when it is there so are they.
    const rows = await countRows(browser, worker.url, seed.officerToken);
    const message = await timeTo(browser, worker.url, seed.officerToken, `#/message/${seed.records.abuse}`, '.message-text');
    console.log(`dashboard first render, median of ${RUNS} loads in headless Chromium (local wrangler dev)`);
    console.log(`  baseline: empty queue            ${median(base).toFixed(0)} ms`);
    console.log(
      `  queue, ${QUEUE_SIZE} waiting            ${median(full).toFixed(0)} ms   ratio ${(median(full) / median(base)).toFixed(2)}x   (${rows} rows on the first page, "${rendered}")`,
    );
    console.log(`  message view (parsed .eml)       ${median(message).toFixed(0)} ms   ratio ${(median(message) / median(base)).toFixed(2)}x`);
  } finally {
    await browser.close();
    await worker.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
