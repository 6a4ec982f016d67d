import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isApiError } from './api-error.ts';
import { createApiClient } from './client.ts';

// A real HTTP server, so timeouts and cut-off bodies are the runtime's own.
let server: Server;
let base = '';
const seen: { method: string; url: string; auth?: string; csrf?: string; type?: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({
        method: req.method!,
        url: req.url!,
        body,
        ...(req.headers.authorization ? { auth: req.headers.authorization } : {}),
        ...(req.headers['x-csrf'] ? { csrf: String(req.headers['x-csrf']) } : {}),
        ...(req.headers['content-type'] ? { type: req.headers['content-type'] } : {}),
      });
      const json = (status: number, v: unknown, headers: Record<string, string> = {}) =>
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(v));
      if (req.url === '/api/v1/me') return json(200, { name: 'Ann' });
      if (req.url === '/api/v1/echo') return json(201, { got: JSON.parse(body) });
      if (req.url === '/api/v1/busy') return json(503, { error: { code: 'STORAGE_FAILED', message: 'R2 is down' } }, { 'retry-after': '7' });
      if (req.url === '/api/v1/refused') return json(422, { error: { code: 'HASH_MISMATCH', message: 'bad hash' } });
      if (req.url === '/api/v1/bytes') return res.writeHead(200, { 'content-type': 'message/rfc822' }).end(Buffer.from([1, 2, 3]));
      if (req.url === '/api/v1/portal') return res.writeHead(200, { 'content-type': 'text/html' }).end('<html>sign in to the wifi</html>');
      if (req.url === '/api/v1/stall-body') return res.writeHead(200, { 'content-type': 'application/json' }).write('{"half":');
      // /api/v1/hang: never answers.
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const failure = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    if (isApiError(err)) return { code: err.code, status: err.status, message: err.message, retryAfterMs: err.retryAfterMs };
    throw err;
  }
  throw new Error('expected a failure');
};

describe('the API client', () => {
  it('sends the bearer token and per-request headers, and reads JSON in and out with the status', async () => {
    const api = createApiClient({ baseUrl: base, token: 'wg_t', headers: (m): Record<string, string> => (m === 'GET' ? {} : { 'x-csrf': 'c1' }) });
    expect(await api.json('/me')).toEqual({ name: 'Ann' });
    expect(await api.request('/echo', { method: 'POST', json: { a: 1 } })).toEqual({ status: 201, body: { got: { a: 1 } } });
    expect(seen.slice(-2)).toEqual([
      { method: 'GET', url: '/api/v1/me', auth: 'Bearer wg_t', body: '' },
      { method: 'POST', url: '/api/v1/echo', auth: 'Bearer wg_t', csrf: 'c1', type: 'application/json', body: '{"a":1}' },
    ]);
    expect([...(await createApiClient({ baseUrl: base }).bytes('/bytes'))]).toEqual([1, 2, 3]);
  });

  it("throws the Worker's code and message, with Retry-After, and tells onError first", async () => {
    const told: string[] = [];
    const api = createApiClient({ baseUrl: base, onError: (err, path) => told.push(`${path} ${err.code}`) });
    expect(await failure(api.json('/busy'))).toEqual({ code: 'STORAGE_FAILED', status: 503, message: 'R2 is down', retryAfterMs: 7000 });
    expect(await failure(api.json('/refused'))).toMatchObject({ code: 'HASH_MISMATCH', status: 422, message: 'bad hash' });
    expect(told).toEqual(['/busy STORAGE_FAILED', '/refused HASH_MISMATCH']);
  });

  it('gives up on a hung server, a stalled body, an unreachable host or a page that is not JSON as no answer', async () => {
    const api = createApiClient({ baseUrl: base, timeoutMs: 10_000 });
    expect(await failure(api.json('/hang', { timeoutMs: 300 }))).toMatchObject({
      code: 'WORKER_UNAVAILABLE',
      status: undefined,
      message: expect.stringContaining('no answer within 0.3 s'),
    });
    expect(await failure(api.json('/stall-body', { timeoutMs: 300 }))).toMatchObject({ code: 'WORKER_UNAVAILABLE', status: undefined });
    expect(await failure(api.json('/portal'))).toMatchObject({ code: 'WORKER_UNAVAILABLE', status: undefined });
    const down = createApiClient({ baseUrl: 'http://127.0.0.1:9/api/v1' });
    expect(await failure(down.json('/me'))).toMatchObject({
      code: 'WORKER_UNAVAILABLE',
      status: undefined,
      message: expect.stringContaining('Could not reach'),
    });
  });
});
