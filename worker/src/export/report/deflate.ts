/**
 * zlib (the PDF FlateDecode format) through the runtime's native CompressionStream and
 * DecompressionStream: several times faster than pdf-lib's JavaScript deflate, which matters
 * when a Worker prints a thousand pages and their screenshots within its CPU limit.
 */

const BATCH_BYTES = 64 * 1024;

/** Compresses bytes written a little at a time, holding only the compressed output. */
export class DeflateSink {
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  private readonly output: Promise<ArrayBuffer>;
  private batch = new Uint8Array(BATCH_BYTES);
  private filled = 0;

  constructor() {
    const stream = new CompressionStream('deflate');
    this.writer = stream.writable.getWriter();
    this.output = new Response(stream.readable).arrayBuffer();
    // Surfaced by finish(); without this an early abandon would be an unhandled rejection.
    this.output.catch(() => {});
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (this.filled + bytes.length > this.batch.length) await this.send();
    if (bytes.length > this.batch.length) {
      await this.writer.write(bytes.slice());
      return;
    }
    this.batch.set(bytes, this.filled);
    this.filled += bytes.length;
  }

  async finish(): Promise<Uint8Array> {
    await this.send();
    await this.writer.close();
    return new Uint8Array(await this.output);
  }

  private async send(): Promise<void> {
    if (this.filled === 0) return;
    // The stream may still be reading a chunk after write() resolves: never reuse its buffer.
    const chunk = this.batch.subarray(0, this.filled);
    this.batch = new Uint8Array(BATCH_BYTES);
    this.filled = 0;
    await this.writer.write(chunk);
  }
}

export async function deflateText(text: string): Promise<Uint8Array> {
  const sink = new DeflateSink();
  await sink.write(new TextEncoder().encode(text));
  return sink.finish();
}

/**
 * Inflates zlib data given in parts (a PNG's IDAT chunks), handing each piece of output to
 * `onChunk` as it arrives (and waiting for it) so the whole image is never in memory. Rejects on corrupt,
 * truncated or trailing data.
 */
export async function inflateParts(parts: Uint8Array[], onChunk: (chunk: Uint8Array) => void | Promise<void>): Promise<void> {
  const stream = new DecompressionStream('deflate');
  const writer = stream.writable.getWriter();
  const writing = (async () => {
    for (const part of parts) await writer.write(part);
    await writer.close();
  })();
  writing.catch(() => {});
  const reader = stream.readable.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      await onChunk(value);
    }
  } catch (err) {
    await reader.cancel().catch(() => {});
    throw err;
  }
  await writing;
}
