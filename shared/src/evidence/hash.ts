// Web Crypto is present in browsers, Workers and Node ≥ 19 as `globalThis.crypto`;
// reaching it through globalThis keeps `shared` free of DOM/Node type libraries.
interface SubtleLike {
  digest(algorithm: string, data: ArrayBuffer | ArrayBufferView): Promise<ArrayBuffer>;
}
const subtle = (): SubtleLike => (globalThis as unknown as { crypto: { subtle: SubtleLike } }).crypto.subtle;

interface EncoderLike {
  encode(s: string): Uint8Array;
}
const encoder: EncoderLike = new (globalThis as unknown as { TextEncoder: new () => EncoderLike }).TextEncoder();

export function toHex(buf: ArrayBuffer | Uint8Array): string {
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** SHA-256 of bytes or of a string's UTF-8 encoding, as lower-case hex. */
export async function sha256Hex(data: ArrayBuffer | Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return toHex(await subtle().digest('SHA-256', bytes));
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
