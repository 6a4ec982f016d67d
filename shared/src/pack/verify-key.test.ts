import { describe, expect, it } from 'vitest';
import { isWardguardError } from '../errors.ts';
import { base64ToBytes } from '../encoding/base64.ts';
import { keyFingerprint, parsePackKey } from './verify-key.ts';

// Made with `openssl genpkey -algorithm ed25519 | openssl pkey -pubout`: an independent tool's encoding.
const PEM = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAyOHH2f0ey+T2uRwuoReKdQrCGGF/ncSCuDp1HHOWhJ4=\n-----END PUBLIC KEY-----\n';
const RAW_B64 = 'yOHH2f0ey+T2uRwuoReKdQrCGGF/ncSCuDp1HHOWhJ4=';
const raw = base64ToBytes(RAW_B64)!;
const published = { algorithm: 'Ed25519', raw: RAW_B64, fingerprint: keyFingerprint(raw) };

const errorCode = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    return isWardguardError(err) ? err.code : 'not a WardguardError';
  }
  return undefined;
};

describe('parsePackKey', () => {
  it('reads the JSON the council publishes at /.well-known/wardguard-pack-key', () => {
    expect(parsePackKey(JSON.stringify(published))).toEqual({ kind: 'raw', raw });
  });

  it('refuses a published key whose fingerprint is not the hash of its key', () => {
    expect(errorCode(() => parsePackKey(JSON.stringify({ ...published, fingerprint: 'a'.repeat(64) })))).toBe('PACK_KEY_FINGERPRINT_MISMATCH');
  });

  it('reads the same key as base64, URL-safe base64 and PEM', () => {
    expect(parsePackKey(RAW_B64)).toEqual({ kind: 'raw', raw });
    expect(parsePackKey(RAW_B64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''))).toEqual({ kind: 'raw', raw });
    expect(parsePackKey(PEM)).toEqual({ kind: 'raw', raw });
  });

  it('reads a fingerprint typed in groups, with spaces or colons', () => {
    const fp = published.fingerprint;
    expect(parsePackKey(fp.toUpperCase().match(/.{4}/g)!.join(' '))).toEqual({ kind: 'fingerprint', fingerprint: fp });
    expect(parsePackKey(fp.match(/.{2}/g)!.join(':'))).toEqual({ kind: 'fingerprint', fingerprint: fp });
  });

  it('refuses anything else with a code', () => {
    expect(errorCode(() => parsePackKey('hello'))).toBe('PACK_KEY_INVALID');
    expect(errorCode(() => parsePackKey(RAW_B64.slice(0, 20)))).toBe('PACK_KEY_INVALID');
    expect(errorCode(() => parsePackKey('{"algorithm":"RSA"}'))).toBe('PACK_KEY_INVALID');
    expect(errorCode(() => parsePackKey(PEM.replace('MCowBQYDK2Vw', 'MCowBQYDK2Vx')))).toBe('PACK_KEY_INVALID');
  });
});
