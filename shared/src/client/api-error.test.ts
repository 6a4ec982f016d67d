import { describe, expect, it } from 'vitest';
import { isWardguardError, WardguardError } from '../errors.ts';
import { ApiError, apiErrorOf, isApiError, isRetryable, noAnswer } from './api-error.ts';

describe("an error read from the Worker's answer", () => {
  it("takes the Worker's code, message and details when it names a known code", () => {
    const err = apiErrorOf('https://w/api/v1/x', 409, '{"error":{"code":"REPLY_ALREADY_CLAIMED","message":"Taken","details":{"by":"u1"}}}');
    expect(err).toMatchObject({ code: 'REPLY_ALREADY_CLAIMED', message: 'Taken', status: 409, details: { by: 'u1' } });
  });

  it('falls back to WORKER_UNAVAILABLE for a retryable status and WORKER_REFUSED otherwise, keeping the body in the message', () => {
    expect(apiErrorOf('W', 502, '<html>502 Bad Gateway</html>')).toMatchObject({
      code: 'WORKER_UNAVAILABLE',
      message: 'W answered 502: <html>502 Bad Gateway</html>',
    });
    expect(apiErrorOf('W', 400, '{"error":{"code":"SOMETHING_NEW"}}')).toMatchObject({ code: 'WORKER_REFUSED', status: 400 });
  });

  it('is a WardguardError by name, so guards work across realms', () => {
    const err = apiErrorOf('W', 401, '{"error":{"code":"UNAUTHENTICATED","message":"no"}}');
    expect(isApiError(err) && isWardguardError(err) && err instanceof WardguardError).toBe(true);
    expect(isApiError({ name: 'ApiError', code: 'INTERNAL', message: 'x' })).toBe(true);
    expect(isApiError(new WardguardError('INTERNAL', 'x'))).toBe(false);
  });

  it('is retryable when no answer came or the status says so, and not when the Worker refused', () => {
    expect(isRetryable(noAnswer('down'))).toBe(true);
    expect(isRetryable(apiErrorOf('W', 429, ''))).toBe(true);
    expect(isRetryable(apiErrorOf('W', 401, ''))).toBe(false);
    expect(isRetryable(new ApiError({ code: 'NOT_FOUND', message: 'x', status: 404 }))).toBe(false);
    expect(isRetryable(new TypeError('fetch failed'))).toBe(false);
  });
});
