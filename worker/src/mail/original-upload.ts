import { WardguardError } from '@wardguard/shared';
import { ORIGINAL_PART_DEFAULT_BYTES, type OriginalUpload, type StoredOriginal, type UploadedPart } from '@wardguard/shared/api/mail-original';
import type { Bindings, Principal } from '../env.ts';
import type { Config } from '../config.ts';
import { clearUpload, getOriginalTarget, startUploadStatement, storedStatement, type OriginalTarget } from '../db/mail-originals.ts';
import { appendGuarded, isLostRace, requireChange } from '../db/write-guard.ts';
import { now } from '../db/ids.ts';
import { originalKey } from '../storage/r2-keys.ts';
import { hashStream } from '../storage/hash-stream.ts';

/** The record this service token's council filed as a reduced copy; other councils' records do not exist. */
async function reducedTarget(env: Bindings, p: Principal, recordId: string): Promise<OriginalTarget> {
  const t = await getOriginalTarget(env.DB, p.councilId, recordId);
  if (!t) throw new WardguardError('NOT_FOUND', 'No such mail record.');
  if (!t.reduced) throw new WardguardError('NOT_REDUCED', 'This message was filed whole: it has no separate original to keep.');
  return t;
}

/** The upload the caller names, if it is still the record's current one. */
function currentUpload(t: OriginalTarget, uploadId: string): { key: string; partBytes: number; partCount: number } {
  if (t.stored) throw new WardguardError('UPLOAD_SUPERSEDED', 'The original is already stored; nothing more to send.');
  if (!t.uploadId || t.uploadId !== uploadId || !t.r2Key || !t.partBytes) {
    throw new WardguardError('UPLOAD_SUPERSEDED', 'This upload is not the current one (restarted, failed its check, or never started): start again.');
  }
  return { key: t.r2Key, partBytes: t.partBytes, partCount: partCount(t.sourceSize, t.partBytes) };
}

const partCount = (size: number, partBytes: number): number => Math.max(1, Math.ceil(size / partBytes));

/**
 * Starts the upload of a reduced record's original. Idempotent: once stored it answers
 * `stored`; an earlier unfinished upload (a filter that crashed mid-way) is aborted in R2 and
 * replaced, so a retry always restarts cleanly and no abandoned upload is left open.
 */
export async function startOriginal(env: Bindings, config: Config, p: Principal, recordId: string, partBytes?: number): Promise<OriginalUpload> {
  const t = await reducedTarget(env, p, recordId);
  if (t.stored) return { stored: t.stored };
  if (t.sourceSize > config.maxOriginalBytes) {
    throw new WardguardError('ORIGINAL_TOO_LARGE', `The original is ${t.sourceSize} bytes; the limit is ${config.maxOriginalBytes} (MAX_ORIGINAL_BYTES).`);
  }
  const key = originalKey(p.councilId, t.itemId, t.recordId);
  const size = partBytes ?? ORIGINAL_PART_DEFAULT_BYTES;
  const upload = await env.EVIDENCE.createMultipartUpload(key, {
    httpMetadata: { contentType: 'message/rfc822' },
    customMetadata: { itemId: t.itemId, recordId: t.recordId, name: 'original.eml' },
  });
  try {
    await env.DB.batch([
      startUploadStatement(env.DB, {
        recordId: t.recordId,
        councilId: p.councilId,
        r2Key: key,
        uploadId: upload.uploadId,
        partBytes: size,
        at: now(),
        replacing: t.uploadId,
      }),
      requireChange(env.DB),
    ]);
  } catch (err) {
    await upload.abort().catch(() => undefined);
    if (!isLostRace(err)) throw err;
    throw new WardguardError('UPLOAD_SUPERSEDED', 'Another upload of this original started at the same moment; start again.');
  }
  if (t.uploadId && t.r2Key) await abortQuietly(env, t.r2Key, t.uploadId);
  return { uploadId: upload.uploadId, partBytes: size, partCount: partCount(t.sourceSize, size), size: t.sourceSize, sha256: t.sourceSha256 };
}

async function abortQuietly(env: Bindings, key: string, uploadId: string): Promise<void> {
  try {
    await env.EVIDENCE.resumeMultipartUpload(key, uploadId).abort();
  } catch (err) {
    // Already aborted or completed; R2 also expires unfinished uploads on its own.
    console.warn('abandoned original upload could not be aborted', String(err));
  }
}

