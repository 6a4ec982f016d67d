import { WardguardError } from '@wardguard/shared';
import type { Config } from '../config.ts';
import { packSigner, type PackSigner } from './signing-key.ts';

/**
 * Which key signs a council's packs and custody checkpoints. Keys are Worker secrets and
 * never D1 rows: whoever can write the database must not be able to sign (the checkpoints
 * vouch for the database). The choice depends on the secrets alone, never on D1:
 * - PACK_SIGNING_KEYS set: the council's own entry, or PACK_KEY_MISSING. Never another
 *   council's key and never the shared PACK_SIGNING_KEY, so one council's pack cannot verify
 *   as another's.
 * - PACK_SIGNING_KEYS unset: PACK_SIGNING_KEY, the deployment's one key (a single-council
 *   deployment, as before).
 *
 * @example
 * const signer = await councilSigner(c.get('config'), p.councilId);
 */
export function councilSigner(config: Config, councilId: string): Promise<PackSigner> {
  const map = config.packSigningKeys;
  if (!map) return packSigner(config.packSigningKey);
  const own = Object.hasOwn(map, councilId) ? map[councilId] : undefined;
  if (!own) {
    return Promise.reject(
      new WardguardError(
        'PACK_KEY_MISSING',
        `PACK_SIGNING_KEYS has no key for council ${councilId}; no pack is issued with another council's key. Add "${councilId}": "<key>" to the secret (\`npm run admin -- create-pack-key\`), or that council's former key to keep its published key.`,
        { councilId },
      ),
    );
  }
  return packSigner(own, `PACK_SIGNING_KEYS["${councilId}"]`);
}

/**
 * The raw public keys a council's stored checkpoint may be signed by: its own; the
 * deployment's shared PACK_SIGNING_KEY while that is still set, so the checkpoint written
 * before the council had its own key still verifies; and the keys PACK_PREVIOUS_KEYS lists
 * for this council, so a checkpoint signed before its key was rotated still does. Never
 * another council's. The next anchor is signed with its own.
 */
export async function checkpointKeys(config: Config, signer: PackSigner, councilId: string): Promise<string[]> {
  const keys = [signer.publicKey.raw];
  const previous = Object.hasOwn(config.packPreviousKeys, councilId) ? (config.packPreviousKeys[councilId] ?? []) : [];
  for (const raw of previous) if (!keys.includes(raw)) keys.push(raw);
  if (config.packSigningKeys && config.packSigningKey?.trim()) {
    try {
      const shared = await packSigner(config.packSigningKey);
      if (shared.publicKey.raw !== signer.publicKey.raw) keys.push(shared.publicKey.raw);
    } catch {
      /* a bad former key vouches for nothing */
    }
  }
  return keys;
}
