// `npm start` may run on any PORT; `npm run demo` (and anything else that talks to the running
// Worker) must find that one instead of guessing 8787 and starting a second Worker.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, type Store } from './wrangler.ts';

/** Next to the local state it serves, so a test's --persist-to never sees a developer's Worker. */
const addressFile = (store: Store): string => join(store.persistTo ?? join(ROOT, '.wrangler'), 'wardguard-dev-url');

export function writeDevAddress(url: string, store: Store = {}): void {
  const file = addressFile(store);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `${url}\n`);
}

export function clearDevAddress(store: Store = {}): void {
  rmSync(addressFile(store), { force: true });
}

/** The address `npm start` wrote, or null when there is none. */
export function readDevAddress(store: Store = {}): string | null {
  try {
    const url = readFileSync(addressFile(store), 'utf8').trim();
    return /^http:\/\/127\.0\.0\.1:\d+$/.test(url) ? url : null;
  } catch {
    return null;
  }
}

const answers = (base: string): Promise<boolean> =>
  fetch(`${base}/api/v1/health`, { signal: AbortSignal.timeout(3000) })
    .then((r) => r.ok)
    .catch(() => false);

/**
 * The Worker to use: PORT when it is set, else the address `npm start` wrote if that Worker
 * still answers, else the default port. `running` says whether something answered there.
 */
export async function findRunningWorker(store: Store = {}, env: NodeJS.ProcessEnv = process.env): Promise<{ base: string; port: number; running: boolean }> {
  if (env.PORT) {
    const port = Number(env.PORT);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}".`);
    const base = `http://127.0.0.1:${port}`;
    return { base, port, running: await answers(base) };
  }
  const written = readDevAddress(store);
  if (written && (await answers(written))) return { base: written, port: Number(new URL(written).port), running: true };
  const base = 'http://127.0.0.1:8787';
  return { base, port: 8787, running: await answers(base) };
}
