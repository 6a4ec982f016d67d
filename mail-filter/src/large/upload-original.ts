import { open } from 'node:fs/promises';
import type { StoredOriginal, UploadedPart } from '@wardguard/shared/api/mail-original';
import type { WorkerClient } from '../worker/client.ts';

/**
 * Uploads the original at `path` for a reduced record, one part at a time, reading each part
 * from disk only when it is sent (memory stays at one part, 8 MiB by default, however large
 * the message). Always starts afresh: the Worker aborts any earlier unfinished upload, and
 * answers `stored` when an earlier run got as far as storing it. The Worker keeps it only if
 * its SHA-256 and size are the record's (else HASH_MISMATCH, thrown from here).
 */
export async function uploadOriginal(worker: WorkerClient, recordId: string, path: string): Promise<StoredOriginal> {
  const started = await worker.startOriginal(recordId);
  if ('stored' in started) return started.stored;
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const parts: UploadedPart[] = [];
    for (let n = 1; n <= started.partCount; n++) {
      const from = (n - 1) * started.partBytes;
      const length = Math.max(0, Math.min(started.partBytes, size - from));
      const buf = Buffer.alloc(length);
      const { bytesRead } = await fh.read(buf, 0, length, from);
      parts.push(await worker.putOriginalPart(recordId, started.uploadId, n, buf.subarray(0, bytesRead)));
    }
    return await worker.completeOriginal(recordId, started.uploadId, parts);
  } finally {
    await fh.close();
  }
}
