// `npm run demo` against a Worker that `npm start` left on an unusual port (real wrangler dev,
// a temp --persist-to): it must use that Worker, print its address, and seed nothing twice.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, d1, ROOT, startWorker, type RunningWorker } from '../../../scripts/lib/wrangler.ts';
import { clearDevAddress, writeDevAddress } from '../../../scripts/lib/dev-address.ts';

const run = promisify(execFile);
const WRANGLER_TEST_MS = 900_000;
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

let persistTo: string;
let worker: RunningWorker;
beforeAll(async () => {
  persistTo = mkdtempSync(join(tmpdir(), 'wg-demo-cli-'));
  await applyMigrations({ persistTo });
  worker = await startWorker({ persistTo });
  // What `npm start` does once its Worker answers.
  writeDevAddress(worker.url, { persistTo });
}, WRANGLER_TEST_MS);
afterAll(async () => {
  await worker?.stop();
  clearDevAddress({ persistTo });
  rmSync(persistTo, { recursive: true, force: true });
});

async function demo(): Promise<string> {
  const { PORT: _unset, ...inherited } = process.env;
  const env = { ...inherited, WRANGLER_SEND_METRICS: 'false' };
  const { stdout } = await run(TSX, ['scripts/demo.ts', '--persist-to', persistTo], { cwd: ROOT, env });
  return stdout;
}

const counts = () =>
  d1<{ users: number; mail: number; items: number }>(
    'SELECT (SELECT COUNT(*) FROM users) AS users, (SELECT COUNT(*) FROM mail_records) AS mail, (SELECT COUNT(*) FROM evidence_items) AS items',
    { persistTo },
  );

const signedIn = async (token: string) => (await fetch(`${worker.url}/api/v1/session`, { headers: { authorization: `Bearer ${token}` } })).status;

describe('npm run demo', () => {
  it(
    'seeds the Worker npm start is running on its own port, prints that address, and seeds nothing twice',
    async () => {
      expect(worker.url).not.toBe('http://127.0.0.1:8787');
      const first = await demo();
      expect(first).toContain(`Open ${worker.url}/ and sign in with the officer token.`);
      const officer = /Officer token \(Sam Patel\):\s+(wg_\S+)/.exec(first)?.[1];
      expect(officer).toBeDefined();
      expect(await signedIn(officer!)).toBe(200);
      const seeded = await counts();
      expect(seeded[0]!.mail).toBeGreaterThan(0);

      const second = await demo();
      expect(second).toContain('already here; nothing was added');
      expect(second).toContain(`Open ${worker.url}/`);
      expect(await counts()).toEqual(seeded);
      const fresh = /Officer token \(Sam Patel\):\s+(wg_\S+)/.exec(second)?.[1];
      expect(fresh).toBeDefined();
      expect(fresh).not.toBe(officer);
      expect(await signedIn(fresh!)).toBe(200);
    },
    WRANGLER_TEST_MS,
  );
});
