import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { sha256Hex, type ArtifactEntry } from '@wardguard/shared';
import { createArtifactWriter, PART_BYTES } from './artifact-writer.ts';
import { hashStream } from '../storage/hash-stream.ts';
import { pngBytes } from '../../test/helpers.ts';
import { recordingBucket } from '../../test/recording-bucket.ts';

async function entryFor(bytes: Uint8Array, extra: Partial<ArtifactEntry> = {}): Promise<ArtifactEntry> {
  return { name: 'shot.png', mediaType: 'image/png', size: bytes.byteLength, sha256: await sha256Hex(bytes), ...extra };
}

/** Feeds the bytes as a network would: in 64 KB pieces (and one odd one). */
async function feed(w: { write(c: Uint8Array): Promise<void> }, bytes: Uint8Array) {
  for (let at = 0; at < bytes.byteLength; at += 65_531) await w.write(bytes.subarray(at, at + 65_531));
}

const key = () => `test/${crypto.randomUUID()}`;

describe('streaming one file into R2', () => {
  it('puts a file that fits one part once, with its hash, and starts no multipart upload', async () => {
    const r = recordingBucket(env.EVIDENCE);
    const bytes = pngBytes(300_000, 3);
    const k = key();
    const w = createArtifactWriter(r.bucket, { key: k, entry: await entryFor(bytes), customMetadata: { name: 'shot.png' } });
    await feed(w, bytes);
    await w.finish();
    const obj = await env.EVIDENCE.get(k);
    expect(await hashStream(obj!.body)).toEqual({ sha256: await sha256Hex(bytes), size: bytes.byteLength });
    expect(r.uploads).toEqual([]);
  });

  it('starts putting a file that fits one part while its bytes still arrive, not after the last one', async () => {
    const r = recordingBucket(env.EVIDENCE);
    const bytes = pngBytes(2_000_000, 12);
    const k = key();
    const w = createArtifactWriter(r.bucket, { key: k, entry: await entryFor(bytes), customMetadata: {} });
    await feed(w, bytes.subarray(0, 1_000_000));
    expect(r.puts).toEqual([k]);
    expect(await env.EVIDENCE.head(k)).toBeNull();
    await feed(w, bytes.subarray(1_000_000));
    await w.finish();
    const obj = await env.EVIDENCE.get(k);
    expect(await hashStream(obj!.body)).toEqual({ sha256: await sha256Hex(bytes), size: bytes.byteLength });
  });

  it('keeps no object of a one-part file whose hash differs, or that broke off halfway', async () => {
    const bytes = pngBytes(1_000_000, 13);
    const bad = key();
    const w = createArtifactWriter(env.EVIDENCE, { key: bad, entry: await entryFor(bytes, { sha256: 'c'.repeat(64) }), customMetadata: {} });
    await feed(w, bytes);
    await expect(w.finish()).rejects.toMatchObject({ code: 'HASH_MISMATCH' });
    await w.discard();
    const cut = key();
    const half = createArtifactWriter(env.EVIDENCE, { key: cut, entry: await entryFor(bytes), customMetadata: {} });
    await feed(half, bytes.subarray(0, 500_000));
    await half.discard();
    expect([await env.EVIDENCE.head(bad), await env.EVIDENCE.head(cut)]).toEqual([null, null]);
  });

  it('sends a file larger than a part as a multipart upload, joined into the same bytes', async () => {
    const r = recordingBucket(env.EVIDENCE);
    const bytes = pngBytes(2 * PART_BYTES + 12_345, 4);
    const k = key();
    const w = createArtifactWriter(r.bucket, { key: k, entry: await entryFor(bytes), customMetadata: {} });
    await feed(w, bytes);
    await w.finish();
    const obj = await env.EVIDENCE.get(k);
    expect(await hashStream(obj!.body)).toEqual({ sha256: await sha256Hex(bytes), size: bytes.byteLength });
    expect(r.uploads.length).toBe(1);
    expect(await r.openUploads()).toEqual([]);
  });

  it('refuses a large file whose hash differs, aborting its upload and keeping no object', async () => {
    const r = recordingBucket(env.EVIDENCE);
    const bytes = pngBytes(PART_BYTES + 1000, 5);
    const k = key();
    const w = createArtifactWriter(r.bucket, { key: k, entry: await entryFor(bytes, { sha256: 'a'.repeat(64) }), customMetadata: {} });
    await feed(w, bytes);
    await expect(w.finish()).rejects.toMatchObject({ code: 'HASH_MISMATCH' });
    await w.discard();
    expect(r.uploads.length).toBe(1);
    expect(await r.openUploads()).toEqual([]);
    expect(await env.EVIDENCE.head(k)).toBeNull();
  });

  it('refuses at the first byte past the declared size, and a file that ends short', async () => {
    const bytes = pngBytes(1000, 6);
    const over = createArtifactWriter(env.EVIDENCE, { key: key(), entry: await entryFor(bytes, { size: 999 }), customMetadata: {} });
    await over.write(bytes.subarray(0, 999));
    await expect(over.write(bytes.subarray(999))).rejects.toMatchObject({ code: 'SIZE_MISMATCH' });
    await over.discard();
    const short = createArtifactWriter(env.EVIDENCE, { key: key(), entry: await entryFor(bytes, { size: 1001 }), customMetadata: {} });
    await feed(short, bytes);
    await expect(short.finish()).rejects.toMatchObject({ code: 'SIZE_MISMATCH' });
    await short.discard();
  });

  it('refuses content that is not the declared type, after checking its hash', async () => {
    const bytes = new TextEncoder().encode('not a png at all, just text');
    const w = createArtifactWriter(env.EVIDENCE, { key: key(), entry: await entryFor(bytes), customMetadata: {} });
    await feed(w, bytes);
    await expect(w.finish()).rejects.toMatchObject({ code: 'MEDIA_TYPE_MISMATCH' });
    await w.discard();
  });

  it('deletes a stored file when its bundle is discarded later', async () => {
    const r = recordingBucket(env.EVIDENCE);
    const bytes = pngBytes(PART_BYTES + 1, 7);
    const k = key();
    const w = createArtifactWriter(r.bucket, { key: k, entry: await entryFor(bytes), customMetadata: {} });
    await feed(w, bytes);
    await w.finish();
    expect(await env.EVIDENCE.head(k)).not.toBeNull();
    await w.discard();
    expect(await env.EVIDENCE.head(k)).toBeNull();
  });

  it('takes the first bytes while its destination is being decided, then writes there, or nowhere', async () => {
    for (const where of [env.EVIDENCE, null]) {
      const bytes = pngBytes(2 * PART_BYTES + 5, 11);
      const k = key();
      let decide!: (b: R2Bucket | null) => void;
      const w = createArtifactWriter(new Promise<R2Bucket | null>((res) => (decide = res)), { key: k, entry: await entryFor(bytes), customMetadata: {} });
      await w.write(bytes.subarray(0, PART_BYTES - 1));
      decide(where);
      await feed(w, bytes.subarray(PART_BYTES - 1));
      await w.finish();
      expect((await env.EVIDENCE.head(k))?.size ?? null).toBe(where ? bytes.byteLength : null);
    }
  });

  it('only checks the bytes when there is nowhere to keep them', async () => {
    const bytes = pngBytes(PART_BYTES + 10, 8);
    const w = createArtifactWriter(null, { key: '', entry: await entryFor(bytes), customMetadata: {} });
    await feed(w, bytes);
    await w.finish();
    const bad = createArtifactWriter(null, { key: '', entry: await entryFor(bytes, { sha256: 'b'.repeat(64) }), customMetadata: {} });
    await feed(bad, bytes);
    await expect(bad.finish()).rejects.toMatchObject({ code: 'HASH_MISMATCH' });
  });
});
