import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { packSigner } from '../export/signing-key.ts';

export const PACK_KEY_PATH = '/.well-known/wardguard-pack-key';

/**
 * The council's public pack-verification key, unauthenticated on purpose: anyone holding
 * a pack (a police officer, a platform, a court) must be able to fetch it.
 */
export const wellKnownRoutes = new Hono<AppEnv>().get('/wardguard-pack-key', async (c) => {
  const signer = await packSigner(c.get('config').packSigningKey);
  c.header('cache-control', 'public, max-age=300');
  c.header('access-control-allow-origin', '*');
  return c.json(signer.publicKey);
});
