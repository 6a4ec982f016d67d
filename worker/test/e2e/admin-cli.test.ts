// The admin CLI and npm start's first run, against real local D1 (wrangler, a temp --persist-to).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '@wardguard/shared';
import { applyMigrations, d1, ROOT } from '../../../scripts/lib/wrangler.ts';
import { createCouncil, ensureFirstAdmin } from '../../../scripts/lib/principals.ts';

const run = promisify(execFile);
// Every CLI command is one or more wrangler processes (seconds each, far more on a busy 2-core machine).
const WRANGLER_TEST_MS = 900_000;
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

let persistTo: string;
beforeAll(() => {
  persistTo = mkdtempSync(join(tmpdir(), 'wg-admin-cli-'));
});
afterAll(() => rmSync(persistTo, { recursive: true, force: true }));

/** `npm run admin -- <args>` against the temp state; resolves with stdout, rejects with the exit. */
async function admin(...args: string[]): Promise<string> {
  const { stdout } = await run(TSX, ['scripts/admin.ts', ...args, '--persist-to', persistTo], {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
  return stdout;
}

describe('npm run admin', () => {
  it(
    'creates a council and users, issues and revokes tokens, and lists users, storing tokens only as hashes',
    async () => {
      const council = /^council (\S+)$/m.exec(await admin('create-council', '--name', 'Test Borough Council'))?.[1];
      expect(council).toBeDefined();

      const created = await admin('create-user', '--name', 'Jane Smith', '--role', 'councillor', '--email', 'jane@council.example');
      const userId = /^user (\S+) \(councillor, exhibit prefix JS\)$/m.exec(created)?.[1];
      const first = /^token (\S+)\n\n {2}(wg_\S+)$/m.exec(created);
      expect(userId).toBeDefined();
      expect(first).not.toBeNull();

      const issued = /^token (\S+)\n\n {2}(wg_\S+)$/m.exec(await admin('issue-token', '--user', userId!, '--label', 'laptop'));
      expect(issued).not.toBeNull();
      const stored = await d1<{ token_hash: string; label: string }>(`SELECT token_hash, label FROM tokens WHERE id = '${issued![1]}'`, { persistTo });
      expect(stored).toEqual([{ token_hash: await hashToken(issued![2]!), label: 'laptop' }]);

      expect(await admin('list-users')).toMatch(
        new RegExp(`^${userId}\\s+councillor\\s+JS\\s+Jane Smith <jane@council\\.example>\\s+\\[Test Borough Council\\] tokens:2$`, 'm'),
      );

      expect((await admin('revoke-token', '--token', issued![1]!)).trim()).toBe('revoked');
      expect(await d1(`SELECT revoked_at IS NOT NULL AS revoked FROM tokens WHERE id = '${issued![1]}'`, { persistTo })).toEqual([{ revoked: 1 }]);
      // Revoking it again is an error, not a silent success.
      await expect(admin('revoke-token', '--token', issued![1]!)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('No such live token') });
    },
    WRANGLER_TEST_MS,
  );
});

describe('npm start, first run', () => {
  it(
    'finishes a first run that died after creating the council, instead of making a second council',
    async () => {
      const store = { persistTo: mkdtempSync(join(tmpdir(), 'wg-first-run-')) };
      try {
        await applyMigrations(store);
        // What a first run that crashed between the two steps left behind.
        const councilId = await createCouncil('Example Borough Council', store);
        const next = await ensureFirstAdmin(store, 'Example Borough Council');
        expect(next).toMatchObject({ kind: 'created', councilId, councilCreated: false });
        expect(await d1<{ n: number }>('SELECT COUNT(*) AS n FROM councils', store)).toEqual([{ n: 1 }]);
        expect(await d1('SELECT role, council_id FROM users', store)).toEqual([{ role: 'admin', council_id: councilId }]);
        // Every later run leaves it alone.
        expect(await ensureFirstAdmin(store, 'Example Borough Council')).toEqual({ kind: 'exists' });
        expect(await d1<{ n: number }>('SELECT COUNT(*) AS n FROM users', store)).toEqual([{ n: 1 }]);
      } finally {
        rmSync(store.persistTo, { recursive: true, force: true });
      }
    },
    WRANGLER_TEST_MS,
  );

  it(
    'on a fresh database creates the council, the admin and its token together',
    async () => {
      const store = { persistTo: mkdtempSync(join(tmpdir(), 'wg-first-run-')) };
      try {
        await applyMigrations(store);
        const first = await ensureFirstAdmin(store, 'Example Borough Council');
        if (first.kind !== 'created') throw new Error(`expected a first run, got ${first.kind}`);
        expect(first.councilCreated).toBe(true);
        const rows = await d1<{ name: string; role: string; token_hash: string }>(
          'SELECT c.name, u.role, t.token_hash FROM councils c JOIN users u ON u.council_id = c.id JOIN tokens t ON t.user_id = u.id',
          store,
        );
        expect(rows).toEqual([{ name: 'Example Borough Council', role: 'admin', token_hash: await hashToken(first.token.token) }]);
      } finally {
        rmSync(store.persistTo, { recursive: true, force: true });
      }
    },
    WRANGLER_TEST_MS,
  );
});
