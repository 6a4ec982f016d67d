import { sha256Hex } from '../evidence/hash.ts';

interface RandomLike {
  getRandomValues<T extends Uint8Array>(array: T): T;
}
const TOKEN_BYTES = 32;

function base64url(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  let bits = 0;
  let acc = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += alphabet[(acc >> bits) & 63];
    }
  }
  if (bits > 0) out += alphabet[(acc << (6 - bits)) & 63];
  return out;
}

/**
 * A new bearer token: 32 random bytes, base64url, with a `wg_` prefix so secret
 * scanners and humans can recognise a leaked one.
 */
export function generateToken(): string {
  const bytes = (globalThis as unknown as { crypto: RandomLike }).crypto.getRandomValues(new Uint8Array(TOKEN_BYTES));
  return `wg_${base64url(bytes)}`;
}

/** Tokens are stored only as this hash. */
export function hashToken(token: string): Promise<string> {
  return sha256Hex(token);
}

export const TOKEN_PATTERN = /^wg_[A-Za-z0-9_-]{43}$/;
