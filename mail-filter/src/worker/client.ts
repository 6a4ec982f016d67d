import { WardguardError } from '@wardguard/shared';
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
import { workerErrorCode } from './error-code.ts';

const DEFAULT_TIMEOUT_SECONDS = 10;
const MIB = 1024 * 1024;

/**
 * How long one filing may take: the configured wait, plus a second per MiB so a large message
 * on a slow link is not cut off. A hung Worker is then given up on in seconds, not minutes.
 */
export const filingTimeoutMs = (timeoutSeconds: number, bytes: number): number => (timeoutSeconds + Math.ceil(bytes / MIB)) * 1000;

/**
 * Whether a failure is worth retrying later (Worker unreachable, 5xx, 429, or anything that
 * is not the Worker's own answer) or a refusal that retrying will not change (any other
 * 4xx: too large, invalid, unknown councillor, bad token). Only transient failures may be
 * spooled: a refused record would sit in the spool while its message sat in Quarantine.
 */
export const isTransient = (err: unknown): boolean => !(err instanceof WardguardError) || err.code === 'WORKER_UNAVAILABLE';

/** The error code of a failure, for logs (`ARTIFACT_TOO_LARGE`, `NOT_FOUND`, `UNAUTHORIZED`…). */
export const errorCode = (err: unknown): string => ((err as { code?: unknown })?.code ? String((err as { code: unknown }).code) : 'UNKNOWN');

/** The Worker's mail API as the filter uses it (service token). */
export function createWorkerClient(opts: { url: string; token: string; filingTimeoutSeconds?: number }) {
  const base = `${opts.url.replace(/\/$/, '')}/api/v1/mail/service`;
  const timeoutSeconds = opts.filingTimeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;

  async function call<S extends z.ZodType>(path: string, init: RequestInit, schema: S, timeoutMs = timeoutSeconds * 1000): Promise<z.infer<S>> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${opts.token}`, ...(init.headers as Record<string, string> | undefined) },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new WardguardError('WORKER_UNAVAILABLE', `The Worker cannot be reached: ${(err as Error).message}`);
    }
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      // Headers came, then the body stalled past the timeout or the connection dropped.
      throw new WardguardError('WORKER_UNAVAILABLE', `The Worker stopped answering: ${(err as Error).message}`);
    }
    if (res.status >= 500 || res.status === 429) throw new WardguardError('WORKER_UNAVAILABLE', `The Worker answered ${res.status}: ${text.slice(0, 300)}`);
    if (!res.ok) {
      throw new WardguardError(workerErrorCode(text, 'WORKER_REFUSED'), `The Worker refused ${path} (${res.status}): ${text.slice(0, 300)}`);
    }
    return schema.parse(JSON.parse(text));
  }

  return {
    /** Files a flagged message; repeats return the first record (`created: false`). */
    fileMail(record: FileMail, eml: Buffer): Promise<FileMailResult> {
      const form = new FormData();
      form.append('record', JSON.stringify(record));
      form.append('eml', new Blob([new Uint8Array(eml.buffer, eml.byteOffset, eml.byteLength)], { type: 'message/rfc822' }), 'message.eml');
      return call('/messages', { method: 'POST', body: form }, fileMailResultSchema, filingTimeoutMs(timeoutSeconds, eml.byteLength));
    },
    /** The councillor an account belongs to; the Worker refuses (NOT_FOUND) one outside the token's council. */
    councillor(id: string): Promise<ServiceCouncillor> {
      return call(`/councillors/${encodeURIComponent(id)}`, {}, serviceCouncillorSchema);
    },
    async pendingActions(mailbox: string): Promise<MailAction[]> {
      return (await call(`/actions?mailbox=${encodeURIComponent(mailbox)}`, {}, mailActionListSchema)).actions;
    },
    async ackAction(id: string, outcome: 'applied' | 'not_found', detail?: string): Promise<void> {
      await call(`/actions/${encodeURIComponent(id)}/ack`, jsonInit({ outcome, ...(detail ? { detail } : {}) }), anyJson);
    },
    async dueAlerts(): Promise<MailAlert[]> {
      return (await call('/alerts/due', {}, mailAlertListSchema)).alerts;
    },
    async alertNotified(id: string): Promise<void> {
      await call(`/alerts/${encodeURIComponent(id)}/notified`, { method: 'POST' }, anyJson);
    },
    /** Starts (or restarts) keeping a reduced record's whole original; `stored` when the Worker has it already. */
    startOriginal(recordId: string, partBytes?: number): Promise<OriginalUpload> {
      return call(`/records/${encodeURIComponent(recordId)}/original`, jsonInit(partBytes ? { partBytes } : {}), originalUploadSchema);
    },
    putOriginalPart(recordId: string, uploadId: string, n: number, bytes: Buffer): Promise<UploadedPart> {
      const path = `/records/${encodeURIComponent(recordId)}/original/parts/${n}?upload=${encodeURIComponent(uploadId)}`;
      const init = {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream' },
        body: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      };
      return call(path, init, uploadedPartSchema, filingTimeoutMs(timeoutSeconds, bytes.byteLength));
    },
    async completeOriginal(recordId: string, uploadId: string, parts: UploadedPart[]): Promise<StoredOriginal> {
      const path = `/records/${encodeURIComponent(recordId)}/original/complete?upload=${encodeURIComponent(uploadId)}`;
      // The Worker reads the joined object back to hash it: a second per MiB, as for a filing.
      const size = parts.length * 16 * MIB;
      return (await call(path, jsonInit({ parts }), completeOriginalResultSchema, filingTimeoutMs(timeoutSeconds, size))).stored;
    },
  };
}
export type WorkerClient = ReturnType<typeof createWorkerClient>;

const jsonInit = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const anyJson = { parse: (v: unknown) => v } as unknown as z.ZodType<unknown>;
