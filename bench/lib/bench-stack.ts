// A throwaway council on its own local D1/R2 with a councillor and an admin, and the Worker
// running on it under wrangler dev with the bench routes on: the setup every Worker bench shares.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations, ensureAssetsDir, startWorker, type RunningWorker } from '../../scripts/lib/wrangler.ts';
import { createCouncil, createUser, issueToken } from '../../scripts/lib/principals.ts';

export interface BenchStack {
  worker: RunningWorker;
  councillorId: string;
  councillorToken: string;
  adminToken: string;
  stop(): Promise<void>;
}

export async function startBenchStack(name: string): Promise<BenchStack> {
  ensureAssetsDir();
  const dir = mkdtempSync(join(tmpdir(), `wg-bench-${name}-`));
  const store = { persistTo: dir };
  await applyMigrations(store);
  const councilId = await createCouncil('Bench Council', store);
  const councillor = await createUser(store, councilId, { name: 'Bench Councillor', role: 'councillor' });
  const admin = await createUser(store, councilId, { name: 'Bench Admin', role: 'admin' });
  const councillorToken = (await issueToken(store, councillor.id)).token;
  const adminToken = (await issueToken(store, admin.id)).token;
  const worker = await startWorker({ persistTo: dir, vars: { ENABLE_BENCH_ROUTES: '1' } });
  return {
    worker,
    councillorId: councillor.id,
    councillorToken,
    adminToken,
    async stop() {
      await worker.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
