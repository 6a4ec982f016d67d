import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { devPackKey, ensureDevCouncilKey, ensureDevPackKey, publicHalf } from './pack-key.ts';
import { newPackKey } from './new-pack-key.ts';
import { ROOT, runWrangler, wranglerEnv, type Store } from './wrangler.ts';

const describe = (key: string, what: string, councilId?: string) => {
  const pub = publicHalf(key);
  const at = councilId ? `/.well-known/wardguard-pack-key/${councilId}` : '/.well-known/wardguard-pack-key';
  return `${what}\n\n  public key   ${pub.raw}\n  fingerprint  ${pub.fingerprint}\n\nPublished at ${at}; give the fingerprint to the police with each pack.`;
};

/**
 * A council's own key, in PACK_SIGNING_KEYS. Local only: a Worker secret cannot be read back,
 * so the CLI cannot add one council to the deployed map without dropping the others.
 */
export function createCouncilPackKey(store: Store, councilId: string): string {
  if (store.remote) {
    throw new Error(
      'Secrets cannot be read back, so one council cannot be added to the deployed PACK_SIGNING_KEYS here. Put the whole JSON object {"<councilId>": "<key>", …} with `npx wrangler secret put PACK_SIGNING_KEYS` (see README, "Several councils").',
    );
  }
  const { created, key } = ensureDevCouncilKey(councilId);
  return describe(
    key,
    created
      ? `Added council ${councilId}'s own key to PACK_SIGNING_KEYS in .dev.vars (restart npm start to use it).`
      : `Council ${councilId} already has its own key in .dev.vars (kept).`,
    councilId,
  );
}

/** Pipes the secret to `wrangler secret put` on stdin so it never appears in argv, logs or the terminal. */
function putSecret(value: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'wrangler'), ['secret', 'put', 'PACK_SIGNING_KEY'], {
      cwd: ROOT,
      env: wranglerEnv(),
      stdio: ['pipe', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`wrangler secret put failed (${code})`))));
    child.stdin.end(value);
  });
}

/**
 * Rotating the key does not invalidate packs already issued (they carry their own key and
 * fingerprint), but anyone checking an old pack must then be given the old public key,
 * so rotation is refused unless asked for by name.
 */
export async function createPackKey(store: Store, rotate: boolean): Promise<string> {
  if (!store.remote) {
    const existing = devPackKey();
    if (existing && !rotate) return describe(existing, 'This machine already has a pack-signing key in .dev.vars (kept; --rotate replaces it).');
    if (existing)
      throw new Error('Rotate a local key by deleting the PACK_SIGNING_KEY line from .dev.vars first: old packs stay verifiable only with the old public key.');
    return describe(ensureDevPackKey().key, 'Created a pack-signing key in .dev.vars (restart npm start to use it).');
  }
  const { stdout } = await runWrangler(['secret', 'list', '--format', 'json']);
  if (/"PACK_SIGNING_KEY"/.test(stdout) && !rotate) throw new Error('The Worker already has PACK_SIGNING_KEY; pass --rotate to replace it.');
  const key = newPackKey();
  await putSecret(key);
  return describe(key, 'Set the PACK_SIGNING_KEY secret on the deployed Worker.');
}
