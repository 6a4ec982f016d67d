// Evidence upload throughput against a real local Worker (wrangler dev, local D1/R2):
// N bundles each carrying a 2 MB PNG, next to a baseline of the same bytes PUT
// straight into local R2 through the bare bench route, measured in the same run.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { startBenchStack } from './lib/bench-stack.ts';
import { createDeviceSigner } from '../scripts/lib/device-signer.ts';

const N = Number(process.env.BENCH_UPLOADS ?? 40);
const PNG_BYTES = 2 * 1024 * 1024;

function png(): Uint8Array {
  const b = randomBytes(PNG_BYTES);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return b;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function timeEach(n: number, fn: (i: number) => Promise<void>) {
  const lat: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    lat.push(performance.now() - t);
  }
  const total = (performance.now() - start) / 1000;
  lat.sort((a, b) => a - b);
  return { perSec: n / total, p50: pct(lat, 50), p95: pct(lat, 95) };
}

export async function run(): Promise<void> {
  const stack = await startBenchStack('upload');
  const { worker, councillorToken: cTok, adminToken: aTok } = stack;
  try {
    const bytes = png();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // Web captures must be signed, by one device key per token, as the extension does.
    const signer = await createDeviceSigner();
    const upload = async () => {
      const manifest = {
        version: 1,
        idempotencyKey: `bench-${randomUUID()}`,
        kind: 'web_capture',
        title: 'bench',
        capturedAt: new Date().toISOString(),
        metadata: {},
        artifacts: [{ name: 'viewport.png', mediaType: 'image/png', size: bytes.byteLength, sha256 }],
      };
      const text = JSON.stringify(manifest);
      const form = new FormData();
      form.append('manifest', text);
      form.append('signature', JSON.stringify(await signer.sign(text)));
      form.append('file', new File([bytes], 'viewport.png', { type: 'image/png' }));
      const res = await fetch(`${worker.url}/api/v1/evidence`, { method: 'POST', body: form, headers: { authorization: `Bearer ${cTok}` } });
      if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
    };
    const raw = async (i: number) => {
      const res = await fetch(`${worker.url}/api/v1/bench/raw/k${i}`, { method: 'PUT', body: bytes, headers: { authorization: `Bearer ${aTok}` } });
      if (!res.ok) throw new Error(`raw put failed: ${res.status}`);
    };
    await upload();
    await raw(0); // warm both paths
    const base = await timeEach(N, raw);
    // The baseline route only PUTs (a DELETE in the timed request would flatter the ratio): clear up untimed.
    const cleared = await fetch(`${worker.url}/api/v1/bench/raw`, { method: 'DELETE', headers: { authorization: `Bearer ${aTok}` } });
    if (!cleared.ok) throw new Error(`clearing the baseline objects failed: ${cleared.status}`);
    const full = await timeEach(N, upload);
    console.log(`uploads of one 2 MB PNG bundle, N=${N}, sequential, local wrangler dev`);
    console.log(`  baseline raw R2 PUT : ${base.perSec.toFixed(1)}/s  p50 ${base.p50.toFixed(1)} ms  p95 ${base.p95.toFixed(1)} ms`);
    console.log(`  evidence bundle     : ${full.perSec.toFixed(1)}/s  p50 ${full.p50.toFixed(1)} ms  p95 ${full.p95.toFixed(1)} ms`);
    console.log(`  ratio bundle/raw    : ${(full.perSec / base.perSec).toFixed(2)}x throughput, ${(full.p50 / base.p50).toFixed(2)}x p50 latency`);
  } finally {
    await stack.stop();
  }
}
