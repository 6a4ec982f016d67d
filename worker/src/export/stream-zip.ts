import { makeZip, predictLength } from 'client-zip';
import { toHex, WardguardError, type PackFile } from '@wardguard/shared';
import { readAtLeast, SEND_CHUNK_BYTES } from './coalesce.ts';

export type PackSource = { kind: 'bytes'; bytes: Uint8Array } | { kind: 'r2'; key: string } | { kind: 'stream'; open: () => AsyncIterable<Uint8Array> };
export interface PlannedFile extends PackFile {
  source: PackSource;
}

/**
 * Passes bytes through while hashing them, and fails the pack if they are not the bytes
 * the manifest promised: a stored file that changed since capture must never leave
 * looking verified (the download breaks instead and the failure is on the record).
 */
async function* verified(source: AsyncIterable<Uint8Array>, file: PackFile, onError: (err: unknown) => void): AsyncGenerator<Uint8Array> {
  const digest = new crypto.DigestStream('SHA-256');
  const writer = digest.getWriter();
  let size = 0;
  for await (const chunk of source) {
    size += chunk.byteLength;
    await writer.write(chunk);
    yield chunk;
  }
  await writer.close();
  const sha256 = toHex(await digest.digest);
  if (sha256 !== file.sha256 || size !== file.size) {
    const err = new WardguardError(
      'PACK_INTEGRITY',
      `${file.path} does not match its recorded hash (expected ${file.sha256}, ${file.size} bytes; read ${sha256}, ${size} bytes).`,
    );
    onError(err);
    throw err;
  }
}

async function open(bucket: R2Bucket, file: PlannedFile, onError: (err: unknown) => void): Promise<Uint8Array | AsyncIterable<Uint8Array>> {
  const src = file.source;
  if (src.kind === 'bytes') return src.bytes;
  if (src.kind === 'stream') return verified(src.open(), file, onError);
  const obj = await bucket.get(src.key);
  if (!obj) throw new WardguardError('PACK_INTEGRITY', `${file.path} is missing from storage.`);
  return verified(obj.body as unknown as AsyncIterable<Uint8Array>, file, onError);
}

export interface StreamedPack {
  body: ReadableStream<Uint8Array>;
  length: number;
}

/**
 * The ZIP, produced only as fast as the reader takes it: each stored file is fetched from
 * R2 when the previous one has been sent, so memory stays flat however large the pack.
 * Entries are stored, not deflated (evidence is mostly already-compressed images, and
 * stored bytes are the original bytes); client-zip switches to ZIP64 past 4 GiB.
 */
export function streamPack(
  bucket: R2Bucket,
  files: PlannedFile[],
  modified: Date,
  hooks: { onComplete: () => void; onError: (err: unknown) => void },
): StreamedPack {
  async function* entries() {
    try {
      for (const f of files) yield { name: f.path, lastModified: modified, size: f.size, input: await open(bucket, f, hooks.onError) };
    } catch (err) {
      hooks.onError(err);
      throw err;
    }
  }
  const zip = makeZip(entries(), { buffersAreUTF8: true });
  const reader = zip.getReader();
  // Pulled by hand rather than piped so a failure errors the response body, is reported
  // once, and never surfaces as an unhandled rejection.
  const body = new ReadableStream<Uint8Array>({
    async pull(ctl) {
      try {
        const chunk = await readAtLeast(reader, SEND_CHUNK_BYTES);
        if (chunk) ctl.enqueue(chunk);
        else {
          ctl.close();
          hooks.onComplete();
        }
      } catch (err) {
        ctl.error(err);
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { body, length: Number(predictLength(files.map((f) => ({ name: f.path, size: f.size })))) };
}
