/**
 * Every error code Wardguard raises, and the HTTP status the Worker answers it with. One table,
 * checked by the compiler: `new WardguardError(code, …)` takes only a code listed here, so no
 * code can reach the Worker's error handler without a status of its own.
 */
export const ERROR_STATUS = {
  // 400: the request itself is wrong.
  INVALID_JSON: 400,
  VALIDATION_FAILED: 400,
  INVALID_MANIFEST: 400,
  INVALID_ARTIFACT_NAME: 400,
  DUPLICATE_ARTIFACT_NAME: 400,
  MALFORMED_MULTIPART: 400,
  UNEXPECTED_FIELD: 400,
  INVALID_SIGNATURE: 400,
  SIGNATURE_REQUIRED: 400,
  COUNCIL_REQUIRED: 400,
  INVALID_PART_NUMBER: 400,
  // 401 / 403: who is asking.
  UNAUTHENTICATED: 401,
  TOKEN_REVOKED: 401,
  SESSION_EXPIRED: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  SIGNATURE_KEY_CHANGED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  LENGTH_REQUIRED: 411,
  // 409: the state does not allow it now.
  IDEMPOTENCY_CONFLICT: 409,
  THREAT_REPLY_REFUSED: 409,
  THREAT_ALERT_UNACKNOWLEDGED: 409,
  REPLY_TOO_SOON: 409,
  SENDER_DISENGAGED: 409,
  REPLY_ALREADY_CLAIMED: 409,
  CONFLICT: 409,
  CUSTODY_CHECKPOINT_MISMATCH: 409,
  NOT_REDUCED: 409,
  UPLOAD_SUPERSEDED: 409,
  // 413 / 415: size and type.
  BODY_TOO_LARGE: 413,
  BUNDLE_TOO_LARGE: 413,
  ARTIFACT_TOO_LARGE: 413,
  ORIGINAL_TOO_LARGE: 413,
  EXPECTED_MULTIPART: 415,
  UNSUPPORTED_MEDIA_TYPE: 415,
  MEDIA_TYPE_MISMATCH: 415,
  // 422: well-formed but refused.
  SIGNATURE_MISMATCH: 422,
  HASH_MISMATCH: 422,
  SIZE_MISMATCH: 422,
  MISSING_FILE: 422,
  UNEXPECTED_FILE: 422,
  THREAT_REASON_REQUIRED: 422,
  REPLY_QUOTES_ABUSE: 422,
  NO_REPLY_ADDRESS: 422,
  UNKNOWN_TEMPLATE_VARIABLE: 422,
  MALFORMED_TEMPLATE: 422,
  MISSING_TEMPLATE_VALUE: 422,
  TEMPLATE_VALUE_TOO_LONG: 422,
  TEMPLATE_VALUE_INVALID: 422,
  EMPTY_PACK: 422,
  PACK_TOO_LARGE: 422,
  // 5xx: ours, or a service we depend on.
  INTERNAL: 500,
  INVALID_CONFIG: 500,
  PACK_INTEGRITY: 500,
  STORAGE_FAILED: 503,
  PACK_KEY_MISSING: 503,
  PACK_KEY_INVALID: 503,
  // Raised outside the Worker (mail filter, verifier); if one ever reached it, it is a 5xx.
  IMAP_CLOSED: 502,
  IMAP_NO_MOVE: 502,
  IMAP_TOKEN_UNREADABLE: 500,
  WORKER_UNAVAILABLE: 502,
  WORKER_REFUSED: 502,
  PACK_KEY_FETCH_FAILED: 502,
  PACK_KEY_FINGERPRINT_MISMATCH: 500,
} as const satisfies Record<string, 400 | 401 | 403 | 404 | 405 | 409 | 411 | 413 | 415 | 422 | 500 | 502 | 503>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** For codes that arrive as text (a Worker's error body read by the mail filter). */
export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_STATUS, code);
