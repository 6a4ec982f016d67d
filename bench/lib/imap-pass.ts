// One baseline pass over a mailbox, in its own process so its peak RSS is its own:
//   node --import tsx bench/lib/imap-pass.ts <fetch|parse|classify> <port> <user> <password> <fetchBytes> <fetchMessages>
// Fetches the way the filter does (its IMAP client and options, UID order, batches bounded
// by bytes and count, the filter's FETCH items, the next batch fetched while one is worked
// on) and does the filter's own work on each message: nothing more (`fetch`), the filter's
// parser with its options (`parse`), or parse + classify + the record (`classify`).
// Warm: the same work runs first over the first messages, untimed.
// Prints one JSON line: { messages, seconds, cpuSeconds, machineBusy, flagged, peakRssBytes }.
import { readFileSync } from 'node:fs';
import type { ImapFlow } from 'imapflow';
import { FETCH_QUERY } from '../../mail-filter/src/quarantine/process-message.ts';
import { parseMessage } from '../../mail-filter/src/scan/parse.ts';
import { scanMessage } from '../../mail-filter/src/scan/scan-message.ts';
import { shouldQuarantine } from '../../mail-filter/src/scan/classify.ts';
import { planBatches } from '../../mail-filter/src/scan/batches.ts';
import { uidSet } from '../../mail-filter/src/imap/uid-set.ts';
import { createImapClient } from '../../mail-filter/src/imap/client.ts';
import { machineCpu } from './cpu-share.ts';

const WARM_MESSAGES = 300;
const [mode, port, user, password, fetchBytes, fetchMessages] = process.argv.slice(2);
if (!['fetch', 'parse', 'classify'].includes(mode!)) throw new Error(`unknown mode ${mode}`);

async function work(source: Buffer): Promise<boolean> {
  if (mode === 'parse') await parseMessage(source);
  if (mode !== 'classify') return false;
  const { verdict } = await scanMessage(source, { mailbox: user!, councillorId: 'bench', receivedAt: null });
  return shouldQuarantine(verdict.severity, 'profanity');
}

async function fetchBatch(client: ImapFlow, uids: number[]): Promise<Array<{ uid: number; source?: Buffer }>> {
  const msgs: Array<{ uid: number; source?: Buffer }> = [];
  for await (const m of client.fetch(uidSet(uids), FETCH_QUERY, { uid: true })) msgs.push(m);
  return msgs.sort((a, b) => a.uid - b.uid);
}

async function pass(client: ImapFlow, uids: number[]): Promise<number> {
  let flagged = 0;
  const sizes: Array<{ uid: number; size: number }> = [];
  for await (const m of client.fetch(uidSet(uids), { uid: true, size: true }, { uid: true })) sizes.push({ uid: m.uid, size: m.size ?? 0 });
  sizes.sort((a, b) => a.uid - b.uid);
  const plan = planBatches(sizes, { maxBytes: Number(fetchBytes), maxMessages: Number(fetchMessages) });
  // Like the filter, the next batch's FETCH is on the wire while this one is worked on.
  let next = plan.length > 0 ? fetchBatch(client, plan[0]!) : null;
  for (let i = 0; i < plan.length; i++) {
    const msgs = await next!;
    next = i + 1 < plan.length ? fetchBatch(client, plan[i + 1]!) : null;
    for (const m of msgs) if (m.source && (await work(m.source))) flagged += 1;
  }
  return flagged;
}

// The filter's own client and its options (compression included).
const client = createImapClient({ host: '127.0.0.1', port: Number(port), secure: false, user: user!, password: password! });
await client.connect();
const lock = await client.getMailboxLock('INBOX');
try {
  const uids = ((await client.search({ all: true }, { uid: true })) || []).sort((a, b) => a - b);
  await pass(client, uids.slice(0, WARM_MESSAGES));
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const machine0 = machineCpu();
  const flagged = await pass(client, uids);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const machineBusy = machineCpu().busy - machine0.busy;
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  process.stdout.write(`${JSON.stringify({ messages: uids.length, seconds, cpuSeconds, machineBusy, flagged, peakRssBytes: Number(hwm ?? 0) * 1024 })}\n`);
} finally {
  lock.release();
  await client.logout();
}
