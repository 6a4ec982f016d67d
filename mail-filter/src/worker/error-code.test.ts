import { describe, expect, it } from 'vitest';
import { workerErrorCode } from './error-code.ts';

describe("the code in a Worker's error body", () => {
  it('is taken when the Worker names a known code, and falls back otherwise', () => {
    expect(workerErrorCode('{"error":{"code":"REPLY_ALREADY_CLAIMED","message":"x"}}', 'WORKER_REFUSED')).toBe('REPLY_ALREADY_CLAIMED');
    expect(workerErrorCode('{"error":{"code":"SOMETHING_NEW"}}', 'WORKER_REFUSED')).toBe('WORKER_REFUSED');
    expect(workerErrorCode('<html>502 Bad Gateway</html>', 'WORKER_UNAVAILABLE')).toBe('WORKER_UNAVAILABLE');
  });
});
