import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_STATUS, type ErrorCode } from '@wardguard/shared';

/** The HTTP status for an error code: the table in shared/src/api/error-codes.ts, nothing else. */
export function statusFor(code: ErrorCode): ContentfulStatusCode {
  return ERROR_STATUS[code];
}
