import { describe, expect, it } from 'vitest';
import type { Receipt } from '@wardguard/shared';
import { sealArtifact } from '../seal/artifact.ts';
import { generateSigningKey, signManifest } from '../seal/signature.ts';
import { createMemoryStore } from './memory-store.ts';
import { createQueue } from './queue.ts';
import type { CaptureDraft, DeliveredReceipt, QueuedBundle, SendResult } from './types.ts';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9]);
const receipt = (dup = false): Receipt => ({
  itemId: 'i1',
  exhibitRef: 'AB/1',
  serverTime: '2026-11-23T21:00:01Z',
  manifestSha256: 'x',
  duplicate: dup,
  signatureKeySha256: null,
  artifacts: [],
});

async function setup(responses: (SendResult | Error)[]) {
  const pair = await generateSigningKey();
  const store = createMemoryStore();
  let t = 1_000_000;
  const sent: QueuedBundle[] = [];
  const delivered: DeliveredReceipt[] = [];
  const queue = createQueue({
    store,
    sign: (text) => signManifest(pair, text),
    send: async (b) => {
      sent.push(b);
      const r = responses.shift() ?? new Error('no more responses');
      if (r instanceof Error) throw r;
      return r;
    },
    onDelivered: (r) => void delivered.push(r),
    now: () => t,
  });
  const draft: CaptureDraft = {
    title: 'Post',
    url: 'https://example.org/p/1',
    capturedAt: '2026-11-23T21:00:00.000Z',
    caseId: null,
    note: null,
    metadata: {},
    artifacts: [await sealArtifact('viewport.png', 'image/png', png)],
    warnings: [],
  };
  return { queue, store, sent, delivered, draft, advance: (ms: number) => (t += ms) };
}

describe('offline queue', () => {
  it('keeps a capture while the server is unreachable and sends it once it is back', async () => {
    const s = await setup([new Error('Failed to fetch'), { ok: true, status: 201, receipt: receipt() }]);
    const b = await s.queue.add(s.draft);
    expect(await s.queue.flush()).toBe(0);
    const [waiting] = await s.queue.list();
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, lastError: { code: 'NETWORK' } });
    expect(waiting!.nextAttemptAt).toBe(1_000_000 + 30_000);
    expect(await s.queue.flush()).toBe(0); // not due yet: nothing sent
    expect(s.sent).toHaveLength(1);
    s.advance(30_000);
    expect(await s.queue.flush()).toBe(1);
    expect(s.store.size()).toBe(0);
    expect(s.delivered[0]).toMatchObject({ bundleId: b.id, exhibitRef: 'AB/1' });
    expect(s.sent.map((x) => x.id)).toEqual([b.id, b.id]); // same idempotency key on the retry
  });

  it('waits as long as a busy server asks (Retry-After) before sending again, even past its own back-off', async () => {
    const s = await setup([{ ok: false, status: 503, code: 'STORAGE_FAILED', message: 'busy', retryAfterMs: 600_000 }]);
    await s.queue.add(s.draft);
    expect(await s.queue.flush()).toBe(0);
    const [waiting] = await s.queue.list();
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, lastError: { code: 'STORAGE_FAILED', status: 503 } });
    expect(waiting!.nextAttemptAt).toBe(1_000_000 + 600_000);
  });

  it('removes the bundle when the server says it already has it (duplicate)', async () => {
    const s = await setup([{ ok: true, status: 200, receipt: receipt(true) }]);
    await s.queue.add(s.draft);
    expect(await s.queue.flush()).toBe(1);
    expect(s.store.size()).toBe(0);
  });

  it('keeps a refused bundle as "needs attention" with the reason, and never retries it on its own', async () => {
    const s = await setup([{ ok: false, status: 422, code: 'HASH_MISMATCH', message: 'bad hash' }]);
    await s.queue.add(s.draft);
    await s.queue.flush();
    s.advance(10 * 3_600_000);
    await s.queue.flush({ force: true });
    expect(s.sent).toHaveLength(1);
    expect(await s.queue.list()).toMatchObject([{ state: 'needs_attention', lastError: { code: 'HASH_MISMATCH', status: 422 } }]);
    expect(await s.queue.nextWakeAt()).toBeNull();
  });

  it('keeps retrying while the token is rejected (401) so re-pairing delivers the backlog', async () => {
    const s = await setup([
      { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'no' },
      { ok: true, status: 201, receipt: receipt() },
    ]);
    await s.queue.add(s.draft);
    await s.queue.flush();
    expect(await s.queue.list()).toMatchObject([{ state: 'pending', lastError: { status: 401 } }]);
    await s.queue.flush({ force: true });
    expect(s.store.size()).toBe(0);
  });

  it('holds a capture of an empty-looking page until the councillor files it anyway, re-signed with their note', async () => {
    const s = await setup([{ ok: true, status: 201, receipt: receipt() }]);
    const held = await s.queue.add({ ...s.draft, warnings: ['Login wall'] }, { hold: true });
    await s.queue.flush({ force: true });
    expect(s.sent).toHaveLength(0);
    const filed = await s.queue.confirm(held.id, 'Post was visible before I was logged out');
    expect(filed!.id).toBe(held.id);
    expect(JSON.parse(filed!.manifestText).metadata.note).toBe('Post was visible before I was logged out');
    expect(filed!.signature.value).not.toBe(held.signature.value);
    await s.queue.flush();
    expect(s.sent).toHaveLength(1);
  });

  it('sends a bundle only once when two flushes overlap', async () => {
    const s = await setup([{ ok: true, status: 201, receipt: receipt() }]);
    await s.queue.add(s.draft);
    const [a, b] = await Promise.all([s.queue.flush(), s.queue.flush()]);
    expect(a + b).toBe(2); // both callers see the single flush's result
    expect(s.sent).toHaveLength(1);
  });

  it('sends a capture added while a flush is already running when asked to flush (the running pass had listed the store before it)', async () => {
    const s = await setup([]);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const sent: string[] = [];
    const queue = createQueue({
      store: s.store,
      sign: async () => ({ alg: 'ES256', publicKeyJwk: {}, signature: 'x' }) as never,
      send: async (b) => {
        sent.push(b.draft.title);
        if (b.draft.title === 'first') await gate;
        return { ok: true, status: 201, receipt: receipt() };
      },
    });
    await queue.add({ ...s.draft, title: 'first' });
    const running = queue.flush({ force: true });
    await new Promise((r) => setTimeout(r, 10)); // the first pass is now waiting on the server
    await queue.add({ ...s.draft, title: 'second' });
    const joined = queue.flush({ force: true });
    release();
    expect(await running).toBe(1);
    expect(await joined).toBe(1);
    expect(sent).toEqual(['first', 'second']);
    expect(s.store.size()).toBe(0);
  });

  it('re-files a refused bundle under a new key so the server does not call it a conflict', async () => {
    const s = await setup([
      { ok: false, status: 409, code: 'IDEMPOTENCY_CONFLICT', message: 'x' },
      { ok: true, status: 201, receipt: receipt() },
    ]);
    const b = await s.queue.add(s.draft);
    await s.queue.flush();
    const again = await s.queue.confirm(b.id);
    expect(again!.id).not.toBe(b.id);
    expect(s.store.size()).toBe(1);
    await s.queue.flush();
    expect(s.store.size()).toBe(0);
  });
});
