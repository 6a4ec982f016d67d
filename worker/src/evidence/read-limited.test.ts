import { describe, expect, it } from 'vitest';
import { readLimited } from './read-limited.ts';

/** A request whose body is a stream of `total` bytes and whose Content-Length says whatever it likes. */
function requestOf(total: number, declared?: string): { req: Request; pulled: () => number } {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const n = Math.min(1000, total - sent);
      controller.enqueue(new Uint8Array(n));
      sent += n;
    },
  });
  const req = new Request('http://wardguard.test/', { method: 'POST', body });
  // A stand-in that reports the claimed length, as a lying client's request would.
  const lying = { headers: new Headers(declared === undefined ? {} : { 'content-length': declared }), body: req.body } as unknown as Request;
  return { req: lying, pulled: () => sent };
}

describe('reading a body up to a limit', () => {
  it('stops reading and refuses once a body with a small declared length passes the limit', async () => {
    const { req, pulled } = requestOf(50_000, '100');
    await expect(readLimited(req, 10_000)).rejects.toMatchObject({ code: 'BUNDLE_TOO_LARGE' });
    expect(pulled()).toBeLessThan(50_000);
  });

  it('stops reading and refuses a body sent without a length', async () => {
    const { req, pulled } = requestOf(50_000);
    await expect(readLimited(req, 10_000)).rejects.toMatchObject({ code: 'BUNDLE_TOO_LARGE' });
    expect(pulled()).toBeLessThan(50_000);
  });

  it('refuses at once a declared length over the limit, reading nothing', async () => {
    const { req, pulled } = requestOf(50_000, '50000');
    await expect(readLimited(req, 10_000)).rejects.toMatchObject({ code: 'BUNDLE_TOO_LARGE' });
    expect(pulled()).toBeLessThan(2000);
  });

  it('reads a body within the limit whole', async () => {
    const { req } = requestOf(9_000);
    expect((await readLimited(req, 10_000)).byteLength).toBe(9_000);
  });
});