/**
 * Stores part `n` of the current upload. Every part but the last is exactly `partBytes` and
 * the last holds the rest, so the parts can only add up to the size the record declares.
 */
export async function putOriginalPart(env: Bindings, p: Principal, recordId: string, uploadId: string, n: number, req: Request): Promise<UploadedPart> {
  const t = await reducedTarget(env, p, recordId);
  const u = currentUpload(t, uploadId);
  if (!Number.isInteger(n) || n < 1 || n > u.partCount) {
    throw new WardguardError('INVALID_PART_NUMBER', `Part numbers run from 1 to ${u.partCount} for this original; ${n} is not one.`);
  }
  const expected = n < u.partCount ? u.partBytes : t.sourceSize - (u.partCount - 1) * u.partBytes;
  const bytes = await readExactly(req, expected, n);
  try {
    const part = await env.EVIDENCE.resumeMultipartUpload(u.key, uploadId).uploadPart(n, bytes);
    return { partNumber: part.partNumber, etag: part.etag };
  } catch (err) {
    console.warn('uploadPart failed', String(err));
    throw new WardguardError('UPLOAD_SUPERSEDED', 'R2 no longer has this upload (aborted or expired): start again.');
  }
}

async function readExactly(req: Request, expected: number, n: number): Promise<Uint8Array> {
  const mismatch = (got: string) => new WardguardError('SIZE_MISMATCH', `Part ${n} must be ${expected} bytes; ${got} sent.`);
  const declared = req.headers.get('content-length');
  if (declared !== null && Number(declared) !== expected) throw mismatch(declared);
  if (!req.body) throw mismatch('0');
  const out = new Uint8Array(expected);
  let at = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.byteLength > expected) {
      await reader.cancel();
      throw mismatch('more');
    }
    out.set(value, at);
    at += value.byteLength;
  }
  if (at !== expected) throw mismatch(String(at));
  return out;
}

/**
 * Joins the parts, then reads the object back through a SHA-256 digest (R2 cannot hash a
 * multipart object for us): kept, recorded and logged in custody only if it is the
 * original the record declares; otherwise deleted, and the next start begins afresh.
 */
export async function completeOriginal(env: Bindings, p: Principal, recordId: string, uploadId: string, parts: UploadedPart[]): Promise<StoredOriginal> {
  const t = await reducedTarget(env, p, recordId);
  // A retry whose first answer was lost: the same outcome.
  if (t.stored) return t.stored;
  const u = currentUpload(t, uploadId);
  const sorted = [...parts].sort((a, b) => a.partNumber - b.partNumber);
  if (sorted.length !== u.partCount || sorted.some((x, i) => x.partNumber !== i + 1)) {
    throw new WardguardError('INVALID_PART_NUMBER', `Complete with parts 1 to ${u.partCount}, each once.`);
  }
  try {
    await env.EVIDENCE.resumeMultipartUpload(u.key, uploadId).complete(sorted);
  } catch (err) {
    console.warn('complete failed', String(err));
    throw new WardguardError('INVALID_PART_NUMBER', 'R2 refused to join these parts (a missing part or a wrong etag).');
  }
  const object = await env.EVIDENCE.get(u.key);
  const read = object ? await hashStream(object.body) : null;
  if (!read || read.size !== t.sourceSize || read.sha256 !== t.sourceSha256) {
    await env.EVIDENCE.delete(u.key);
    await clearUpload(env.DB, t.recordId, uploadId);
    throw new WardguardError(
      'HASH_MISMATCH',
      `The uploaded original is ${read?.size ?? 0} bytes with SHA-256 ${read?.sha256 ?? '(none)'}; the record declares ${t.sourceSize} bytes, ${t.sourceSha256}. Nothing was kept.`,
    );
  }
  const stored: StoredOriginal = { size: read.size, sha256: read.sha256, storedAt: now() };
  try {
    await appendGuarded(
      env.DB,
      {
        councilId: p.councilId,
        actorId: p.userId,
        action: 'mail_original_stored',
        itemId: t.itemId,
        at: stored.storedAt,
        details: { recordId: t.recordId, size: stored.size, sha256: stored.sha256 },
      },
      storedStatement(env.DB, t.recordId, uploadId, stored),
    );
  } catch (err) {
    if (!isLostRace(err)) throw err;
    const again = await getOriginalTarget(env.DB, p.councilId, t.recordId);
    if (again?.stored) return again.stored;
    throw new WardguardError('UPLOAD_SUPERSEDED', 'A newer upload of this original replaced this one: start again.');
  }
  return stored;
}
