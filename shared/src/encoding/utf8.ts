// `shared` compiles with no DOM, Node or Workers types; every runtime it serves has these.
// Declared here, module-scoped, so they shadow nothing elsewhere.
declare const TextEncoder: new () => { encode(text: string): Uint8Array<ArrayBuffer> };
declare const TextDecoder: new (label: 'utf-8', options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };

const encoder = new TextEncoder();
const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8', { fatal: false });

/** A string's UTF-8 bytes. */
export const utf8Encode = (text: string): Uint8Array<ArrayBuffer> => encoder.encode(text);

/**
 * UTF-8 bytes to text. Strict by default: bytes that are not UTF-8 throw, so a tampered pack
 * file is reported rather than read with replacement characters.
 */
export const utf8Decode = (bytes: Uint8Array, options: { fatal: boolean } = { fatal: true }): string => (options.fatal ? strict : lenient).decode(bytes);
