/**
 * The one retry rule for every Wardguard client (extension, dashboard, mail filter).
 *
 * Worth trying again: no answer at all (network failure, timeout, a body cut off, an answer
 * that was not the Worker's JSON), 408, 429 and any 5xx. Anything else, 401 included, is the
 * Worker's considered answer and retrying the same request will not change it.
 *
 * The client itself never retries: each caller already keeps what it could not send (the
 * extension's queue, the mail filter's spool), and a second loop inside the request would
 * multiply the waits. Callers wait `retryDelayMs` between their own tries.
 */
export const isRetryableStatus = (status: number | undefined): boolean => status === undefined || status === 408 || status === 429 || status >= 500;

/**
 * Milliseconds a `Retry-After` header asks for (delta-seconds or an HTTP date), or undefined
 * when it is absent or unreadable.
 */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface Backoff {
  baseMs: number;
  maxMs: number;
}

/**
 * Delay before try `attempts + 1` after `attempts` failed ones: base, 2 × base, 4 × base …
 * capped at `maxMs`, and never sooner than the server's `Retry-After` (which may exceed the cap:
 * the server knows when it will be back).
 */
export function retryDelayMs(attempts: number, backoff: Backoff, serverAskedMs?: number): number {
  const exponential = attempts <= 0 ? 0 : Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(attempts - 1, 30));
  return Math.max(exponential, serverAskedMs ?? 0);
}
