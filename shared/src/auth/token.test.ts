import { describe, expect, it } from 'vitest';
import { generateToken, hashToken, TOKEN_PATTERN } from './token.ts';

describe('bearer tokens', () => {
  it('are 32 random bytes, never repeat, and hash to 64 hex characters', async () => {
    const a = generateToken();
    const b = generateToken();
    expect(a).toMatch(TOKEN_PATTERN);
    expect(a).not.toBe(b);
    expect(await hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashToken(a)).not.toBe(await hashToken(b));
  });
});
