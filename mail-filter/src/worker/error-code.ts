import { isErrorCode, type ErrorCode } from '@wardguard/shared';

/**
 * The code in a Worker's error body (`{"error":{"code":…}}`), or `fallback` when the body is
 * not JSON or names a code this build does not know; the caller's message carries the body.
 */
export function workerErrorCode(body: string, fallback: ErrorCode): ErrorCode {
  try {
    const sent = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return typeof sent === 'string' && isErrorCode(sent) ? sent : fallback;
  } catch {
    return fallback;
  }
}
