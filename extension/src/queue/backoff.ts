import { isRetryableStatus, retryDelayMs } from '@wardguard/shared/client';

export const BACKOFF_BASE_MS = 30_000; // chrome.alarms will not fire sooner than 30 s anyway
export const BACKOFF_MAX_MS = 60 * 60_000;

/**
 * Delay before the next try after `attempts` failed ones: 30 s, 1 min, 2 min … capped at 1 h,
 * and never sooner than the server's Retry-After (the shared rule, client/retry.ts).
 */
export const backoffDelayMs = (attempts: number, serverAskedMs?: number): number =>
  retryDelayMs(attempts, { baseMs: BACKOFF_BASE_MS, maxMs: BACKOFF_MAX_MS }, serverAskedMs);

export type Outcome = 'delivered' | 'retry' | 'needs_attention';

/**
 * What a response means for a queued bundle. What the shared rule retries (no answer, 408, 429,
 * 5xx) stays pending. So does a 401: not because sending it again will help, but because the
 * bundle is not at fault, and once the councillor re-pairs with a good token it goes out.
 * Any other 4xx is the bundle's fault and is kept for the councillor to see, never dropped.
 */
export function classifyStatus(status: number | undefined): Outcome {
  if (status !== undefined && status >= 200 && status < 300) return 'delivered';
  if (isRetryableStatus(status) || status === 401) return 'retry';
  if (status !== undefined && status >= 400) return 'needs_attention';
  return 'retry';
}
