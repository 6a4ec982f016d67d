import { toHex } from '@wardguard/shared';

export interface StreamHash {
  /** Adds the next bytes, in order. */
  write(chunk: Uint8Array): Promise<void>;
  /** SHA-256 (hex) and length of everything written; call once, after the last write. */
  finish(): Promise<{ sha256: string; size: number }>;
}

/**
 * SHA-256 and length of bytes as they stream past, without holding them in memory
 * (workerd's `crypto.DigestStream`). The one way the Worker hashes while streaming: checking
 * a stored file on download, a pack's exhibits as they are zipped, a joined multipart object.
 *
 * @example
 *   const hash = createStreamHash();
 *   for await (const chunk of source) { await hash.write(chunk); yield chunk; }
 *   const { sha256, size } = await hash.finish();
 */
export function createStreamHash(): StreamHash {
  const digest = new crypto.DigestStream('SHA-256');
  const writer = digest.getWriter();
  let size = 0;
  return {
    async write(chunk) {
      size += chunk.byteLength;
      await writer.write(chunk);
    },
    async finish() {
      await writer.close();
      return { sha256: toHex(new Uint8Array(await digest.digest)), size };
    },
  };
}

/**
 * SHA-256 and length of a stream read to its end: how a multipart object, which R2 keeps no
 * whole-object checksum for, is checked after it is joined.
 */
export async function hashStream(body: ReadableStream<Uint8Array>): Promise<{ sha256: string; size: number }> {
  const hash = createStreamHash();
  const reader = body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) await hash.write(r.value);
  return hash.finish();
}
