// The real Worker (wrangler dev, workerd, local D1 + R2) with one councillor and a token.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCouncil, createUser, issueToken } from '../../scripts/lib/principals.ts';
import { applyMigrations, d1, startWorker, type RunningWorker } from '../../scripts/lib/wrangler.ts';
import { freePort } from '../../scripts/lib/free-port.ts';

export { freePort };

export interface Stack {
  url: string;
  port: number;
  persistTo: string;
  token: string;
  userId: string;
  initials: string;
  worker: RunningWorker | null;
  start(): Promise<void>;
  stop(): Promise<void>;
  sql<T = Record<string, unknown>>(q: string): Promise<T[]>;
  api<T>(path: string, init?: RequestInit): Promise<{ status: number; body: T }>;
  dispose(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const persistTo = await mkdtemp(join(tmpdir(), 'wardguard-ext-worker-'));
  const store = { persistTo };
  await applyMigrations(store);
  const councilId = await createCouncil('Testshire District Council', store);
  const user = await createUser(store, councilId, { name: 'Alice Brown', role: 'councillor' });
  const { token } = await issueToken(store, user.id, 'extension e2e');
  const port = await freePort();
  const stack: Stack = {
    url: `http://127.0.0.1:${port}`,
    port,
    persistTo,
    token,
    userId: user.id,
    initials: user.initials,
    worker: null,
    async start() {
      stack.worker = await startWorker({ port, persistTo });
    },
    async stop() {
      await stack.worker?.stop();
      stack.worker = null;
    },
    sql: (q) => d1(q, store),
    async api<T>(path: string, init: RequestInit = {}) {
      const res = await fetch(`${stack.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
      const type = res.headers.get('content-type') ?? '';
      return { status: res.status, body: (type.includes('json') ? await res.json() : new Uint8Array(await res.arrayBuffer())) as T };
    },
    async dispose() {
      await stack.stop();
      await rm(persistTo, { recursive: true, force: true });
    },
  };
  await stack.start();
  return stack;
}
