import { describe, expect, it } from 'vitest';
import { sealArtifact } from '../seal/artifact.ts';
import { buildManifest } from '../seal/manifest.ts';
import { generateSigningKey, signManifest } from '../seal/signature.ts';
import type { QueuedBundle } from '../queue/types.ts';
import { bundleForm, createApiClient } from './client.ts';

async function bundle(): Promise<QueuedBundle> {
  const artifacts = [
    await sealArtifact('viewport.png', 'image/png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7])),
    await sealArtifact('page.html', 'text/html', '<p>“quoted” abuse</p>'),
  ];
  const draft = {
    title: 'Post',
    url: 'https://e.org/p',
    capturedAt: '2026-11-23T21:00:00.000Z',
    caseId: null,
    note: 'line one\nline two',
    metadata: {},
    artifacts,
    warnings: [],
  };
  const { text } = buildManifest({ idempotencyKey: 'wg-ext:abcdefgh', ...draft });
  return {
    id: 'wg-ext:abcdefgh',
    state: 'pending',
    draft,
    manifestText: text,
    signature: await signManifest(await generateSigningKey(), text),
    attempts: 0,
    nextAttemptAt: 0,
    lastError: null,
    createdAt: '',
  };
}

const receipt = {
  itemId: 'i',
  exhibitRef: 'AB/1',
  serverTime: '2026-11-23T21:00:01Z',
  manifestSha256: 'm',
  duplicate: false,
  signatureKeySha256: 'k',
  artifacts: [],
};

describe('sending a bundle to the Worker', () => {
  it('sends the signed manifest bytes unchanged, the signature, and one file part per artifact named by the manifest', async () => {
    const b = await bundle();
    const parsed = await new Response(bundleForm(b)).formData();
    const manifest = parsed.get('manifest') as File;
    expect(await manifest.text()).toBe(b.manifestText);
    expect(JSON.parse(parsed.get('signature') as string)).toEqual(b.signature);
    const files = parsed.getAll('file') as File[];
    expect(files.map((f) => f.name)).toEqual(['viewport.png', 'page.html']);
    expect(new Uint8Array(await files[1]!.arrayBuffer())).toEqual(b.draft.artifacts[1]!.bytes);
  });

  it('reads a receipt on success and the error code on refusal, and reports an unreachable server as a network error', async () => {
    const b = await bundle();
    const answer = (status: number, body: unknown) => async () =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    const ok = await createApiClient({ serverUrl: 'https://w.example/', token: 't', fetch: answer(201, receipt) }).upload(b);
    expect(ok).toMatchObject({ ok: true, status: 201, receipt: { exhibitRef: 'AB/1' } });
    const refused = await createApiClient({
      serverUrl: 'https://w.example',
      token: 't',
      fetch: answer(422, { error: { code: 'HASH_MISMATCH', message: 'bad' } }),
    }).upload(b);
    expect(refused).toEqual({ ok: false, status: 422, code: 'HASH_MISMATCH', message: 'bad' });
    const busy = await createApiClient({
      serverUrl: 'https://w.example',
      token: 't',
      fetch: async () => new Response('{"error":{"code":"STORAGE_FAILED","message":"later"}}', { status: 503, headers: { 'retry-after': '120' } }),
    }).upload(b);
    expect(busy).toEqual({ ok: false, status: 503, code: 'STORAGE_FAILED', message: 'later', retryAfterMs: 120_000 });
    const down = await createApiClient({
      serverUrl: 'https://w.example',
      token: 't',
      fetch: async () => Promise.reject(new TypeError('Failed to fetch')),
    }).upload(b);
    expect(down).toMatchObject({ ok: false, code: 'NETWORK' });
    expect('status' in down && down.status).toBeFalsy();
  });

  it('sends the token only as a bearer header to the paired server', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const client = createApiClient({
      serverUrl: 'https://w.example',
      token: 'wg_secret',
      fetch: async (input, init) => {
        seen.push({ url: String(input), auth: new Headers(init.headers as Record<string, string>).get('authorization') });
        return new Response(
          JSON.stringify({
            cases: [
              { id: 'c1', title: 'Open', status: 'open' },
              { id: 'c2', title: 'Old', status: 'closed' },
            ],
          }),
        );
      },
    });
    expect(await client.cases()).toEqual([{ id: 'c1', title: 'Open' }]);
    expect(seen).toEqual([{ url: 'https://w.example/api/v1/cases', auth: 'Bearer wg_secret' }]);
  });
});
