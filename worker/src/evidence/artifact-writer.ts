import { contentMatchesMediaType, toHex, WardguardError, type ArtifactEntry } from '@wardguard/shared';

/**
 * R2 multipart part size. R2 wants every part but the last to be at least 5 MiB; bigger parts
 * mean fewer round trips, and at most two are held at once (one filling, one uploading).
 */
export const PART_BYTES = 8 * 1024 * 1024;
const HEAD_BYTES = 16;
/**
 * A file that fits one part goes to R2 as it arrives, in pieces of at least this much: the
 * parser hands out pieces of a few KB, and each write to the put's stream is a turn of its pump.
 */
const SEND_BYTES = 256 * 1024;
/**
 * Pieces handed to a put before the oldest must have gone: a write settles only once R2 has
 * taken it, and waiting for each one would make the upload wait on R2 piece by piece.
 */
const SENDS_IN_FLIGHT = 4;
/** Custom metadata naming a multipart object's SHA-256, which R2 does not keep for it (send-artifact.ts reads it). */
export const SHA256_METADATA = 'sha256';

export interface ArtifactTarget {
  key: string;
  entry: ArtifactEntry;
  customMetadata: Record<string, string>;
}

export interface ArtifactWriter {
  /** Takes the next bytes of the file (copied: the caller may reuse them once this resolves). */
  write(chunk: Uint8Array): Promise<void>;
  /** Checks size, SHA-256 and content type against the manifest, then makes the object whole in R2. */
  finish(): Promise<void>;
  /** Leaves nothing behind: aborts an open multipart upload and deletes the object if it was stored. */
  discard(): Promise<void>;
}

/**
 * Streams one declared file into R2 while hashing it. A file that fits one part is held
 * (at most PART_BYTES) and put once, with its SHA-256 for R2 to check again, the put streaming
 * as the bytes arrive (so it ends soon after the last byte rather than starting then) and
 * committed only once the whole file matched: a file that does not is never stored. A larger one
 * goes up as an R2 multipart upload, part n+1 filling while part n uploads, and is joined
 * only once its size and hash match the manifest. More bytes than declared are refused at
 * the byte that passes the declared size. With `bucket` null the bytes are only checked
 * (a repeated bundle answered from its first filing); given as a promise, the first bytes are
 * taken while it settles and nothing is written before.
 *
 * @example
 *   const w = createArtifactWriter(env.EVIDENCE, { key, entry, customMetadata: {} });
 *   try { for (const c of chunks) await w.write(c); await w.finish(); } catch (e) { await w.discard(); throw e; }
 */
