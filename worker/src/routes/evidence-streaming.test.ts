import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { BundleManifest, Receipt } from '@wardguard/shared';
import { createApp } from '../app.ts';
import { PART_BYTES } from '../evidence/artifact-writer.ts';
import { hashStream } from '../storage/hash-stream.ts';
import { api, errorCode, manifestFor, pngBytes, seedCouncil, signManifest, signWithDeviceKey, storedCounts, type FileSpec } from '../../test/helpers.ts';
import { recordingBucket } from '../../test/recording-bucket.ts';

// Production limits (64 MiB bundles, 50 MiB files) rather than the 3 MiB the other tests use,
// so files go up as R2 multipart uploads and the refusals below happen with objects written.
const PRODUCTION = { MAX_BUNDLE_BYTES: undefined, MAX_ARTIFACT_BYTES: undefined };

/** Larger than one part: streamed as a multipart upload. */
const big = (seed = 1): FileSpec => ({ name: 'full-page.png', mediaType: 'image/png', bytes: pngBytes(PART_BYTES + 100_000, seed) });
const small = (name = 'viewport.png', seed = 2): FileSpec => ({ name, mediaType: 'image/png', bytes: pngBytes(20_000, seed) });

interface Part {
  field: string;
  value: string | FileSpec;
}

/** The body's parts as given, in that order (no reordering, no checks: the server must do them). */
async function partsFor(token: string, manifest: BundleManifest | string, files: FileSpec[], signature?: unknown): Promise<Part[]> {
  const text = typeof manifest === 'string' ? manifest : JSON.stringify(manifest);
  const sig = signature === undefined ? await signWithDeviceKey(token, text) : signature;
  return [{ field: 'manifest', value: text }, { field: 'signature', value: JSON.stringify(sig) }, ...files.map((f) => ({ field: 'file', value: f }))];
}

async function encode(parts: Part[]) {
  const form = new FormData();
  for (const p of parts) form.append(p.field, typeof p.value === 'string' ? p.value : new File([p.value.bytes], p.value.name, { type: p.value.mediaType }));
  const res = new Response(form);
  return { bytes: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type')! };
}

/**
 * Sends the parts as a stream with no Content-Length, in 64 KB pieces, through a Worker on
 * production limits whose bucket notes every multipart upload. `breakAt`: the client goes
 * away after that many bytes.
 */
async function send(token: string, parts: Part[], opts: { vars?: Record<string, string | undefined>; breakAt?: number } = {}) {
  const { bytes, contentType } = await encode(parts);
  const r = recordingBucket(env.EVIDENCE);
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (opts.breakAt !== undefined && at >= opts.breakAt) return controller.error(new Error('client went away'));
      if (at >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(at, at + 65_536));
      at += 65_536;
    },
  });
  const res = await createApp().request(
    'http://wardguard.test/api/v1/evidence',
    { method: 'POST', body, headers: { authorization: `Bearer ${token}`, 'content-type': contentType } },
    { ...env, ...PRODUCTION, ...opts.vars, EVIDENCE: r.bucket },
  );
  return { res, uploads: r.uploads, openUploads: r.openUploads };
}

/** Refused with this code, and nothing left: no rows, no objects, no open multipart upload. */
async function expectNothingKept(sent: Awaited<ReturnType<typeof send>>, code: string, before: Awaited<ReturnType<typeof storedCounts>>) {
  expect(await errorCode(sent.res)).toBe(code);
  expect(await storedCounts()).toEqual(before);
  expect(await sent.openUploads()).toEqual([]);
}

// Tens of MB per test: generous timeouts for a busy machine (no timing is asserted).
describe('a bundle streamed into R2', { timeout: 120_000 }, () => {
  it('files a 40 MB bundle at production limits, each file the bytes that were sent', async () => {
    const s = await seedCouncil();
    const f: FileSpec[] = [
      { name: 'recording.png', mediaType: 'image/png', bytes: pngBytes(30 * 1024 * 1024, 9) },
      { name: 'full-page.png', mediaType: 'image/png', bytes: pngBytes(10 * 1024 * 1024, 10) },
    ];
    const manifest = await manifestFor(f);
    const sent = await send(s.alice.token, await partsFor(s.alice.token, manifest, f));
    expect(sent.res.status).toBe(201);
    const receipt = (await sent.res.json()) as Receipt;
    for (const a of receipt.artifacts) {
      const row = await env.DB.prepare('SELECT r2_key FROM artifacts WHERE id = ?').bind(a.id).first<{ r2_key: string }>();
      const obj = await env.EVIDENCE.get(row!.r2_key);
      expect(await hashStream(obj!.body)).toEqual({ sha256: a.sha256, size: a.size });
      // R2 keeps no whole-object checksum for a multipart upload: the download check must still pass.
      const download = await api(s.alice.token, `/evidence/${receipt.itemId}/artifacts/${a.id}`);
      expect(download.status).toBe(200);
      expect(await hashStream(download.body!)).toEqual({ sha256: a.sha256, size: a.size });
    }
    expect(sent.uploads.length).toBe(2);
  });

  it('answers a repeated bundle from its first filing, checking the files but writing nothing', async () => {
    const s = await seedCouncil();
    const f = [big(), small()];
    const manifest = await manifestFor(f);
    expect((await send(s.alice.token, await partsFor(s.alice.token, manifest, f))).res.status).toBe(201);
    const before = await storedCounts();
    const again = await send(s.alice.token, await partsFor(s.alice.token, manifest, f));
    expect(again.res.status).toBe(200);
    expect(again.uploads).toEqual([]);
    expect(await storedCounts()).toEqual(before);
  });
});

