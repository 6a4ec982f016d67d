// Web Crypto is in browsers, Workers and Node ≥ 19 as the global `crypto`, but `shared` compiles
// with no DOM, Node or Workers types. This module-scoped declaration covers only what shared
// uses and shadows nothing elsewhere; the rest of shared imports from here.
interface Subtle {
  digest(algorithm: string, data: ArrayBuffer | ArrayBufferView): Promise<ArrayBuffer>;
  importKey(format: 'jwk', key: object, alg: object, extractable: boolean, usages: string[]): Promise<unknown>;
  verify(alg: object, key: unknown, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
}
declare const crypto: { subtle: Subtle; getRandomValues<T extends Uint8Array>(array: T): T };

/** The runtime's SubtleCrypto, looked up when called (tests may install it late). */
export const subtle = (): Subtle => crypto.subtle;

/** `n` cryptographically random bytes. */
export const randomBytes = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));
