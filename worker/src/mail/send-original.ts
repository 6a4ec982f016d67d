import type { Context } from 'hono';
import { WardguardError } from '@wardguard/shared';
import type { AppEnv, Principal } from '../env.ts';
import { appendCustody } from '../db/custody.ts';
import { getOriginalTarget } from '../db/mail-originals.ts';
import { verifiedBody } from '../evidence/verified-body.ts';
import { waitUntil } from '../evidence/send-artifact.ts';

/**
 * Streams the whole original of a reduced record after logging the download, hashing the
 * bytes as they go (as for any exhibit file): a mismatch breaks the download and is logged
 * as `integrity_failed`. Other councils' records, and originals not (yet) stored, are 404.
 */
export async function sendOriginal(c: Context<AppEnv>, p: Principal, recordId: string): Promise<Response> {
  const t = await getOriginalTarget(c.env.DB, p.councilId, recordId);
  if (!t?.stored || !t.r2Key) throw new WardguardError('NOT_FOUND', 'No original is kept in storage for this message.');
  const { stored } = t;
  const object = await c.env.EVIDENCE.get(t.r2Key);
  if (!object) throw new WardguardError('STORAGE_FAILED', 'The stored original is missing; report this to your administrator.');
  const custody = { councilId: p.councilId, actorId: p.userId, itemId: t.itemId };
  const recorded = { recordId, name: 'original.eml', sha256: stored.sha256, size: stored.size };
  await appendCustody(c.env.DB, [{ ...custody, action: 'downloaded', details: { ...recorded, original: true } }]);
  const body = verifiedBody(object.body, stored, (read) => {
    waitUntil(c, appendCustody(c.env.DB, [{ ...custody, action: 'integrity_failed', details: { ...recorded, original: true, read } }]));
  });
  // A message may carry hostile HTML: never let the browser render it on our origin.
  return new Response(body, {
    headers: {
      'content-type': 'message/rfc822',
      'content-length': String(stored.size),
      'content-disposition': 'attachment; filename="original.eml"',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'x-wardguard-sha256': stored.sha256,
      'cache-control': 'private, no-store',
    },
  });
}
