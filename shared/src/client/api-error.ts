import { isErrorCode, type ErrorCode } from '../api/error-codes.ts';
import { isWardguardError, WardguardError } from '../errors.ts';
import { isRetryableStatus } from './retry.ts';

/**
 * A failed call to the Worker, from any client. `status` is the HTTP status, or undefined
 * when no answer came (network failure, timeout, a cut-off or non-JSON body). `code` is the
 * Worker's own code when it sent one this build knows (api/error-codes.ts), otherwise
 * WORKER_UNAVAILABLE for a failure worth retrying (client/retry.ts) and WORKER_REFUSED for
 * any other refusal.
 */
export class ApiError extends WardguardError {
  override name = 'ApiError' as const;
  readonly status: number | undefined;
  /** What the server's `Retry-After` asked for, when it sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(init: { code: ErrorCode; message: string; status?: number | undefined; retryAfterMs?: number | undefined; details?: unknown }) {
    super(init.code, init.message, init.details);
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** Checks `name`, not `instanceof`: errors cross realms (extension contexts, workerd). */
export const isApiError = (err: unknown): err is ApiError => isWardguardError(err) && err.name === 'ApiError';

/** True for an `ApiError` the retry rule (client/retry.ts) says to try again; false for anything else. */
export const isRetryable = (err: unknown): boolean => isApiError(err) && isRetryableStatus(err.status);

const fallbackCode = (status: number | undefined): ErrorCode => (isRetryableStatus(status) ? 'WORKER_UNAVAILABLE' : 'WORKER_REFUSED');

/** The error for an answer that is not 2xx, read from the Worker's `{"error":{code,message,details}}` body when it has one. */
export function apiErrorOf(what: string, status: number, body: string, retryAfterMs?: number): ApiError {
  let sent: { code?: unknown; message?: unknown; details?: unknown } | undefined;
  try {
    sent = (JSON.parse(body) as { error?: typeof sent }).error;
  } catch {
    // Not JSON: a proxy's page, or a crash before the Worker's error handler. The text goes in the message.
  }
  const code = typeof sent?.code === 'string' && isErrorCode(sent.code) ? sent.code : fallbackCode(status);
  const message = typeof sent?.message === 'string' ? sent.message : `${what} answered ${status}${body ? `: ${body.slice(0, 300)}` : ''}`;
  return new ApiError({ code, message, status, retryAfterMs, ...(sent?.details !== undefined ? { details: sent.details } : {}) });
}

/** The error for a call that got no usable answer. */
export const noAnswer = (message: string): ApiError => new ApiError({ code: 'WORKER_UNAVAILABLE', message });
