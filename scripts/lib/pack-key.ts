// The council's Ed25519 pack-signing key: base64 PKCS#8, the form the Worker's
// PACK_SIGNING_KEY secret takes. Local dev keeps it in .dev.vars (git-ignored), which
// wrangler dev reads; production keeps it only as a Worker secret.
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './wrangler.ts';
import { newPackKey } from './new-pack-key.ts';

export const DEV_VARS = join(ROOT, '.dev.vars');
const LINE = /^PACK_SIGNING_KEY\s*=\s*"?([A-Za-z0-9+/=]+)"?\s*$/m;

/** The public key and its fingerprint, as the Worker publishes them. */
export function publicHalf(secret: string): { raw: string; fingerprint: string } {
  const spki = createPublicKey(createPrivateKey({ key: Buffer.from(secret, 'base64'), format: 'der', type: 'pkcs8' })).export({ type: 'spki', format: 'der' });
  const raw = spki.subarray(spki.length - 32);
  return { raw: raw.toString('base64'), fingerprint: createHash('sha256').update(raw).digest('hex') };
}

export function devPackKey(): string | null {
  if (!existsSync(DEV_VARS)) return null;
  return LINE.exec(readFileSync(DEV_VARS, 'utf8'))?.[1] ?? null;
}

/** Creates the local key once; packs signed earlier stay verifiable because it is never replaced. */
export function ensureDevPackKey(): { created: boolean; key: string } {
  const existing = devPackKey();
  if (existing) return { created: false, key: existing };
  const key = newPackKey();
  const before = existsSync(DEV_VARS) ? readFileSync(DEV_VARS, 'utf8') : '';
  writeFileSync(DEV_VARS, `${before}${before && !before.endsWith('\n') ? '\n' : ''}PACK_SIGNING_KEY="${key}"\n`, { mode: 0o600 });
  return { created: true, key };
}

const MAP_LINE = /^PACK_SIGNING_KEYS\s*=\s*'(.*)'\s*$/m;

/** The per-council keys in .dev.vars (PACK_SIGNING_KEYS, single-quoted JSON); {} when none. */
export function devCouncilKeys(text: string): Record<string, string> {
  const m = MAP_LINE.exec(text);
  if (!m) return {};
  const parsed = JSON.parse(m[1]!) as unknown;
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error('PACK_SIGNING_KEYS in .dev.vars is not a JSON object; fix or remove that line.');
  return parsed as Record<string, string>;
}

/** .dev.vars text with `key` as the council's entry in PACK_SIGNING_KEYS, every other line kept. */
export function withCouncilKey(text: string, councilId: string, key: string): string {
  const line = `PACK_SIGNING_KEYS='${JSON.stringify({ ...devCouncilKeys(text), [councilId]: key })}'`;
  if (MAP_LINE.test(text)) return text.replace(MAP_LINE, line);
  return `${text}${text && !text.endsWith('\n') ? '\n' : ''}${line}\n`;
}

/** Gives a council its own local key once; an existing entry is kept (its packs verify with it). */
export function ensureDevCouncilKey(councilId: string): { created: boolean; key: string } {
  const before = existsSync(DEV_VARS) ? readFileSync(DEV_VARS, 'utf8') : '';
  const existing = devCouncilKeys(before)[councilId];
  if (existing) return { created: false, key: existing };
  const key = newPackKey();
  writeFileSync(DEV_VARS, withCouncilKey(before, councilId, key), { mode: 0o600 });
  return { created: true, key };
}
