import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

/** Runs `node --import tsx main.ts` as an operator would; only config errors are exercised (they exit before any connection). */
function run(args: string[], env: Record<string, string> = {}) {
  const { WARDGUARD_CONFIG: _drop, ...rest } = process.env;
  const res = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { env: { ...rest, ...env }, encoding: 'utf8', timeout: 30_000 });
  return { status: res.status, stderr: res.stderr };
}

describe('starting the filter', () => {
  it('reads the config named by WARDGUARD_CONFIG when no --config is given, and --config wins over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wg-main-'));
    try {
      const fromEnv = join(dir, 'from-env.json');
      writeFileSync(fromEnv, JSON.stringify({ worker: { url: 'http://127.0.0.1:1', token: 'wg_0123456789abcdef0123456789' }, spoolDir: './s', accounts: [] }));
      const fromFlag = join(dir, 'from-flag.json');
      writeFileSync(fromFlag, '{ not json');
      const env = run([], { WARDGUARD_CONFIG: fromEnv });
      expect(env.status).toBe(2);
      expect(env.stderr).toMatch(/accounts: configure at least one mailbox/);
      const flag = run(['--config', fromFlag], { WARDGUARD_CONFIG: fromEnv });
      expect(flag.status).toBe(2);
      expect(flag.stderr).toMatch(/from-flag\.json is not valid JSON/);
      const neither = run([]);
      expect(neither.status).toBe(2);
      expect(neither.stderr).toMatch(/Usage: npm run filter -- --config <file>\s+\(or set WARDGUARD_CONFIG\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