export function createArtifactWriter(destination: R2Bucket | null | Promise<R2Bucket | null>, target: ArtifactTarget): ArtifactWriter {
  const { entry, key } = target;
  const digest = new crypto.DigestStream('SHA-256');
  const hasher = digest.getWriter();
  // A discarded file aborts the digest, which rejects this promise: nobody waits for it then.
  digest.digest.catch(() => undefined);
  const head = new Uint8Array(Math.min(HEAD_BYTES, entry.size));
  const options = { httpMetadata: { contentType: entry.mediaType }, customMetadata: target.customMetadata };
  let bucket: R2Bucket | null = null;
  let settled = false;
  const destinationKnown = async () => {
    if (!settled) bucket = await destination;
    settled = true;
  };
  // Noted as soon as it is decided, so a one-part file starts its put at the next bytes.
  Promise.resolve(destination).then(
    (b) => {
      if (!settled) bucket = b;
      settled = true;
    },
    () => undefined,
  );
  let received = 0;
  let buffer: Uint8Array = new Uint8Array(partLength(entry.size, 0));
  // A multipart file fills two buffers in turn: part n+1 goes into the one part n-1 went from.
  let spare: Uint8Array | null = null;
  let filled = 0;
  // How much of `buffer` the hasher has taken.
  let hashed = 0;
  // A one-part file's put, fed from `buffer` as it fills.
  let streaming: { writer: WritableStreamDefaultWriter<Uint8Array>; put: Promise<R2Object | null>; sent: number; inFlight: Promise<void>[] } | null = null;
  let upload: R2MultipartUpload | null = null;
  let uploading: Promise<R2UploadedPart> | null = null;
  const parts: R2UploadedPart[] = [];
  let stored = false;

  // Hands a full buffer to the hasher and, for a multipart file, to R2; the next one fills meanwhile.
  async function flush(): Promise<void> {
    const bytes = buffer.subarray(0, filled);
    await hasher.write(bytes.subarray(hashed));
    hashed = 0;
    await destinationKnown();
    let next: Uint8Array | null = null;
    if (bucket && entry.size > PART_BYTES) {
      // R2 keeps no whole-object checksum for a multipart object: the hash it is joined
      // under (only if the bytes match it) goes in its metadata, for downloads to check.
      upload ??= await bucket.createMultipartUpload(key, { ...options, customMetadata: { ...options.customMetadata, [SHA256_METADATA]: entry.sha256 } });
      if (uploading) parts.push(await uploading);
      next = spare;
      spare = buffer;
      uploading = upload.uploadPart(parts.length + 1, bytes);
    } else {
      next = buffer; // hashed and not kept: fill it again
    }
    const length = partLength(entry.size, received);
    buffer = next && next.byteLength >= length ? next.subarray(0, length) : new Uint8Array(length);
    filled = 0;
  }

  // A one-part file: once its destination is known, passes what has arrived on to its put
  // (at least SEND_BYTES at a time, or all of it at the end), hashing it on the way.
  async function sendAhead(final: boolean): Promise<void> {
    if (entry.size > PART_BYTES || !settled || !bucket) return;
    if (!streaming) {
      // R2 checks the SHA-256 again as it writes.
      const { readable, writable } = new FixedLengthStream(entry.size);
      const put = bucket.put(key, readable, { ...options, sha256: entry.sha256 });
      put.catch(() => undefined); // awaited by finish or discard
      const writer = writable.getWriter();
      writer.closed.catch(() => undefined); // rejects when a refused file aborts it
      streaming = { writer, put, sent: 0, inFlight: [] };
    }
    if (filled - streaming.sent < (final ? 1 : SEND_BYTES)) return;
    if (hashed < filled) await hasher.write(buffer.subarray(hashed, filled)); // finish has hashed the rest already
    hashed = filled;
    // A copy: the stream may hold on to what it is given.
    const piece = buffer.slice(streaming.sent, filled);
    streaming.sent = filled;
    const sending = streaming.writer.write(piece);
    sending.catch(() => undefined); // a failed write fails the put, which finish awaits
    streaming.inFlight.push(sending);
    if (streaming.inFlight.length > SENDS_IN_FLIGHT) await streaming.inFlight.shift();
  }

  return {
    async write(chunk) {
      if (received + chunk.byteLength > entry.size) {
        throw new WardguardError('SIZE_MISMATCH', `"${entry.name}" is more than the ${entry.size} bytes the manifest says.`);
      }
      if (received < head.byteLength) head.set(chunk.subarray(0, head.byteLength - received), received);
      let at = 0;
      while (at < chunk.byteLength) {
        const n = Math.min(chunk.byteLength - at, buffer.byteLength - filled);
        buffer.set(chunk.subarray(at, at + n), filled);
        filled += n;
        at += n;
        received += n;
        if (filled === buffer.byteLength && received < entry.size) await flush();
      }
      await sendAhead(false);
    },

    async finish() {
      if (received !== entry.size) {
        throw new WardguardError('SIZE_MISMATCH', `"${entry.name}" is ${received} bytes; the manifest says ${entry.size}.`);
      }
      const last = buffer.subarray(0, filled);
      await hasher.write(last.subarray(hashed));
      hashed = filled;
      await hasher.close();
      const actual = toHex(new Uint8Array(await digest.digest));
      if (actual !== entry.sha256) {
        throw new WardguardError('HASH_MISMATCH', `"${entry.name}" has SHA-256 ${actual}; the manifest says ${entry.sha256}.`, {
          name: entry.name,
          expected: entry.sha256,
          actual,
        });
      }
      if (!contentMatchesMediaType(entry.mediaType, head)) {
        throw new WardguardError('MEDIA_TYPE_MISMATCH', `"${entry.name}" is declared ${entry.mediaType} but its content is not.`);
      }
      await destinationKnown();
      if (!bucket) return;
      if (!upload) {
        await sendAhead(true);
        // The bytes matched: only now may the put commit.
        await Promise.all(streaming!.inFlight);
        await streaming!.writer.close();
        await streaming!.put;
        stored = true;
        return;
      }
      if (uploading) parts.push(await uploading);
      uploading = null;
      parts.push(await upload.uploadPart(parts.length + 1, last));
      await upload.complete(parts);
      stored = true;
    },

    async discard() {
      if (!settled) bucket = await Promise.resolve(destination).catch(() => null);
      settled = true;
      await (uploading as Promise<unknown> | null)?.catch(() => undefined);
      const put = streaming as typeof streaming | null;
      if (put && !stored) {
        // An open put is aborted and stores nothing; one that had already committed is deleted below.
        await put.writer.abort(new Error('discarded')).catch(() => undefined);
        stored = await put.put.then(
          (o) => o !== null,
          () => false,
        );
      }
      streaming = null;
      uploading = null;
      if (upload && !stored) await upload.abort().catch((err: unknown) => console.warn('multipart upload could not be aborted', String(err)));
      if (stored) await bucket?.delete(key);
      stored = false;
      upload = null;
      await hasher.abort().catch(() => undefined);
    },
  };
}

// Every part PART_BYTES but the last, which holds the rest of the declared size.
const partLength = (size: number, offset: number): number => Math.min(PART_BYTES, size - offset);
