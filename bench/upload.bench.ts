// Evidence upload throughput against a real local Worker (wrangler dev, local D1/R2): signed
// bundles of one PNG at 2 MB and at 40 MB, each next to a baseline of the same bytes PUT
// straight into local R2 through the bare bench route, measured in the same run, with
// workerd's peak resident memory beside each. Before those, 60 MiB through workerd as 4 MiB bundles
// and as one 60 MiB bundle, then four more 60 MiB (two files each, as the per-file limit is 50 MiB), to show memory does not grow with them.
//
//   BENCH_UPLOADS     uploads of the 2 MB bundle (default 40; the 40 MB one gets an eighth of it, at least 4)
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { startBenchStack } from './lib/bench-stack.ts';
import { withPeakRss, workerdRssMb } from './lib/workerd-rss.ts';
import { createDeviceSigner } from '../scripts/lib/device-signer.ts';

const N = Number(process.env.BENCH_UPLOADS ?? 40);
const MB = 1024 * 1024;

function png(bytes: number): Buffer {
  const b = randomBytes(bytes);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return b;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * wrangler dev restarts the Worker when someone edits its sources (other work on this machine):
 * a request cut by that is sent again (both are safe to repeat: same key, same idempotency key).
 */
async function retried(send: () => Promise<Response>): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await send();
      if (res.status !== 503 || attempt >= 5) return res;
    } catch (err) {
      if (attempt >= 5) throw err;
    }
    console.log('  (the Worker restarted: request sent again)');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

interface Timed {
  perSec: number;
  mbps: number;
  p50: number;
  p95: number;
  peakRssMb: number;
}

async function timeEach(pgid: number, n: number, bytes: number, fn: (i: number) => Promise<void>): Promise<Timed> {
  const lat: number[] = [];
  const { result: total, peakRssMb } = await withPeakRss(pgid, async () => {
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await fn(i);
      lat.push(performance.now() - t);
    }
    return (performance.now() - start) / 1000;
  });
  lat.sort((a, b) => a - b);
  return { perSec: n / total, mbps: (n * bytes) / MB / total, p50: pct(lat, 50), p95: pct(lat, 95), peakRssMb };
}

/**
 * Times `a` and `b` in turn, n times each: on a machine shared with other work the load drifts
 * over seconds, and timing all of one and then all of the other would credit that drift to one side.
 */
async function timeInTurn(pgid: number, n: number, bytes: number, a: (i: number) => Promise<void>, b: (i: number) => Promise<void>): Promise<[Timed, Timed]> {
  const runs = [a, b].map((fn) => ({ fn, lat: [] as number[], peak: 0 }));
  for (let i = 0; i < n; i++) {
    for (const r of runs) {
      const { result: ms, peakRssMb } = await withPeakRss(pgid, async () => {
        const t = performance.now();
        await r.fn(i);
        return performance.now() - t;
      });
      r.lat.push(ms);
      r.peak = Math.max(r.peak, peakRssMb);
    }
  }
  const timed = ({ lat, peak }: (typeof runs)[number]): Timed => {
    const total = lat.reduce((x, y) => x + y, 0) / 1000;
    lat.sort((x, y) => x - y);
    return { perSec: n / total, mbps: (n * bytes) / MB / total, p50: pct(lat, 50), p95: pct(lat, 95), peakRssMb: peak };
  };
  return [timed(runs[0]!), timed(runs[1]!)];
}

