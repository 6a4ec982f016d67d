import { sha256Hex } from '@wardguard/shared';
import { describe, expect, it } from 'vitest';
import { createStreamHash, hashStream } from './hash-stream.ts';

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * seed) & 0xff);

describe('hashing while streaming', () => {
  it('gives the same SHA-256 and length as hashing the whole, however the bytes are cut', async () => {
    const parts = [bytes(1, 3), bytes(70_000, 7), new Uint8Array(0), bytes(5, 11)];
    const whole = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (whole.set(p, at), at + p.length), 0);
    const expected = { sha256: await sha256Hex(whole), size: whole.length };

    const hash = createStreamHash();
    for (const p of parts) await hash.write(p);
    expect(await hash.finish()).toEqual(expected);
    expect(await hashStream(new Blob(parts).stream())).toEqual(expected);
  });

  it('hashes an empty stream as the empty string', async () => {
    expect(await hashStream(new Blob([]).stream())).toEqual({ sha256: await sha256Hex(''), size: 0 });
  });
});
