import type { Context } from 'hono';
import { toHex, WardguardError, type EvidenceView } from '@wardguard/shared';
import type { AppEnv, Principal } from '../env.ts';
import { getArtifact } from '../db/evidence.ts';
import { appendCustody } from '../db/custody.ts';
import { SHA256_METADATA } from './artifact-writer.ts';
import { verifiedBody } from './verified-body.ts';

/**
 * Streams one stored file of an item the caller may see (the caller has checked that), after
 * recording the download in the custody log. A file whose stored checksum or size no longer
 * matches, or whose bytes do not hash to what was recorded, is logged as `integrity_failed`.
 */
export async function sendArtifact(c: Context<AppEnv>, p: Principal, item: EvidenceView, artifactId: string): Promise<Response> {
  const artifact = await getArtifact(c.env.DB, item.id, artifactId);
  if (!artifact) throw new WardguardError('NOT_FOUND', 'No such artifact.');
  const object = await c.env.EVIDENCE.get(artifact.r2Key);
  if (!object) throw new WardguardError('STORAGE_FAILED', 'The stored file is missing; report this to your administrator.');
  const custody = { councilId: p.councilId, actorId: p.userId, itemId: item.id, caseId: item.caseId };
  const recorded = { artifactId: artifact.id, name: artifact.name, sha256: artifact.sha256, size: artifact.size };
  // Every put (uploads, filed mail) sets sha256, so R2 holds a checksum for every object
  // we wrote; a file past one part went up as a multipart upload, for which R2 keeps none,
  // and carries the hash it was verified against in its metadata. An object with neither,
  // or with another hash, was written by something else.
  const stored = object.checksums.sha256 ? toHex(object.checksums.sha256) : (object.customMetadata?.[SHA256_METADATA] ?? null);
  if (stored !== artifact.sha256 || object.size !== artifact.size) {
    await appendCustody(c.env.DB, [{ ...custody, action: 'integrity_failed', details: { ...recorded, stored: { sha256: stored, size: object.size } } }]);
    throw new WardguardError(
      'STORAGE_FAILED',
      'The stored file no longer matches its recorded SHA-256 and size; it was not sent. Report this to your administrator.',
    );
  }
  await appendCustody(c.env.DB, [{ ...custody, action: 'downloaded', details: { artifactId: artifact.id, name: artifact.name, sha256: artifact.sha256 } }]);
  // R2's checksum is what it was told at write time: hash the bytes really sent as well.
  const body = verifiedBody(object.body, artifact, (read) => {
    waitUntil(c, appendCustody(c.env.DB, [{ ...custody, action: 'integrity_failed', details: { ...recorded, read } }]));
  });
  // Evidence may be hostile HTML: never let the browser render it on our origin.
  return new Response(body, {
    headers: {
      'content-type': artifact.mediaType,
      'content-length': String(artifact.size),
      'content-disposition': `attachment; filename="${artifact.name}"`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'x-wardguard-sha256': artifact.sha256,
      'cache-control': 'private, no-store',
    },
  });
}

/** Bookkeeping after the last byte must outlive the response; tests calling app.request have no context. */
export function waitUntil(c: Context<AppEnv>, work: Promise<unknown>, what = 'download bookkeeping'): void {
  const guarded = work.catch((err) => console.error(`${what} failed`, err));
  try {
    c.executionCtx.waitUntil(guarded);
  } catch {
    /* no execution context: the promise still runs */
  }
}
