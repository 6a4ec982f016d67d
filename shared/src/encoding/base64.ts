// `shared` compiles with no DOM, Node or Workers types; every runtime it serves has atob and
// btoa. Declared here, module-scoped, so they shadow nothing elsewhere.
declare function atob(text: string): string;
declare function btoa(binary: string): string;

// String.fromCharCode(...bytes) overflows the call stack on large arrays; this many at a time does not.
const CHUNK = 0x8000;

/** Standard base64 with padding (PKCS#8 secrets, published keys). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** base64url without padding, as JOSE and our tokens use it. */
export const bytesToBase64url = (bytes: Uint8Array): string => bytesToBase64(bytes).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

/**
 * Standard or URL-safe base64, padded or not, whitespace ignored, to bytes; null when it is not
 * base64 at all (callers that read input from people or packs report that, not throw).
 */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | null {
  const s = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return null;
  const bare = s.replace(/=+$/, '');
  if (bare.length % 4 === 1) return null;
  let binary: string;
  try {
    binary = atob(bare.padEnd(bare.length + ((4 - (bare.length % 4)) % 4), '='));
  } catch {
    return null;
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
