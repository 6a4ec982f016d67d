// Evidence-pack export throughput against a real local Worker (wrangler dev, local D1/R2):
// a case of N exhibits (a printable PNG screenshot plus a random file each) streamed as a
// signed police pack, next to two baselines measured in the same run on the same R2 objects:
// the Worker reading them with no ZIP, hashing, report or custody (the "raw R2 read"),
// and the Worker sending them back to back as one body (what the network adds). Samples
// workerd's resident memory while each streams, to show it stays flat.
//
//   BENCH_EXPORT_EXHIBITS  exhibits in the case (default 150)
//   BENCH_EXPORT_FILE_MB   size of each exhibit's random file (default 1)
//   BENCH_EXPORT_PACK_MB   instead: a pack of about this size, in 8 MB files (1024: the 1 GB run)
//   BENCH_EXPORT_SCREENSHOTS=page  page-like screenshots (text lines, boxes, adaptive row filters,
//                          ~200 KB each, 8 different ones in turn) instead of one flat-colour
//                          PNG that zlib shrinks to 14 KB: the report's images cost as real ones do
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { startBenchStack } from './lib/bench-stack.ts';
import { workerdRssMb } from './lib/workerd-rss.ts';
import { solidPng } from '@wardguard/shared/testing/png';
import { pageScreenshot } from './lib/page-screenshot.ts';
import { createDeviceSigner } from '../scripts/lib/device-signer.ts';

const PACK_MB = Number(process.env.BENCH_EXPORT_PACK_MB ?? 0);
const FILE_MB = Number(process.env.BENCH_EXPORT_FILE_MB ?? (PACK_MB > 0 ? 8 : 1));
const N = Number(process.env.BENCH_EXPORT_EXHIBITS ?? (PACK_MB > 0 ? Math.ceil(PACK_MB / FILE_MB) : 150));
const BIG_BYTES = Math.round(FILE_MB * 1024 * 1024);
const PAGE_SHOTS = process.env.BENCH_EXPORT_SCREENSHOTS === 'page';
const UPLOADS_AT_ONCE = 4;

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

interface Drained {
  bytes: number;
  seconds: number;
  mbps: number;
  firstByteMs: number;
  peakRssMb: number;
  /** Peak RSS while the first and the second half of the bytes streamed: equal when memory is flat. */
  halves: [number, number];
}

