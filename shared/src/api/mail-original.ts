import { z } from 'zod';

/**
 * Keeping the whole original of a message filed as a reduced copy (too large for the Worker)
 * in R2, through a multipart upload by the mail filter (service token):
 *
 * 1. `POST /mail/service/records/:id/original` `{ partBytes? }` starts an upload (aborting any
 *    earlier unfinished one: a retry restarts cleanly) and answers how to cut the original;
 *    when it is already stored it answers `stored` and nothing else is needed.
 * 2. `PUT /mail/service/records/:id/original/parts/:n?upload=<uploadId>` with part n's bytes:
 *    every part is exactly `partBytes` except the last, which holds the rest.
 * 3. `POST /mail/service/records/:id/original/complete?upload=<uploadId>` `{ parts }` joins
 *    them; the Worker reads the object back and keeps it only if its SHA-256 and size are the
 *    record's `sourceSha256` / `sourceSize` (else 422 HASH_MISMATCH, nothing kept).
 *
 * Officers download it with `GET /mail/records/:id/original`.
 */

/** R2's smallest part (all but the last); also the smallest part size a filter may ask for. */
export const ORIGINAL_PART_MIN_BYTES = 5 * 1024 * 1024;
/** The largest part the Worker takes in one request (it holds a part in memory). */
export const ORIGINAL_PART_MAX_BYTES = 16 * 1024 * 1024;
export const ORIGINAL_PART_DEFAULT_BYTES = 8 * 1024 * 1024;

export const startOriginalSchema = z.object({
  partBytes: z.number().int().min(ORIGINAL_PART_MIN_BYTES).max(ORIGINAL_PART_MAX_BYTES).optional(),
});
export type StartOriginal = z.infer<typeof startOriginalSchema>;

/** The original as stored: the record's source hash and size, and when it was checked in. */
export const storedOriginalSchema = z.object({
  size: z.number().int().nonnegative(),
  sha256: z.string(),
  storedAt: z.string(),
});
export type StoredOriginal = z.infer<typeof storedOriginalSchema>;

export const originalUploadSchema = z.union([
  z.object({ stored: storedOriginalSchema }),
  z.object({
    uploadId: z.string(),
    partBytes: z.number().int(),
    /** How many parts: ceil(size / partBytes), at least 1. */
    partCount: z.number().int(),
    size: z.number().int(),
    sha256: z.string(),
  }),
]);
export type OriginalUpload = z.infer<typeof originalUploadSchema>;

export const uploadedPartSchema = z.object({ partNumber: z.number().int().min(1).max(10_000), etag: z.string().min(1).max(200) });
export type UploadedPart = z.infer<typeof uploadedPartSchema>;

export const completeOriginalSchema = z.object({ parts: z.array(uploadedPartSchema).min(1).max(10_000) });
export type CompleteOriginal = z.infer<typeof completeOriginalSchema>;

export const completeOriginalResultSchema = z.object({ stored: storedOriginalSchema });
