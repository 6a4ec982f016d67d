// Drives the project's own wrangler (node_modules/.bin) for the local stack, the
// admin CLI and integration tests. Never phones home.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { newPackKey } from './new-pack-key.ts';
import { freePort } from './free-port.ts';
import { sqlLiteral } from '../../worker/src/db/sql-command.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WRANGLER = join(ROOT, 'node_modules', '.bin', 'wrangler');

/** Where D1/R2 live: the default local state, a custom folder, or Cloudflare. */
export interface Store {
  remote?: boolean;
  persistTo?: string;
}

/**
 * wrangler.toml serves the dashboard from worker/public, which a fresh clone has not built, and
 * wrangler dev will not start without the folder: for benches and tools that use only the API.
 */
export function ensureAssetsDir(): void {
  mkdirSync(join(ROOT, 'worker', 'public'), { recursive: true });
}

export function wranglerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: 'false',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    WRANGLER_LOG_PATH: process.env.WRANGLER_LOG_PATH ?? join(ROOT, '.wrangler', 'logs'),
    NO_UPDATE_NOTIFIER: '1',
    ...extra,
  };
}

const storeArgs = (s: Store): string[] => (s.remote ? ['--remote'] : ['--local', ...(s.persistTo ? ['--persist-to', s.persistTo] : [])]);

export function runWrangler(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(WRANGLER, args, { cwd: ROOT, env: wranglerEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`wrangler ${args.slice(0, 3).join(' ')} failed (${code}):\n${stderr || stdout}`));
    });
  });
}

export async function applyMigrations(store: Store = {}): Promise<void> {
  await runWrangler(['d1', 'migrations', 'apply', 'DB', ...storeArgs(store)]);
}

/** SQL string literal; D1 via the CLI takes no bound parameters. The Worker's own quoting (db/sql-command.ts). */
export const sqlString = (v: string | null | undefined): string => sqlLiteral(v ?? null);

/** Runs SQL against D1 and returns the rows of the last statement. */
export async function d1<T = Record<string, unknown>>(sql: string, store: Store = {}): Promise<T[]> {
  const { stdout } = await runWrangler(['d1', 'execute', 'DB', ...storeArgs(store), '--json', '--command', sql]);
  const start = stdout.indexOf('[');
  const parsed = JSON.parse(stdout.slice(start)) as { results: T[] }[];
  return parsed[parsed.length - 1]?.results ?? [];
}

const DEV_VARS = join(ROOT, '.dev.vars');
const hasDevPackKey = (): boolean => existsSync(DEV_VARS) && /^PACK_SIGNING_KEY\s*=/m.test(readFileSync(DEV_VARS, 'utf8'));

export interface RunningWorker {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

interface StartOptions {
  /** Fixed port (npm start, demo, restarts of a test's Worker); omitted: a free one is picked. */
  port?: number;
  persistTo?: string;
  vars?: Record<string, string>;
  inherit?: boolean;
}

class AddressInUse extends Error {}

const ANSI = /\u001b\[[0-9;]*m/g;
const readyOn = (output: string, url: string): boolean => output.replace(ANSI, '').includes(`Ready on ${url}`);

/**
 * `wrangler dev` on 127.0.0.1, resolved once /api/v1/health answers. A port picked as free
 * can be taken by a parallel test before workerd binds it (and wrangler picks its inspector
 * port the same way), so a start that dies on "Address already in use" is tried again, on a
 * fresh port when the caller did not fix one.
 */
export async function startWorker(opts: StartOptions): Promise<RunningWorker> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce({ ...opts, port: opts.port ?? (await freePort()) });
    } catch (e) {
      if (!(e instanceof AddressInUse) || attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 250 * attempt));
    }
  }
}

async function startOnce(opts: StartOptions & { port: number }): Promise<RunningWorker> {
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(opts.port), '--show-interactive-dev-session=false'];
  if (opts.persistTo) args.push('--persist-to', opts.persistTo);
  // Tests and benchmarks run without .dev.vars: give them a throwaway pack-signing key.
  const vars = { ...(hasDevPackKey() ? {} : { PACK_SIGNING_KEY: newPackKey() }), ...opts.vars };
  for (const [k, v] of Object.entries(vars)) args.push('--var', `${k}:${v}`);
  const child = spawn(WRANGLER, args, { cwd: ROOT, env: wranglerEnv(), stdio: opts.inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${opts.port}`;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  // wrangler runs in its own process group (so stop() can take workerd with it); make
  // sure it never outlives us, however we exit.
  const killOnExit = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGINT');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const Err = /Address already in use/i.test(output) ? AddressInUse : Error;
      throw new Err(`wrangler dev exited early:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/api/v1/health`);
      // Until our wrangler says it is ready, whatever answers on the port is someone else's.
      if (res.ok && (opts.inherit || readyOn(output, url))) return { url, process: child, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`wrangler dev did not become ready within 60 s:\n${output}`);
}
