import { makeZip } from 'client-zip';
import { describe, expect, it } from 'vitest';
import { zipEntries, type ZipEntry } from './zip-writer.ts';

async function collect(stream: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const p of stream as AsyncIterable<Uint8Array>) parts.push(p);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

describe('the pack ZIP writer', () => {
  it('writes byte for byte what client-zip, the writer packs were made with until now, writes for the same files', async () => {
    const modified = new Date('2026-11-22T18:04:37.000Z');
    const big = new Uint8Array(700_001).map((_, i) => (i * 7919) >>> 3);
    const files = () => [
      { name: 'README.txt', bytes: new TextEncoder().encode('Read me first.\n'), streamed: false },
      { name: 'exhibits/JS-1/full-page-annotated.png', bytes: big, streamed: true },
      { name: 'exhibits/JS-2/empty.txt', bytes: new Uint8Array(), streamed: true },
      { name: 'exhibits/JS-3/Café – “quoted” 名前.html', bytes: big.subarray(5, 70_000), streamed: false },
    ];
    const ours: ZipEntry[] = files().map((f) => ({ name: f.name, modified, input: f.streamed ? pieces(f.bytes, 65_536) : f.bytes }));
    const theirs = files().map((f) => ({ name: f.name, lastModified: modified, input: f.streamed ? pieces(f.bytes, 65_536) : f.bytes }));
    const expected = await collect(makeZip(theirs, { buffersAreUTF8: true }));
    const got = await collect(
      zipEntries(
        (async function* () {
          yield* ours;
        })(),
      ),
    );
    expect({ length: got.length, firstDifference: got.findIndex((b, i) => b !== expected[i]) }).toEqual({ length: expected.length, firstDifference: -1 });
  });
});
