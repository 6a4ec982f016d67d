import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@wardguard/shared';
import { verifiedBody, type ReadContent } from './verified-body.ts';

const streamOf = (chunks: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });

async function drain(stream: ReadableStream<Uint8Array>): Promise<{ bytes: number; error: unknown }> {
  const reader = stream.getReader();
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { bytes, error: null };
      bytes += value.byteLength;
    }
  } catch (error) {
    return { bytes, error };
  }
}

const chunks = () => [new Uint8Array(100).fill(1), new Uint8Array(100).fill(2), new Uint8Array(50).fill(3)];

describe('a download checked as it streams', () => {
  it('passes every byte through when they are the bytes recorded at upload', async () => {
    const c = chunks();
    const whole = new Uint8Array(250);
    whole.set(c[0]!, 0);
    whole.set(c[1]!, 100);
    whole.set(c[2]!, 200);
    const mismatches: ReadContent[] = [];
    const out = await drain(verifiedBody(streamOf(c), { sha256: await sha256Hex(whole), size: 250 }, (r) => mismatches.push(r)));
    expect(out).toEqual({ bytes: 250, error: null });
    expect(mismatches).toEqual([]);
  });

  it('breaks before the last bytes when storage hands back different bytes of the same size', async () => {
    const mismatches: ReadContent[] = [];
    const out = await drain(verifiedBody(streamOf(chunks()), { sha256: 'a'.repeat(64), size: 250 }, (r) => mismatches.push(r)));
    expect(out.error).toMatchObject({ code: 'STORAGE_FAILED' });
    expect(out.bytes).toBeLessThan(250);
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]!.size).toBe(250);
  });

  it('breaks when storage hands back a different number of bytes', async () => {
    const c = chunks();
    const mismatches: ReadContent[] = [];
    const first = await sha256Hex(c[0]!);
    const out = await drain(verifiedBody(streamOf([c[0]!]), { sha256: first, size: 250 }, (r) => mismatches.push(r)));
    expect(out.error).toMatchObject({ code: 'STORAGE_FAILED' });
    expect(out.bytes).toBe(0);
    expect(mismatches).toEqual([{ sha256: first, size: 100 }]);
  });
});
