import type { ErrorCode } from './api/error-codes.ts';

/**
 * The one error type that crosses package boundaries. `code` is a stable
 * SCREAMING_SNAKE code from `ERROR_STATUS` (api/error-codes.ts) that callers branch on; the
 * Worker answers each with the status listed there.
 *
 * Type guards check `name`, not `instanceof`, because errors cross realms
 * (extension contexts, workerd isolates) where `instanceof` fails.
 */
export class WardguardError extends Error {
  // A string, not a literal: ApiError (client/api-error.ts) is a WardguardError named for what it adds.
  override name: 'WardguardError' | 'ApiError' = 'WardguardError';
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.code = code;
    if (details !== undefined) this.details = details;
  }
}

export function isWardguardError(err: unknown): err is WardguardError {
  if (typeof err !== 'object' || err === null) return false;
  const name = (err as { name?: unknown }).name;
  return name === 'WardguardError' || name === 'ApiError';
}

/** The JSON body every API error has. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}
