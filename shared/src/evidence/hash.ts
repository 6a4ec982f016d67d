import { toHex } from '../encoding/hex.ts';
import { utf8Encode } from '../encoding/utf8.ts';
import { subtle } from './web-crypto.ts';

/** SHA-256 of bytes or of a string's UTF-8 encoding, as lower-case hex. */
export async function sha256Hex(data: ArrayBuffer | Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? utf8Encode(data) : data;
  return toHex(await subtle().digest('SHA-256', bytes));
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
