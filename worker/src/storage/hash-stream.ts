import { toHex } from '@wardguard/shared';

/**
 * SHA-256 and length of a stream read to its end, without holding it in memory
 * (workerd's `crypto.DigestStream`): how a multipart object, which R2 keeps no whole-object
 * checksum for, is checked after it is joined.
 */
export async function hashStream(body: ReadableStream<Uint8Array>): Promise<{ sha256: string; size: number }> {
  const digest = new crypto.DigestStream('SHA-256');
  let size = 0;
  const counted = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      size += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  await body.pipeThrough(counted).pipeTo(digest);
  return { sha256: toHex(new Uint8Array(await digest.digest)), size };
}
