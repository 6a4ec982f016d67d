import { WardguardError } from '@wardguard/shared';
import type { FileMail, FileMailResult } from '@wardguard/shared/api/mail';
import type { Logger } from '../log.ts';
import { sha256 } from '../scan/scan-message.ts';
import { errorCode, type WorkerClient } from '../worker/client.ts';
import { reduceMessage, REDUCTIONS } from './reduce.ts';

/** The Worker's answers (413) to a message or filing over its size limits. */
const TOO_LARGE = new Set(['ARTIFACT_TOO_LARGE', 'BUNDLE_TOO_LARGE']);
export const isTooLarge = (err: unknown): boolean => TOO_LARGE.has(errorCode(err));

export interface LargeMailOptions {
  /** Larger messages are not sent whole at all (the Worker's MAX_ARTIFACT_BYTES, by default 50 MiB). */
  maxMessageBytes: number;
  log: Logger;
  /**
   * A reduced copy was filed: keep the whole original too (filter.ts queues it on disk for
   * drain-originals.ts). Called without waiting, so it never delays quarantining or alerting.
   */
  onReduced?(result: FileMailResult, record: FileMail, eml: Buffer): void;
}

/**
 * Files a flagged message whole if the Worker takes it; if it is over `maxMessageBytes` or
 * the Worker answers "too large", files a reduced copy instead (oversized attachments, then
 * if need be any oversized part, replaced by notes naming them; see reduce.ts), so a large
 * message is recorded and alerted like any other. The record keeps the original's hash and
 * size: the original stays whole in the quarantine folder, where decisions find it, and
 * `onReduced` has it uploaded whole to the Worker's storage afterwards.
 * Throws what the last attempt threw (transient failures at once, as before).
 */
export async function fileMessage(worker: WorkerClient, record: FileMail, eml: Buffer, opts: LargeMailOptions): Promise<FileMailResult> {
  let refusal: unknown = null;
  if (eml.byteLength <= opts.maxMessageBytes) {
    try {
      return await worker.fileMail(record, eml);
    } catch (err) {
      if (!isTooLarge(err)) throw err;
      refusal = err;
    }
  }
  const original = { sha256: record.sourceSha256, size: record.sourceSize };
  const copies = REDUCTIONS.flatMap((how) => {
    try {
      const copy = reduceMessage(eml, how, original);
      return copy ? [{ how, ...copy }] : [];
    } catch (err) {
      // E.g. a message past the longest string this runtime holds: refused below, never retried as transient.
      opts.log.error('could not make a reduced copy', { messageId: record.messageId, reduction: how, error: (err as Error).message });
      return [];
    }
  });
  // Copies over the filter's own limit are not sent, unless none is under it (then the smallest).
  const fitting = copies.filter((c) => c.eml.byteLength <= opts.maxMessageBytes);
  for (const copy of fitting.length > 0 ? fitting : copies.slice(-1)) {
    const reduced = { emlSha256: sha256(copy.eml), emlSize: copy.eml.byteLength, parts: copy.parts };
    try {
      const result = await worker.fileMail({ ...record, reduced }, copy.eml);
      opts.log.warn('filed a REDUCED copy of a message too large for the Worker; the original stays whole in quarantine and is queued for upload', {
        mailbox: record.mailbox,
        messageId: record.messageId,
        originalBytes: eml.byteLength,
        filedBytes: copy.eml.byteLength,
        replacedParts: copy.parts.length,
        reduction: copy.how,
      });
      opts.onReduced?.(result, record, eml);
      return result;
    } catch (err) {
      if (!isTooLarge(err)) throw err;
      refusal = err;
    }
  }
  throw (
    refusal ??
    new WardguardError(
      'ARTIFACT_TOO_LARGE',
      `The message is ${eml.byteLength} bytes, over maxMessageBytes (${opts.maxMessageBytes}), and has no part that could be replaced.`,
    )
  );
}

/** The Worker client with `fileMail` going through `fileMessage`: every filing path (arrival, spool drain) gets the same handling. */
export function withLargeMail(worker: WorkerClient, opts: LargeMailOptions): WorkerClient {
  return { ...worker, fileMail: (record, eml) => fileMessage(worker, record, eml, opts) };
}
