import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, bytesToBase64url, toHex, utf8Decode, utf8Encode } from './index.ts';

const all = Uint8Array.from({ length: 256 }, (_, i) => i);

describe('encoding helpers', () => {
  it('write base64 as Node does, padded or URL-safe, and read either back, whatever the length', () => {
    for (const n of [0, 1, 2, 3, 4, 255, 256]) {
      const bytes = all.subarray(0, n);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      expect(bytesToBase64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
      expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
      expect(base64ToBytes(bytesToBase64url(bytes))).toEqual(bytes);
    }
  });

  it('encodes more bytes than fit in one call to String.fromCharCode', () => {
    const big = new Uint8Array(300_000).map((_, i) => i * 7);
    expect(bytesToBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });

  it('reads base64 split over lines (a PEM body) and says null for what is not base64', () => {
    expect(base64ToBytes('AAEC\r\nAwQ=\n')).toEqual(new Uint8Array([0, 1, 2, 3, 4]));
    for (const bad of ['A', 'AB$C', 'AB==C', 'ABCDE']) expect(base64ToBytes(bad)).toBeNull();
  });

  it('writes lower-case hex from bytes or a buffer', () => {
    expect(toHex(new Uint8Array([0, 15, 16, 255]))).toBe('000f10ff');
    expect(toHex(new Uint8Array([171, 205]).buffer)).toBe('abcd');
  });

  it('round-trips UTF-8, and refuses bytes that are not UTF-8 unless asked to be lenient', () => {
    expect(utf8Decode(utf8Encode('Cllr Ó Súilleabháin 🙂'))).toBe('Cllr Ó Súilleabháin 🙂');
    expect(() => utf8Decode(new Uint8Array([0xff, 0x41]))).toThrow();
    expect(utf8Decode(new Uint8Array([0xff, 0x41]), { fatal: false })).toBe('\uFFFDA');
  });
});
