// Evidence-pack export throughput against a real local Worker (wrangler dev, local D1/R2):
// a case of N exhibits (a printable PNG screenshot plus a 1 MB file each) streamed as a
// signed police pack, next to a baseline of the Worker reading the same R2 objects with no
// ZIP, hashing, report or custody, measured in the same run. Also samples the Worker
// processes' resident memory while the pack streams, to show it stays flat.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { startBenchStack } from './lib/bench-stack.ts';
import { solidPng } from '../scripts/lib/png.ts';
import { createDeviceSigner } from '../scripts/lib/device-signer.ts';

const N = Number(process.env.BENCH_EXPORT_EXHIBITS ?? 150);
const BIG_BYTES = 1024 * 1024;

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Resident memory of every process in wrangler's process group (workerd included), in MB. */
function groupRssMb(pgid: number): number {
  let kb = 0;
  let pids: string[] = [];
  try {
    pids = execFileSync('ps', ['-o', 'pid=', '-g', String(pgid)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      /* exited */
    }
  }
  return kb / 1024;
}

async function drain(url: string, token: string, pgid: number) {
  let peak = groupRssMb(pgid);
  const sampler = setInterval(() => (peak = Math.max(peak, groupRssMb(pgid))), 100);
  const start = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok || !res.body) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  let bytes = 0;
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
  return { bytes, seconds, mbps: bytes / 1024 / 1024 / seconds, firstByteMs, peakRssMb: peak };
}

export async function run(): Promise<void> {
  const stack = await startBenchStack('export');
  const { worker, councillorToken: cTok, adminToken: aTok, councillorId } = stack;
  try {
    const api = (path: string, init: RequestInit = {}, token = aTok) =>
      fetch(`${worker.url}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
    const kase = (await (await api('/cases', { method: 'POST', body: JSON.stringify({ title: 'Bench case', councillorId }) })).json()) as { id: string };
    const screenshot = new Uint8Array(solidPng(1280, 2400, [200, 60, 60]));
    // The Worker takes a web capture only when a device key signed it, as the extension does.
    const signer = await createDeviceSigner();
    for (let i = 0; i < N; i++) {
      const big = new Uint8Array(randomBytes(BIG_BYTES));
      big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const files = [
        { name: 'full-page-annotated.png', type: 'image/png', bytes: screenshot },
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
      const res = await fetch(`${worker.url}/api/v1/evidence`, { method: 'POST', body: form, headers: { authorization: `Bearer ${cTok}` } });
      if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
    }
    const made = await api('/exports', {
      method: 'POST',
      body: JSON.stringify({ scope: { kind: 'case', id: kase.id }, variant: 'police', recipient: 'Bench' }),
    });
    const view = (await made.json()) as { id: string };
    const pgid = worker.process.pid!;
    const idle = groupRssMb(pgid);
    const base = await drain(`${worker.url}/api/v1/bench/export-baseline/${view.id}`, aTok, pgid);
    const pack = await drain(`${worker.url}/api/v1/exports/${view.id}/pack.zip`, aTok, pgid);
    console.log(
      `police pack of ${N} exhibits (${(pack.bytes / 1024 / 1024).toFixed(0)} MB), local wrangler dev, Worker processes idle at ${idle.toFixed(0)} MB RSS`,
    );
    console.log(`  baseline R2 read, no zip : ${base.mbps.toFixed(1)} MB/s  total ${base.seconds.toFixed(2)} s  peak RSS ${base.peakRssMb.toFixed(0)} MB`);
    console.log(
      `  signed evidence pack     : ${pack.mbps.toFixed(1)} MB/s  first byte ${pack.firstByteMs.toFixed(0)} ms  total ${pack.seconds.toFixed(2)} s  peak RSS ${pack.peakRssMb.toFixed(0)} MB`,
    );
    console.log(
      `  ratio pack/baseline      : ${(pack.mbps / base.mbps).toFixed(2)}x throughput; pack first byte at ${((pack.firstByteMs / 1000 / pack.seconds) * 100).toFixed(0)} % of its total time`,
    );
  } finally {
    await stack.stop();
  }
}
