import { Hono, type Context } from 'hono';
import { WardguardError } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';
import { packSigner, type PackSigner } from '../export/signing-key.ts';
import { councilSigner } from '../export/council-key.ts';
import { getCouncil } from '../db/councils.ts';

export const PACK_KEY_PATH = '/.well-known/wardguard-pack-key';

/**
 * A council's own key URL, printed in its packs. A path segment rather than `?council=`, so
 * the URL can be pasted into a shell (`--key …`) without quoting: `?` is a glob in zsh.
 */
export const councilKeyPath = (councilId: string) => `${PACK_KEY_PATH}/${encodeURIComponent(councilId)}`;

function publish(c: Context<AppEnv>, signer: PackSigner) {
  c.header('cache-control', 'public, max-age=300');
  c.header('access-control-allow-origin', '*');
  return c.json(signer.publicKey);
}

/**
 * The public pack-verification keys, unauthenticated on purpose: anyone holding a pack (a
 * police officer, a platform, a court) must be able to fetch the key its README names.
 * `/<councilId>` is that council's key; the bare URL is the deployment's one key, and only
 * exists while there is one (no PACK_SIGNING_KEYS).
 */
export const wellKnownRoutes = new Hono<AppEnv>()
  .get('/wardguard-pack-key', async (c) => {
    if (c.get('config').packSigningKeys) {
      throw new WardguardError(
        'COUNCIL_REQUIRED',
        `Each council here has its own pack key: fetch ${PACK_KEY_PATH}/<councilId>, the URL printed in the pack's README.txt.`,
      );
    }
    return publish(c, await packSigner(c.get('config').packSigningKey));
  })
  .get('/wardguard-pack-key/:councilId', async (c) => {
    const councilId = c.req.param('councilId');
    if (councilId.length > 64 || !(await getCouncil(c.env.DB, councilId))) throw new WardguardError('NOT_FOUND', 'No such council.');
    return publish(c, await councilSigner(c.get('config'), councilId));
  });
