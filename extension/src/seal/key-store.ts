import { STORES, withStore } from '../lib/idb.ts';
import { generateSigningKey } from './signature.ts';

const KEY_ID = 'device-signing-key';
let cached: Promise<CryptoKeyPair> | null = null;

/**
 * The install's signing key: created on first use, kept in IndexedDB as a non-extractable
 * CryptoKey (structured clone keeps it usable but unreadable).
 */
export function getDeviceKey(): Promise<CryptoKeyPair> {
  cached ??= (async () => {
    const existing = await withStore<CryptoKeyPair | undefined>(STORES.keys, 'readonly', (s) => s.get(KEY_ID));
    if (existing) return existing;
    const pair = await generateSigningKey();
    await withStore(STORES.keys, 'readwrite', (s) => s.put(pair, KEY_ID));
    return pair;
  })().catch((e: unknown) => {
    cached = null;
    throw e;
  });
  return cached;
}
