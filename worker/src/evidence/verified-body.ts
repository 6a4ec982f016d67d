import { WardguardError } from '@wardguard/shared';
import { createStreamHash } from '../storage/hash-stream.ts';

export interface ExpectedContent {
  sha256: string;
  size: number;
}
export interface ReadContent {
  sha256: string;
  size: number;
}

/**
 * Passes a stored file's bytes through while hashing them, and holds back the last chunk
 * until the hash and size are known: if they are not what was recorded at upload, the
 * stream errors before the final bytes, so the reader sees a broken download rather than
 * a complete file that is not the evidence.
 *
 * @example
 *   return new Response(verifiedBody(object.body, artifact, (read) => logFailure(read)));
 */
export function verifiedBody(
  source: ReadableStream<Uint8Array>,
  expected: ExpectedContent,
  onMismatch: (read: ReadContent) => void,
): ReadableStream<Uint8Array> {
  const hash = createStreamHash();
  let held: Uint8Array | null = null;
  return source.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      async transform(chunk, controller) {
        await hash.write(chunk);
        if (held) controller.enqueue(held);
        held = chunk;
      },
      async flush(controller) {
        const { sha256, size } = await hash.finish();
        if (sha256 !== expected.sha256 || size !== expected.size) {
          onMismatch({ sha256, size });
          throw new WardguardError(
            'STORAGE_FAILED',
            `The stored file does not match its record (expected ${expected.sha256}, ${expected.size} bytes; read ${sha256}, ${size} bytes).`,
          );
        }
        if (held) controller.enqueue(held);
      },
    }),
  );
}
