import { WardguardError, type PackFile } from '@wardguard/shared';
import { createStreamHash } from '../storage/hash-stream.ts';
import { readAtLeast, SEND_CHUNK_BYTES } from './coalesce.ts';
import { zipEntries } from './zip-writer.ts';

export type PackSource = { kind: 'bytes'; bytes: Uint8Array } | { kind: 'r2'; key: string } | { kind: 'stream'; open: () => AsyncIterable<Uint8Array> };
export interface PlannedFile extends PackFile {
  source: PackSource;
}

/**
 * Chunks of SEND_CHUNK_BYTES the body may gather ahead of the reader: the next stored bytes
 * are read and hashed while the previous ones are still on the wire. Four are 1 MB, whatever
 * the pack's size.
 */
const READ_AHEAD_CHUNKS = 4;
/** Bytes read from a stored object at a time: the size of the pieces sent on. */
const READ_BYTES = SEND_CHUNK_BYTES;

/**
 * Passes bytes through while hashing them, and fails the pack if they are not the bytes
 * the manifest promised: a stored file that changed since capture must never leave
 * looking verified (the download breaks instead and the failure is on the record).
 */
async function* verified(source: AsyncIterable<Uint8Array>, file: PackFile, onError: (err: unknown) => void): AsyncGenerator<Uint8Array> {
  const hash = createStreamHash();
  for await (const chunk of source) {
    await hash.write(chunk);
    yield chunk;
  }
  const { sha256, size } = await hash.finish();
  if (sha256 !== file.sha256 || size !== file.size) {
    const err = new WardguardError(
      'PACK_INTEGRITY',
      `${file.path} does not match its recorded hash (expected ${file.sha256}, ${file.size} bytes; read ${sha256}, ${size} bytes).`,
    );
    onError(err);
    throw err;
  }
}

/** Asks R2 for a stored file; the answer (headers, not the body) is awaited only when the file's turn comes. */
function fetchStored(bucket: R2Bucket, file: PlannedFile): Promise<R2ObjectBody | null> | null {
  if (file.source.kind !== 'r2') return null;
  const pending = bucket.get(file.source.key);
  // Awaited when the file's turn comes; if the pack is abandoned first, nobody is left to care.
  pending.catch(() => {});
  return pending;
}

/**
 * A stored object's bytes in pieces of at least READ_BYTES (the last may be shorter). R2 hands
 * out a few KB at a time, and each piece then passes hashing, the ZIP writer and the response:
 * at 4 KB a piece that per-piece cost, not storage, was most of the pack's time.
 */
async function* storedBytes(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader({ mode: 'byob' });
  try {
    for (;;) {
      const { done, value } = await reader.readAtLeast(READ_BYTES, new Uint8Array(READ_BYTES));
      if (value && value.byteLength > 0) yield value;
      if (done) return;
    }
  } finally {
    reader.releaseLock();
  }
}

async function open(file: PlannedFile, stored: Promise<R2ObjectBody | null> | null, onError: (err: unknown) => void) {
  const src = file.source;
  if (src.kind === 'bytes') return src.bytes;
  if (src.kind === 'stream') return verified(src.open(), file, onError);
  const obj = await stored;
  if (!obj) throw new WardguardError('PACK_INTEGRITY', `${file.path} is missing from storage.`);
  return verified(storedBytes(obj.body), file, onError);
}

export interface StreamedPack {
  body: ReadableStream<Uint8Array>;
}

export interface StreamHooks {
  /** After the first bytes are handed over: a good moment to start slower work for `rest`. */
  onStarted?: () => void;
  onComplete: (sent: { bytes: number }) => void;
  onError: (err: unknown) => void;
}

/**
 * The ZIP, produced only as fast as the reader takes it, with `files` first and then the
 * files `rest` resolves to (made while the first ones stream: the report and the manifest
 * that signs it). While one stored file streams the next is already requested from R2, so a
 * pack of many objects pays no round trip per object; memory stays flat however large the
 * pack. Entries are stored, not deflated (evidence is mostly already-compressed images, and
 * stored bytes are the original bytes); zip-writer.ts switches to ZIP64 past 4 GiB. The length
 * is not known until `rest` is, so the body has none.
 */
export function streamPack(bucket: R2Bucket, files: PlannedFile[], rest: () => Promise<PlannedFile[]>, modified: Date, hooks: StreamHooks): StreamedPack {
  async function* entries() {
    try {
      let next = files.length > 0 ? fetchStored(bucket, files[0]!) : null;
      for (let i = 0; i < files.length; i++) {
        const file = files[i]!;
        const stored = next;
        // Requested now, read once this file is done.
        next = i + 1 < files.length ? fetchStored(bucket, files[i + 1]!) : null;
        yield { name: file.path, modified, input: await open(file, stored, hooks.onError) };
      }
      for (const file of await rest()) yield { name: file.path, modified, input: await open(file, null, hooks.onError) };
    } catch (err) {
      hooks.onError(err);
      throw err;
    }
  }
  const parts = zipEntries(entries());
  const zip = new ReadableStream<Uint8Array>({
    async pull(ctl) {
      const { done, value } = await parts.next();
      if (done) ctl.close();
      else ctl.enqueue(value);
    },
    cancel: async () => void (await parts.return(undefined)),
  });
  const reader = zip.getReader();
  let bytes = 0;
  // Pulled by hand rather than piped so a failure errors the response body, is reported
  // once, and never surfaces as an unhandled rejection.
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(ctl) {
        try {
          // The first piece goes as soon as there is one: the reader sees the pack start at once.
          const chunk = await readAtLeast(reader, bytes === 0 ? 1 : SEND_CHUNK_BYTES);
          if (chunk) {
            ctl.enqueue(chunk);
            if (bytes === 0) hooks.onStarted?.();
            bytes += chunk.byteLength;
          } else {
            ctl.close();
            hooks.onComplete({ bytes });
          }
        } catch (err) {
          ctl.error(err);
        }
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: READ_AHEAD_CHUNKS },
  );
  return { body };
}
