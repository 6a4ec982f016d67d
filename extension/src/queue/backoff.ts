export const BACKOFF_BASE_MS = 30_000; // chrome.alarms will not fire sooner than 30 s anyway
export const BACKOFF_MAX_MS = 60 * 60_000;

/** Delay before the next try after `attempts` failed ones: 30 s, 1 min, 2 min … capped at 1 h. */
export function backoffDelayMs(attempts: number, base = BACKOFF_BASE_MS, max = BACKOFF_MAX_MS): number {
  if (attempts <= 0) return 0;
  return Math.min(max, base * 2 ** Math.min(attempts - 1, 30));
}

export type Outcome = 'delivered' | 'retry' | 'needs_attention';

/**
 * What a response means for a queued bundle. Network errors, 401 (token may be fixed by
 * re-pairing), 408, 429 and 5xx are retried; any other 4xx is the bundle's fault and is kept
 * for the councillor to see, never dropped.
 */
export function classifyStatus(status: number | undefined): Outcome {
  if (status === undefined) return 'retry';
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 401 || status === 408 || status === 429 || status >= 500) return 'retry';
  if (status >= 400) return 'needs_attention';
  return 'retry';
}
