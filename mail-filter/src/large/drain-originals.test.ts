import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WardguardError } from '@wardguard/shared';
import type { UploadedPart } from '@wardguard/shared/api/mail-original';
import type { WorkerClient } from '../worker/client.ts';
import { silentLogger } from '../log.ts';
import { createOriginalQueue } from './original-queue.ts';
import { drainOriginals } from './drain-originals.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'wg-originals-'));
  dirs.push(d);
  return join(d, 'originals');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const RECORD = '0b7f4a7e-1111-4c4c-9a9a-000000000001';
const entry = (eml: Buffer) => ({ recordId: RECORD, mailbox: 'alice@council.example', messageId: '<big@x>', sha256: 'f'.repeat(64), size: eml.byteLength });

/**
 * A Worker stand-in for the three upload calls, asking for 4-byte parts; `failAt` makes the
 * n-th part fail as an unreachable Worker would. Integration tests use the real Worker.
 */
function fakeWorker(opts: { failAtPart?: number; refuseComplete?: boolean } = {}) {
  const received = new Map<number, Buffer>();
  let starts = 0;
  let stored: Buffer | null = null;
  const worker = {
    async startOriginal() {
      starts += 1;
      received.clear();
      return { uploadId: `u${starts}`, partBytes: 4, partCount: 3, size: 10, sha256: 'f'.repeat(64) };
    },
    async putOriginalPart(_id: string, _upload: string, n: number, bytes: Buffer): Promise<UploadedPart> {
      if (n === opts.failAtPart) {
        opts.failAtPart = undefined;
        throw new WardguardError('WORKER_UNAVAILABLE', 'The Worker cannot be reached: ECONNREFUSED');
      }
      received.set(n, Buffer.from(bytes));
      return { partNumber: n, etag: `e${n}` };
    },
    async completeOriginal(_id: string, _upload: string, parts: UploadedPart[]) {
      if (opts.refuseComplete) throw new WardguardError('HASH_MISMATCH', 'The uploaded original is not the record’s.');
      stored = Buffer.concat(parts.map((p) => received.get(p.partNumber)!));
      return { size: stored.byteLength, sha256: 'f'.repeat(64), storedAt: '2026-12-07T18:00:00.000Z' };
    },
  };
  return { worker: worker as unknown as WorkerClient, starts: () => starts, stored: () => stored };
}

describe('uploading the originals of reduced messages', () => {
  it('sends the queued original in the parts the Worker asks for and forgets it only once stored; after a failure a restart uploads it afresh', async () => {
    const dir = tmp();
    const eml = Buffer.from('0123456789');
    await createOriginalQueue(dir).put(entry(eml), eml);

    const flaky = fakeWorker({ failAtPart: 2 });
    expect(await drainOriginals(createOriginalQueue(dir), flaky.worker, silentLogger)).toEqual({ stored: 0, refused: 0 });
    // Still queued on disk: a new process (a new queue on the same folder) picks it up.
    expect(readdirSync(dir).sort()).toEqual([`${RECORD}.eml`, `${RECORD}.json`]);

    expect(await drainOriginals(createOriginalQueue(dir), flaky.worker, silentLogger)).toEqual({ stored: 1, refused: 0 });
    expect(flaky.starts()).toBe(2);
    expect(flaky.stored()?.equals(eml)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('sets an original the Worker refuses aside in refused/, where an operator finds it', async () => {
    const dir = tmp();
    const eml = Buffer.from('0123456789');
    await createOriginalQueue(dir).put(entry(eml), eml);
    const refusing = fakeWorker({ refuseComplete: true });
    expect(await drainOriginals(createOriginalQueue(dir), refusing.worker, silentLogger)).toEqual({ stored: 0, refused: 1 });
    expect(existsSync(join(dir, 'refused', `${RECORD}.eml`))).toBe(true);
    expect(await createOriginalQueue(dir).list()).toEqual([]);
  });
});