export async function run(): Promise<void> {
  const stack = await startBenchStack('upload');
  const { worker, councillorToken: cTok, adminToken: aTok } = stack;
  const pgid = worker.process.pid!;
  try {
    // Web captures must be signed, by one device key per token, as the extension does.
    const signer = await createDeviceSigner();
    const upload = async (files: { name: string; bytes: Buffer; sha256: string }[]) => {
      const manifest = {
        version: 1,
        idempotencyKey: `bench-${randomUUID()}`,
        kind: 'web_capture',
        title: 'bench',
        capturedAt: new Date().toISOString(),
        metadata: {},
        artifacts: files.map((f) => ({ name: f.name, mediaType: 'image/png', size: f.bytes.byteLength, sha256: f.sha256 })),
      };
      const text = JSON.stringify(manifest);
      const form = new FormData();
      form.append('manifest', text);
      form.append('signature', JSON.stringify(await signer.sign(text)));
      for (const f of files) form.append('file', new File([f.bytes], f.name, { type: 'image/png' }));
      const res = await retried(() => fetch(`${worker.url}/api/v1/evidence`, { method: 'POST', body: form, headers: { authorization: `Bearer ${cTok}` } }));
      if (res.status !== 201 && res.status !== 200) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
    };
    const file = (name: string, bytes: number) => {
      const b = png(bytes);
      return { name, bytes: b, sha256: createHash('sha256').update(b).digest('hex') };
    };
    const mb = (n: number) => `${n.toFixed(0)} MB`;

    // Memory first, before any baseline has buffered a large body in workerd: RSS only grows.
    const idle = workerdRssMb(pgid);
    const small = [file('a.png', 2 * MB), file('b.png', 2 * MB)];
    const large = [file('a.png', 30 * MB), file('b.png', 30 * MB)];
    await upload(small); // warm
    // workerd's RSS follows the bytes passed through it until the garbage is collected, not the
    // bundle's size (16 uploads of 4 MiB reach what one of 60 MiB does): so each size gets the same 60 MiB
    // first, then more 60 MiB bundles show whether anything stays behind.
    const mem4 = await timeEach(pgid, 15, 4 * MB, () => upload(small));
    const mem60 = await timeEach(pgid, 1, 60 * MB, () => upload(large));
    const mem60more = await timeEach(pgid, 4, 60 * MB, () => upload(large));

    const rows: string[] = [];
    for (const [sizeMb, n] of [
      [2, N],
      [40, Math.max(4, Math.round(N / 8))],
    ] as const) {
      const one = file('viewport.png', sizeMb * MB);
      const raw = async (i: number) => {
        const res = await retried(() =>
          fetch(`${worker.url}/api/v1/bench/raw/k${sizeMb}-${i}`, { method: 'PUT', body: one.bytes, headers: { authorization: `Bearer ${aTok}` } }),
        );
        if (!res.ok) throw new Error(`raw put failed: ${res.status}`);
      };
      await upload([one]);
      await raw(9999); // warm both paths
      const [full, base] = await timeInTurn(pgid, n, sizeMb * MB, () => upload([one]), raw);
      // The baseline route only PUTs (a DELETE in the timed request would flatter the ratio): clear up untimed.
      const cleared = await fetch(`${worker.url}/api/v1/bench/raw`, { method: 'DELETE', headers: { authorization: `Bearer ${aTok}` } });
      if (!cleared.ok) throw new Error(`clearing the baseline objects failed: ${cleared.status}`);
      const line = (label: string, t: Timed) =>
        `    ${label.padEnd(19)}: ${t.perSec.toFixed(1).padStart(5)}/s ${t.mbps.toFixed(0).padStart(4)} MB/s  p50 ${t.p50.toFixed(1).padStart(6)} ms  p95 ${t.p95.toFixed(1).padStart(6)} ms  workerd peak RSS ${mb(t.peakRssMb)}`;
      rows.push(
        `  one ${sizeMb} MB PNG per bundle, N=${n}, sequential, bundle and raw PUT in turn`,
        line('baseline raw R2 PUT', base),
        line('evidence bundle', full),
        `    ratio bundle/raw   : ${(full.perSec / base.perSec).toFixed(2)}x throughput, ${(full.p50 / base.p50).toFixed(2)}x p50 latency`,
      );
    }
    console.log(`evidence uploads against raw R2 PUTs of the same bytes, local wrangler dev, workerd idle at ${mb(idle)} RSS`);
    for (const r of rows) console.log(r);
    console.log(`  flat memory: bundles of two files, 60 MiB through workerd at each size, before any baseline ran`);
    console.log(`    15 × 4 MiB bundles: workerd peak RSS ${mb(mem4.peakRssMb)}  (${mem4.mbps.toFixed(0)} MB/s)`);
    console.log(`    1 × 60 MiB bundle : workerd peak RSS ${mb(mem60.peakRssMb)}  (${mem60.mbps.toFixed(0)} MB/s)`);
    console.log(
      `    4 more × 60 MiB   : workerd peak RSS ${mb(mem60more.peakRssMb)}  (${mem60more.mbps.toFixed(0)} MB/s; kept buffers would add 60 MB an upload)`,
    );
  } finally {
    await stack.stop();
  }
}
