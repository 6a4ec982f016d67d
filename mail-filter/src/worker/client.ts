import { isWardguardError } from '@wardguard/shared';
import { createApiClient, isRetryable, type RequestOptions } from '@wardguard/shared/client';
import {
  fileMailResultSchema,
  mailActionListSchema,
  mailAlertListSchema,
  type FileMail,
  type FileMailResult,
  type MailAction,
  type MailAlert,
} from '@wardguard/shared/api/mail';
import { serviceCouncillorSchema, type ServiceCouncillor } from '@wardguard/shared/api/mail-service';
import {
  completeOriginalResultSchema,
  originalUploadSchema,
  uploadedPartSchema,
  type OriginalUpload,
  type StoredOriginal,
  type UploadedPart,
} from '@wardguard/shared/api/mail-original';
import type { z } from 'zod';

const DEFAULT_TIMEOUT_SECONDS = 10;
const MIB = 1024 * 1024;

/**
 * How long one filing may take: the configured wait, plus a second per MiB so a large message
 * on a slow link is not cut off. A hung Worker is then given up on in seconds, not minutes.
 */
export const filingTimeoutMs = (timeoutSeconds: number, bytes: number): number => (timeoutSeconds + Math.ceil(bytes / MIB)) * 1000;

/**
 * Whether a failure is worth retrying later (the shared rule, client/retry.ts: no answer,
 * 408, 429, 5xx; or anything that is not the Worker's own answer) or a refusal that retrying
 * will not change (any other 4xx: too large, invalid, unknown councillor, bad token). Only
 * transient failures may be spooled: a refused record would sit in the spool while its
 * message sat in Quarantine.
 */
export const isTransient = (err: unknown): boolean => !isWardguardError(err) || err.code === 'WORKER_UNAVAILABLE' || isRetryable(err);

/** The error code of a failure, for logs (`ARTIFACT_TOO_LARGE`, `NOT_FOUND`, `UNAUTHORIZED`…). */
export const errorCode = (err: unknown): string => ((err as { code?: unknown })?.code ? String((err as { code: unknown }).code) : 'UNKNOWN');

/** The Worker's mail API as the filter uses it (service token). */
export function createWorkerClient(opts: { url: string; token: string; filingTimeoutSeconds?: number }) {
  const timeoutSeconds = opts.filingTimeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  // A hung Worker must be given up on in seconds, so every call carries the filing timeout.
  const api = createApiClient({ baseUrl: `${opts.url.replace(/\/$/, '')}/api/v1/mail/service`, token: opts.token, timeoutMs: timeoutSeconds * 1000 });
  const call = async <S extends z.ZodType>(path: string, req: RequestOptions, schema: S): Promise<z.infer<S>> => schema.parse(await api.json(path, req));

  return {
    /** Files a flagged message; repeats return the first record (`created: false`). */
    fileMail(record: FileMail, eml: Buffer): Promise<FileMailResult> {
      const form = new FormData();
      form.append('record', JSON.stringify(record));
      form.append('eml', new Blob([new Uint8Array(eml.buffer, eml.byteOffset, eml.byteLength)], { type: 'message/rfc822' }), 'message.eml');
      return call('/messages', { method: 'POST', body: form, timeoutMs: filingTimeoutMs(timeoutSeconds, eml.byteLength) }, fileMailResultSchema);
    },
    /** The councillor an account belongs to; the Worker refuses (NOT_FOUND) one outside the token's council. */
    councillor(id: string): Promise<ServiceCouncillor> {
      return call(`/councillors/${encodeURIComponent(id)}`, {}, serviceCouncillorSchema);
    },
    async pendingActions(mailbox: string): Promise<MailAction[]> {
      return (await call(`/actions?mailbox=${encodeURIComponent(mailbox)}`, {}, mailActionListSchema)).actions;
    },
    async ackAction(id: string, outcome: 'applied' | 'not_found', detail?: string): Promise<void> {
      await api.json(`/actions/${encodeURIComponent(id)}/ack`, { method: 'POST', json: { outcome, ...(detail ? { detail } : {}) } });
    },
    async dueAlerts(): Promise<MailAlert[]> {
      return (await call('/alerts/due', {}, mailAlertListSchema)).alerts;
    },
    async alertNotified(id: string): Promise<void> {
      await api.json(`/alerts/${encodeURIComponent(id)}/notified`, { method: 'POST' });
    },
    /** Starts (or restarts) keeping a reduced record's whole original; `stored` when the Worker has it already. */
    startOriginal(recordId: string, partBytes?: number): Promise<OriginalUpload> {
      return call(`/records/${encodeURIComponent(recordId)}/original`, { method: 'POST', json: partBytes ? { partBytes } : {} }, originalUploadSchema);
    },
    putOriginalPart(recordId: string, uploadId: string, n: number, bytes: Buffer): Promise<UploadedPart> {
      const path = `/records/${encodeURIComponent(recordId)}/original/parts/${n}?upload=${encodeURIComponent(uploadId)}`;
      const req = {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream' },
        body: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        timeoutMs: filingTimeoutMs(timeoutSeconds, bytes.byteLength),
      };
      return call(path, req, uploadedPartSchema);
    },
    async completeOriginal(recordId: string, uploadId: string, parts: UploadedPart[]): Promise<StoredOriginal> {
      const path = `/records/${encodeURIComponent(recordId)}/original/complete?upload=${encodeURIComponent(uploadId)}`;
      // The Worker reads the joined object back to hash it: a second per MiB, as for a filing.
      const size = parts.length * 16 * MIB;
      return (await call(path, { method: 'POST', json: { parts }, timeoutMs: filingTimeoutMs(timeoutSeconds, size) }, completeOriginalResultSchema)).stored;
    },
  };
}
export type WorkerClient = ReturnType<typeof createWorkerClient>;
