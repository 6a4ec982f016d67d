import { STORES, withStore } from '../lib/idb.ts';
import type { DeliveredReceipt, QueueStore, QueuedBundle } from './types.ts';

/** Bundles, blobs included, in IndexedDB: they survive service-worker shutdown and browser restarts. */
export function createIdbStore(): QueueStore {
  return {
    put: async (b) => void (await withStore(STORES.bundles, 'readwrite', (s) => s.put(b, b.id))),
    get: async (id) => (await withStore<QueuedBundle | undefined>(STORES.bundles, 'readonly', (s) => s.get(id))) ?? null,
    list: async () => (await withStore<QueuedBundle[]>(STORES.bundles, 'readonly', (s) => s.getAll())).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    delete: async (id) => void (await withStore(STORES.bundles, 'readwrite', (s) => s.delete(id))),
  };
}

const RECEIPTS_KEPT = 20;

/** The last few receipts, newest first, for the popup. */
export function createReceiptLog() {
  return {
    async add(r: DeliveredReceipt) {
      await withStore(STORES.receipts, 'readwrite', (s) => s.put(r, `${r.deliveredAt}|${r.bundleId}`));
      const keys = await withStore<IDBValidKey[]>(STORES.receipts, 'readonly', (s) => s.getAllKeys());
      for (const k of keys.slice(0, Math.max(0, keys.length - RECEIPTS_KEPT))) await withStore(STORES.receipts, 'readwrite', (s) => s.delete(k));
    },
    async list(): Promise<DeliveredReceipt[]> {
      return (await withStore<DeliveredReceipt[]>(STORES.receipts, 'readonly', (s) => s.getAll())).reverse();
    },
  };
}
