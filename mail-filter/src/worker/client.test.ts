import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTransient, createWorkerClient } from './client.ts';

// A real HTTP server standing in for the Worker: answers by the councillor id asked for.
let server: Server;
let url = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const json = (status: number, v: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(v));
    if (req.headers.authorization !== 'Bearer wg_svc') return json(401, { error: { code: 'UNAUTHENTICATED', message: 'no token' } });
    if (req.url?.endsWith('/councillors/busy')) return json(503, { error: { code: 'STORAGE_FAILED', message: 'R2 down' } });
    if (req.url?.endsWith('/councillors/limited')) return json(429, { error: { code: 'SOMETHING_NEWER', message: 'slow down' } });
    if (req.url?.endsWith('/councillors/elsewhere')) return json(404, { error: { code: 'NOT_FOUND', message: 'not yours' } });
    if (req.url?.endsWith('/councillors/u1')) return json(200, { id: 'u1', name: 'Ann', councilId: 'c1', email: 'ann@council.example' });
    // Anything else hangs, as a stuck Worker would.
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (err: unknown) => err as Error & { code: string },
  );

describe("the mail filter's Worker client", () => {
  it('gives up on a hung Worker after the filing timeout, as a transient failure the spool takes', async () => {
    const worker = createWorkerClient({ url, token: 'wg_svc', filingTimeoutSeconds: 0.2 });
    const hung = await failure(worker.dueAlerts());
    expect(hung.code).toBe('WORKER_UNAVAILABLE');
    expect(hung.message).toContain('no answer within 0.2 s');
    expect(isTransient(hung)).toBe(true);
  });

  it('spools on a busy or rate-limited Worker and sets aside what it refuses, whatever code it names', async () => {
    const worker = createWorkerClient({ url: `${url}/`, token: 'wg_svc' });
    const busy = await failure(worker.councillor('busy'));
    expect([busy.code, isTransient(busy)]).toEqual(['STORAGE_FAILED', true]);
    const limited = await failure(worker.councillor('limited'));
    expect([limited.code, isTransient(limited)]).toEqual(['WORKER_UNAVAILABLE', true]);
    const refused = await failure(worker.councillor('elsewhere'));
    expect([refused.code, refused.message, isTransient(refused)]).toEqual(['NOT_FOUND', 'not yours', false]);
    const badToken = await failure(createWorkerClient({ url, token: 'wrong' }).councillor('u1'));
    expect([badToken.code, isTransient(badToken)]).toEqual(['UNAUTHENTICATED', false]);
    expect(await worker.councillor('u1')).toMatchObject({ id: 'u1', name: 'Ann' });
  });
});
