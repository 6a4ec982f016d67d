import type { BundleSignature } from '../seal/signature.ts';
import { buildManifest } from '../seal/manifest.ts';
import { backoffDelayMs, classifyStatus } from './backoff.ts';
import type { CaptureDraft, DeliveredReceipt, QueueStore, QueuedBundle, SendResult } from './types.ts';

export interface QueueOptions {
  store: QueueStore;
  send: (b: QueuedBundle) => Promise<SendResult>;
  sign: (manifestText: string) => Promise<BundleSignature>;
  onDelivered?: (r: DeliveredReceipt) => Promise<void> | void;
  now?: () => number;
  newId?: () => string;
}

function seal(draft: CaptureDraft, id: string, sign: QueueOptions['sign']) {
  const { text } = buildManifest({ idempotencyKey: id, ...draft });
  return sign(text).then((signature) => ({ manifestText: text, signature }));
}

/**
 * The offline queue: a capture is sealed and stored before any upload is tried, and leaves the
 * store only when the Worker has acknowledged it (2xx, duplicates included).
 *
 * @example
 * const queue = createQueue({ store, send, sign });
 * await queue.add(draft); await queue.flush();
 */
export function createQueue(options: QueueOptions) {
  const { store, send, sign } = options;
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => `wg-ext:${crypto.randomUUID()}`);
  type NextPass = { force: boolean; promise: Promise<number> };
  let tail: Promise<unknown> = Promise.resolve(); // the pass running now, or done
  let next: NextPass | null = null; // the pass that has not started yet, shared by every caller until it does

  async function add(draft: CaptureDraft, opts: { hold?: boolean } = {}): Promise<QueuedBundle> {
    const id = newId();
    const bundle: QueuedBundle = {
      id,
      state: opts.hold ? 'awaiting_confirmation' : 'pending',
      draft,
      ...(await seal(draft, id, sign)),
      attempts: 0,
      nextAttemptAt: now(),
      lastError: null,
      createdAt: new Date(now()).toISOString(),
    };
    await store.put(bundle);
    return bundle;
  }

  async function attempt(b: QueuedBundle): Promise<QueuedBundle | null> {
    let result: SendResult;
    try {
      result = await send(b);
    } catch (e) {
      result = { ok: false, code: 'NETWORK', message: e instanceof Error ? e.message : String(e) };
    }
    const outcome = classifyStatus(result.ok ? result.status : result.status);
    if (result.ok && outcome === 'delivered') {
      await store.delete(b.id);
      await options.onDelivered?.({ ...result.receipt, bundleId: b.id, title: b.draft.title, url: b.draft.url, deliveredAt: new Date(now()).toISOString() });
      return null;
    }
    const failure = result.ok ? { code: 'UNEXPECTED_RESPONSE', message: `Unexpected status ${result.status}`, status: result.status } : result;
    const attempts = b.attempts + 1;
    const next: QueuedBundle = {
      ...b,
      attempts,
      state: outcome === 'needs_attention' ? 'needs_attention' : 'pending',
      nextAttemptAt: now() + backoffDelayMs(attempts, result.ok ? undefined : result.retryAfterMs),
      lastError: {
        code: failure.code,
        message: failure.message,
        ...(failure.status !== undefined ? { status: failure.status } : {}),
        at: new Date(now()).toISOString(),
      },
    };
    await store.put(next);
    return next;
  }

  async function runOnce(force: boolean): Promise<number> {
    let delivered = 0;
    for (const b of await store.list()) {
      if (b.state !== 'pending' || (!force && b.nextAttemptAt > now())) continue;
      if ((await attempt(b)) === null) delivered++;
    }
    return delivered;
  }

  /**
   * Sends every pending bundle that is due (or all of them with `force`); one flush at a time.
   * A call made while a flush runs gets a fresh pass after it (that flush listed the store before
   * the caller's bundle may have been added); every call made meanwhile shares that one pass.
   */
  function flush(opts: { force?: boolean } = {}): Promise<number> {
    if (next) {
      next.force ||= !!opts.force;
      return next.promise;
    }
    const pass: NextPass = { force: !!opts.force, promise: Promise.resolve(0) };
    pass.promise = tail.then(() => {
      if (next === pass) next = null; // calls from here on need a pass that starts after this one
      return runOnce(pass.force);
    });
    next = pass;
    tail = pass.promise.catch(() => undefined);
    return pass.promise;
  }

  /** The councillor files a held or refused capture anyway, optionally with a note: re-sealed, sent next flush. */
  async function confirm(id: string, note?: string): Promise<QueuedBundle | null> {
    const b = await store.get(id);
    if (!b || b.state === 'pending') return b;
    const draft = note?.trim() ? { ...b.draft, note: note.trim() } : b.draft;
    // A bundle refused for its content gets a new key, or the Worker would call it a conflict.
    const bundleId = b.state === 'needs_attention' ? newId() : b.id;
    const next: QueuedBundle = { ...b, id: bundleId, draft, ...(await seal(draft, bundleId, sign)), state: 'pending', nextAttemptAt: now(), attempts: 0 };
    await store.put(next);
    if (bundleId !== b.id) await store.delete(b.id);
    return next;
  }

  /** Only ever on the councillor's explicit request. */
  async function discard(id: string): Promise<void> {
    await store.delete(id);
  }

  /** When the earliest pending bundle is due, for the wake-up alarm; null when nothing waits. */
  async function nextWakeAt(): Promise<number | null> {
    const due = (await store.list()).filter((b) => b.state === 'pending').map((b) => b.nextAttemptAt);
    return due.length ? Math.min(...due) : null;
  }

  return { add, flush, confirm, discard, nextWakeAt, list: () => store.list() };
}
export type Queue = ReturnType<typeof createQueue>;
