/**
 * zlib (the PDF FlateDecode format) through the runtime's native CompressionStream and
 * DecompressionStream: several times faster than pdf-lib's JavaScript deflate, which matters
 * when a Worker prints a thousand pages and their screenshots within its CPU limit.
 */

const BATCH_BYTES = 64 * 1024;

/**
 * Compresses bytes written a little at a time, holding only the compressed output. `add` only
 * copies, so a caller producing many small pieces (image rows) pays no promise for each; the
 * batches it fills are compressed at the next `flush`, `write` or `finish`.
 */
export class DeflateSink {
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  private readonly output: Promise<ArrayBuffer>;
  private batch = new Uint8Array(BATCH_BYTES);
  private filled = 0;
  private readonly full: Uint8Array[] = [];

  constructor() {
    const stream = new CompressionStream('deflate');
    this.writer = stream.writable.getWriter();
    this.output = new Response(stream.readable).arrayBuffer();
    // Surfaced by finish(); without this an early abandon would be an unhandled rejection.
    this.output.catch(() => {});
  }

  add(bytes: Uint8Array): void {
    let at = 0;
    while (at < bytes.length) {
      const n = Math.min(bytes.length - at, BATCH_BYTES - this.filled);
      this.batch.set(bytes.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      if (this.filled === BATCH_BYTES) {
        // The stream may still be reading a batch after write() resolves: never reuse its buffer.
        this.full.push(this.batch);
        this.batch = new Uint8Array(BATCH_BYTES);
        this.filled = 0;
      }
    }
  }

  async flush(): Promise<void> {
    for (const batch of this.full.splice(0)) await this.writer.write(batch);
  }

  async write(bytes: Uint8Array): Promise<void> {
    this.add(bytes);
    await this.flush();
  }

  async finish(): Promise<Uint8Array> {
    await this.flush();
    if (this.filled > 0) await this.writer.write(this.batch.subarray(0, this.filled));
    await this.writer.close();
    return new Uint8Array(await this.output);
  }
}

export async function deflateText(text: string): Promise<Uint8Array> {
  const sink = new DeflateSink();
  await sink.write(new TextEncoder().encode(text));
  return sink.finish();
}

/** Inflated bytes handed out at a time: a screenshot's 12 MB in some 50 reads. */
const INFLATE_READ_BYTES = 256 * 1024;

/**
 * Inflates zlib data given in parts (a PNG's IDAT chunks), handing each piece of output to
 * `onChunk` as it arrives (and waiting for it) so the whole image is never in memory. Rejects on
 * corrupt, truncated or trailing data. The chunk is lent: its memory is read into again once
 * `onChunk` has settled. Read with workerd's `readAtLeast` because the stream's own chunks are
 * 4 KB: a promise apiece cost more than the inflating (3,000 per screenshot).
 */
export async function inflateParts(parts: Uint8Array[], onChunk: (chunk: Uint8Array) => void | Promise<void>): Promise<void> {
  const stream = new DecompressionStream('deflate');
  const writer = stream.writable.getWriter();
  const writing = (async () => {
    for (const part of parts) await writer.write(part);
    await writer.close();
  })();
  writing.catch(() => {});
  const reader = byteReader(stream.readable);
  try {
    for (;;) {
      const chunk = await reader.read();
      if (!chunk) break;
      await onChunk(chunk);
    }
  } catch (err) {
    await reader.cancel().catch(() => {});
    throw err;
  }
  await writing;
}

/**
 * workerd's DecompressionStream is a byte stream, read here in large pieces into one reused
 * buffer. Node's is not (the renderer tests run the report's image code there): it is read
 * chunk by chunk.
 */
function byteReader(readable: ReadableStream<Uint8Array>): { read(): Promise<Uint8Array | null>; cancel(): Promise<void> } {
  let byob: ReadableStreamBYOBReader;
  try {
    byob = readable.getReader({ mode: 'byob' });
  } catch {
    const reader = readable.getReader();
    return { read: async () => (await reader.read()).value ?? null, cancel: () => reader.cancel() };
  }
  let buffer = new ArrayBuffer(INFLATE_READ_BYTES);
  return {
    async read() {
      const { done, value } = await byob.readAtLeast(INFLATE_READ_BYTES, new Uint8Array(buffer));
      if (!value || value.byteLength === 0) return done ? null : this.read();
      buffer = value.buffer;
      return value;
    },
    cancel: () => byob.cancel(),
  };
}
