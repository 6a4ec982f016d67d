import { bytesToBase64url } from '../encoding/base64.ts';
import { sha256Hex } from '../evidence/hash.ts';
import { randomBytes } from '../evidence/web-crypto.ts';

const TOKEN_BYTES = 32;

/**
 * A new bearer token: 32 random bytes, base64url, with a `wg_` prefix so secret
 * scanners and humans can recognise a leaked one.
 */
export function generateToken(): string {
  return `wg_${bytesToBase64url(randomBytes(TOKEN_BYTES))}`;
}

/** Tokens are stored only as this hash. */
export function hashToken(token: string): Promise<string> {
  return sha256Hex(token);
}

export const TOKEN_PATTERN = /^wg_[A-Za-z0-9_-]{43}$/;