/** Streams a response to the end; `expected` bytes (0: not streamed) places each RSS sample in a half. */
async function drain(url: string, token: string, pgid: number, expected: number): Promise<Drained> {
  let bytes = 0;
  const halves: [number, number] = [0, 0];
  const sample = () => {
    const rss = workerdRssMb(pgid);
    const half = expected > 0 && bytes > expected / 2 ? 1 : 0;
    halves[half] = Math.max(halves[half], rss);
  };
  sample();
  const sampler = setInterval(sample, 200);
  const start = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok || !res.body) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  let firstByteMs = 0;
  const json = res.headers.get('content-type')?.startsWith('application/json');
  let body = '';
  for await (const chunk of res.body) {
    if (bytes === 0) firstByteMs = performance.now() - start;
    bytes += (chunk as Uint8Array).byteLength;
    if (json) body += Buffer.from(chunk as Uint8Array).toString('utf8');
  }
  // The baseline reads inside the Worker and answers with the byte count it read.
  if (json) bytes = (JSON.parse(body) as { bytes: number }).bytes;
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  sample();
  return { bytes, seconds, mbps: bytes / 1024 / 1024 / seconds, firstByteMs, peakRssMb: Math.max(...halves), halves };
}
export async function run(): Promise<void> {
  const stack = await startBenchStack('export');
  const { worker, councillorToken: cTok, adminToken: aTok, councillorId } = stack;
  try {
    const api = (path: string, init: RequestInit = {}, token = aTok) =>
      fetch(`${worker.url}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
    const kase = (await (await api('/cases', { method: 'POST', body: JSON.stringify({ title: 'Bench case', councillorId }) })).json()) as { id: string };
    const screenshots = PAGE_SHOTS ? Array.from({ length: 8 }, (_, i) => pageScreenshot(1280, 2400, i)) : [new Uint8Array(solidPng(1280, 2400, [200, 60, 60]))];
    const screenshotOf = (i: number) => screenshots[i % screenshots.length]!;
    // The Worker takes a web capture only when a device key signed it, as the extension does.
    const signer = await createDeviceSigner();
    const uploadOne = async (i: number) => {
      const big = new Uint8Array(randomBytes(BIG_BYTES));
      big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const files = [
        { name: 'full-page-annotated.png', type: 'image/png', bytes: screenshotOf(i) },
        { name: 'viewport.png', type: 'image/png', bytes: big },
      ];
      const manifest = {
        version: 1,
        idempotencyKey: `bench-${randomUUID()}`,
        kind: 'web_capture',
        title: `Bench post ${i}`,
        capturedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
        caseId: kase.id,
        metadata: { url: `https://x.example/status/${i}`, post: { platform: 'x', postId: String(i), authorHandle: '@bench' } },
        artifacts: files.map((f) => ({ name: f.name, mediaType: f.type, size: f.bytes.byteLength, sha256: sha(f.bytes) })),
      };
      const form = new FormData();
      const manifestText = JSON.stringify(manifest);
      form.append('manifest', manifestText);
      form.append('signature', JSON.stringify(await signer.sign(manifestText)));
      for (const f of files) form.append('file', new File([f.bytes], f.name, { type: f.type }));
      // wrangler dev restarts the Worker when someone edits its sources; the idempotency key makes a retry safe.
      for (let attempt = 1; ; attempt++) {
        const res = await fetch(`${worker.url}/api/v1/evidence`, { method: 'POST', body: form, headers: { authorization: `Bearer ${cTok}` } });
        if (res.status === 201 || res.status === 200) return;
        const why = `upload failed: ${res.status} ${await res.text()}`;
        if (res.status !== 503 || attempt >= 5) throw new Error(why);
        await new Promise((r) => setTimeout(r, 1000));
      }
    };
    let nextUpload = 0;
    const uploader = async () => {
      while (nextUpload < N) await uploadOne(nextUpload++);
    };
    await Promise.all(Array.from({ length: UPLOADS_AT_ONCE }, uploader));
    const made = await api('/exports', {
      method: 'POST',
      body: JSON.stringify({ scope: { kind: 'case', id: kase.id }, variant: 'police', recipient: 'Bench' }),
    });
    const view = (await made.json()) as { id: string };
    const pgid = worker.process.pid!;
    const idle = workerdRssMb(pgid);
    const stored = Array.from({ length: N }, (_, i) => BIG_BYTES + screenshotOf(i).byteLength).reduce((a, b) => a + b, 0);
    const read = await drain(`${worker.url}/api/v1/bench/export-baseline/${view.id}`, aTok, pgid, 0);
    const sent = await drain(`${worker.url}/api/v1/bench/export-baseline/${view.id}?send=1`, aTok, pgid, stored);
    const pack = await drain(`${worker.url}/api/v1/exports/${view.id}/pack.zip`, aTok, pgid, stored);
    const mb = (n: number) => `${n.toFixed(0)} MB`;
    const line = (label: string, d: Drained, extra = '') =>
      `  ${label.padEnd(25)}: ${d.mbps.toFixed(1).padStart(6)} MB/s  total ${d.seconds.toFixed(2)} s${extra}  workerd peak RSS ${mb(d.peakRssMb)}` +
      (d.halves[1] > 0 ? ` (1st half of the bytes ${mb(d.halves[0])}, 2nd half ${mb(d.halves[1])})` : '');
    console.log(
      `police pack of ${N} exhibits (${mb(pack.bytes / 1024 / 1024)}: ${N} ${PAGE_SHOTS ? 'page-like' : 'flat-colour'} screenshots + ${N} × ${FILE_MB} MB files), local wrangler dev, workerd idle at ${mb(idle)} RSS`,
    );
    console.log(line('baseline R2 read, no zip', read));
    console.log(line('baseline R2 sent, no zip', sent, `  first byte ${sent.firstByteMs.toFixed(0)} ms`));
    console.log(line('signed evidence pack', pack, `  first byte ${pack.firstByteMs.toFixed(0)} ms`));
    console.log(
      `  ratio pack/R2 read       : ${(pack.mbps / read.mbps).toFixed(2)}x throughput (pack/R2 sent ${(pack.mbps / sent.mbps).toFixed(2)}x); first byte ${pack.firstByteMs.toFixed(0)} ms = ${((pack.firstByteMs / 1000 / pack.seconds) * 100).toFixed(0)} % of the pack's time`,
    );
  } finally {
    await stack.stop();
  }
}