describe('a refused bundle leaves nothing behind', { timeout: 60_000 }, () => {
  it('when a later file has another hash: the files already stored are deleted', async () => {
    const s = await seedCouncil();
    const f = [big(), small()];
    const manifest = await manifestFor(f);
    manifest.artifacts[1]!.sha256 = 'c'.repeat(64);
    const before = await storedCounts();
    const sent = await send(s.alice.token, await partsFor(s.alice.token, manifest, f));
    expect(sent.uploads.length).toBe(1);
    await expectNothingKept(sent, 'HASH_MISMATCH', before);
  });

  it('when the large file itself has another hash: its multipart upload is aborted', async () => {
    const s = await seedCouncil();
    const f = [small(), big()];
    const manifest = await manifestFor(f);
    manifest.artifacts[1]!.sha256 = 'd'.repeat(64);
    const before = await storedCounts();
    const sent = await send(s.alice.token, await partsFor(s.alice.token, manifest, f));
    expect(sent.uploads.length).toBe(1);
    await expectNothingKept(sent, 'HASH_MISMATCH', before);
  });

  it('when a file is longer than the manifest says: cut off there', async () => {
    const s = await seedCouncil();
    const f = [big(), small()];
    const manifest = await manifestFor(f);
    manifest.artifacts[1]!.size -= 1;
    const before = await storedCounts();
    await expectNothingKept(await send(s.alice.token, await partsFor(s.alice.token, manifest, f)), 'SIZE_MISMATCH', before);
  });

  it('when the body passes the bundle limit part-way, with no Content-Length to refuse it early', async () => {
    const s = await seedCouncil();
    const f = [big(), { ...small(), bytes: pngBytes(600_000, 3) }];
    const before = await storedCounts();
    const sent = await send(s.alice.token, await partsFor(s.alice.token, await manifestFor(f), f), {
      vars: { MAX_BUNDLE_BYTES: String(PART_BYTES + 300_000) },
    });
    expect(sent.uploads.length).toBe(1);
    await expectNothingKept(sent, 'BUNDLE_TOO_LARGE', before);
  });

  it('when the signature does not verify, or comes after the files: before any file is read', async () => {
    const s = await seedCouncil();
    const f = [big()];
    const manifest = await manifestFor(f);
    const before = await storedCounts();
    const forged = await send(s.alice.token, await partsFor(s.alice.token, manifest, f, await signManifest('{"other":"bytes"}')));
    await expectNothingKept(forged, 'SIGNATURE_MISMATCH', before);
    expect(forged.uploads).toEqual([]);
    // A web capture's files are not read until its signature has verified.
    const [m, sig, file] = await partsFor(s.alice.token, manifest, f);
    await expectNothingKept(await send(s.alice.token, [m!, file!, sig!]), 'SIGNATURE_REQUIRED', before);
    const [um, usig, ufile] = await partsFor(s.alice.token, await manifestFor(f, { kind: 'upload' }), f);
    await expectNothingKept(await send(s.alice.token, [um!, ufile!, usig!]), 'INVALID_SIGNATURE', before);
  });

  it('when D1 says the councillor may not file there, asked while the files stream', async () => {
    const s = await seedCouncil();
    const f = [small(), big()];
    const before = await storedCounts();
    const sent = await send(s.officer.token, await partsFor(s.officer.token, await manifestFor(f, { councillorId: s.officer.id }), f));
    await expectNothingKept(sent, 'NOT_FOUND', before);
  });

  it('when a file comes before the manifest', async () => {
    const s = await seedCouncil();
    const f = [small()];
    const [m, sig, file] = await partsFor(s.alice.token, await manifestFor(f), f);
    const before = await storedCounts();
    await expectNothingKept(await send(s.alice.token, [file!, m!, sig!]), 'INVALID_MANIFEST', before);
  });

  it('when a listed file is missing, or an unlisted one is sent', async () => {
    const s = await seedCouncil();
    const f = [big(), small()];
    const before = await storedCounts();
    const missing = await send(s.alice.token, await partsFor(s.alice.token, await manifestFor([...f, small('third.png', 4)]), f));
    await expectNothingKept(missing, 'MISSING_FILE', before);
    const extra = await send(s.alice.token, await partsFor(s.alice.token, await manifestFor(f), [...f, small('extra.png', 5)]));
    await expectNothingKept(extra, 'UNEXPECTED_FILE', before);
    expect([missing.uploads.length, extra.uploads.length]).toEqual([1, 1]);
  });

  it('when the client goes away in the middle of a file', async () => {
    const s = await seedCouncil();
    const f = [small(), big()];
    const before = await storedCounts();
    // Past the first part of the large file: one part is already in R2.
    const sent = await send(s.alice.token, await partsFor(s.alice.token, await manifestFor(f), f), { breakAt: PART_BYTES + 40_000 });
    expect(sent.uploads.length).toBe(1);
    await expectNothingKept(sent, 'MALFORMED_MULTIPART', before);
  });

  it('when D1 refuses the records after every file is in R2', async () => {
    const s = await seedCouncil();
    const f = [big(), small()];
    const before = await storedCounts();
    await env.DB.prepare("CREATE TRIGGER test_streamed_fail BEFORE INSERT ON artifacts BEGIN SELECT RAISE(ABORT, 'simulated D1 failure'); END").run();
    try {
      const sent = await send(s.alice.token, await partsFor(s.alice.token, await manifestFor(f), f));
      expect(sent.res.status).toBe(503);
      await expectNothingKept(sent, 'STORAGE_FAILED', before);
    } finally {
      await env.DB.prepare('DROP TRIGGER test_streamed_fail').run();
    }
  });
});
