// One baseline pass over a mailbox, in its own process so its peak RSS is its own:
//   node --import tsx bench/lib/imap-pass.ts <fetch|parse|classify> <port> <user> <password> <fetchBytes> <fetchMessages>
// Fetches the way the filter does (UID order, batches bounded by bytes and count, the
// filter's FETCH items) and does the filter's own work on each message: nothing more
// (`fetch`), the filter's parser with its options (`parse`), or parse + classify + the
// record (`classify`). Warm: the same work runs first over the first messages, untimed.
// Prints one JSON line: { messages, seconds, cpuSeconds, flagged, peakRssBytes }.
import { readFileSync } from 'node:fs';
import { ImapFlow } from 'imapflow';
import { FETCH_QUERY } from '../../mail-filter/src/quarantine/process-message.ts';
import { parseMessage } from '../../mail-filter/src/scan/parse.ts';
import { scanMessage } from '../../mail-filter/src/scan/scan-message.ts';
import { shouldQuarantine } from '../../mail-filter/src/scan/classify.ts';
import { planBatches } from '../../mail-filter/src/scan/batches.ts';
import { uidSet } from '../../mail-filter/src/imap/uid-set.ts';

const WARM_MESSAGES = 300;
const [mode, port, user, password, fetchBytes, fetchMessages] = process.argv.slice(2);
if (!['fetch', 'parse', 'classify'].includes(mode!)) throw new Error(`unknown mode ${mode}`);

async function work(source: Buffer): Promise<boolean> {
  if (mode === 'parse') await parseMessage(source);
  if (mode !== 'classify') return false;
  const { verdict } = await scanMessage(source, { mailbox: user!, councillorId: 'bench', receivedAt: null });
  return shouldQuarantine(verdict.severity, 'profanity');
}

async function pass(client: ImapFlow, uids: number[]): Promise<number> {
  let flagged = 0;
  const sizes: Array<{ uid: number; size: number }> = [];
  for await (const m of client.fetch(uidSet(uids), { uid: true, size: true }, { uid: true })) sizes.push({ uid: m.uid, size: m.size ?? 0 });
  sizes.sort((a, b) => a.uid - b.uid);
  for (const batch of planBatches(sizes, { maxBytes: Number(fetchBytes), maxMessages: Number(fetchMessages) })) {
    const msgs: Array<{ uid: number; source?: Buffer }> = [];
    for await (const m of client.fetch(uidSet(batch), FETCH_QUERY, { uid: true })) msgs.push(m);
    for (const m of msgs.sort((a, b) => a.uid - b.uid)) if (m.source && (await work(m.source))) flagged += 1;
  }
  return flagged;
}

const client = new ImapFlow({ host: '127.0.0.1', port: Number(port), secure: false, auth: { user: user!, pass: password! }, logger: false });
await client.connect();
const lock = await client.getMailboxLock('INBOX');
try {
  const uids = ((await client.search({ all: true }, { uid: true })) || []).sort((a, b) => a - b);
  await pass(client, uids.slice(0, WARM_MESSAGES));
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const flagged = await pass(client, uids);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  process.stdout.write(`${JSON.stringify({ messages: uids.length, seconds, cpuSeconds, flagged, peakRssBytes: Number(hwm ?? 0) * 1024 })}\n`);
} finally {
  lock.release();
  await client.logout();
}
