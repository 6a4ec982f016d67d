import type { QueueStore, QueuedBundle } from './types.ts';

/** A QueueStore in a Map, for tests and as the reference behaviour of the IndexedDB one. */
export function createMemoryStore(): QueueStore & { size(): number } {
  const items = new Map<string, QueuedBundle>();
  return {
    put: async (b) => void items.set(b.id, structuredClone(b)),
    get: async (id) => structuredClone(items.get(id) ?? null),
    list: async () => [...items.values()].map((b) => structuredClone(b)).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    delete: async (id) => void items.delete(id),
    size: () => items.size,
  };
}
