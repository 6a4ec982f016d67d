import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { sha256Hex, type ExportView } from '@wardguard/shared';
import { createApp } from '../src/app.ts';
import { insertItemStatements } from '../src/db/evidence.ts';
import { api, seedCouncil } from './helpers.ts';
import { checkPack, openPack } from './export-helpers.ts';

const EXHIBITS = 1000;
const FILE_BYTES = 16 * 1024;

/** 1,000 exhibits written straight to D1 and R2: uploading them one by one would test the upload path, not the export. */
async function seedManyExhibits(councilId: string, councillorId: string, caseId: string) {
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < EXHIBITS; i++) {
    const itemId = crypto.randomUUID();
    const artifactId = crypto.randomUUID();
    const bytes = new TextEncoder().encode(`<html><body>${String(i).padStart(6, '0')}${'x'.repeat(FILE_BYTES - 40)}</body></html>`);
    const r2Key = `test/${itemId}/${artifactId}`;
    await env.EVIDENCE.put(r2Key, bytes);
    statements.push(
      ...insertItemStatements(
        env.DB,
        {
          id: itemId,
          councilId,
          councillorId,
          caseId,
          perpetratorId: null,
          kind: 'web_capture',
          title: `Post ${i}`,
          metadata: { url: `https://x.example/status/${i}`, post: { platform: 'x', postId: String(i) } },
          capturedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
          capturedBy: councillorId,
          receivedAt: new Date().toISOString(),
          idempotencyKey: `bulk-${itemId}`,
          manifestSha256: '0'.repeat(64),
        },
        [{ id: artifactId, name: 'page.html', mediaType: 'text/html', size: bytes.byteLength, sha256: await sha256Hex(bytes), r2Key }],
      ),
    );
  }
  for (let i = 0; i < statements.length; i += 300) await env.DB.batch(statements.slice(i, i + 300));
}

describe('a 1,000-exhibit pack', () => {
  it('streams: the first bytes leave before the Worker has read more than a few of the files, and the whole pack verifies', async () => {
    const s = await seedCouncil();
    const kase = (await (await api(s.officer.token, '/cases', { method: 'POST', json: { title: 'Pile-on', councillorId: s.alice.id } })).json()) as {
      id: string;
    };
    await seedManyExhibits(s.council.id, s.alice.id, kase.id);
    const view = (await (
      await api(s.officer.token, '/exports', { method: 'POST', json: { scope: { kind: 'case', id: kase.id }, variant: 'police', recipient: 'DC Jones' } })
    ).json()) as ExportView;
    expect(view.exhibits).toBe(EXHIBITS);

    let gets = 0;
    const bucket = new Proxy(env.EVIDENCE, {
      get(target, prop) {
        // Exhibit files only: the custody checkpoint (custody/checkpoints/…) is read as the pack is anchored.
        if (prop === 'get') return (...args: Parameters<R2Bucket['get']>) => ((gets += String(args[0]).startsWith('custody/') ? 0 : 1), target.get(...args));
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const res = await createApp().request(
      `/api/v1/exports/${view.id}/pack.zip`,
      { headers: { authorization: `Bearer ${s.officer.token}` } },
      { ...env, EVIDENCE: bucket },
    );
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const chunks: Uint8Array[] = [];
    const first = await reader.read();
    chunks.push(first.value!);
    const getsAtFirstByte = gets;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    // Pull-based: the pack had begun to flow while 99 % of its files were still unread in R2.
    expect(getsAtFirstByte).toBeLessThan(10);
    expect(gets).toBe(EXHIBITS);
    const total = chunks.reduce((n, c) => n + c.byteLength, 0);
    expect(total).toBeGreaterThan(EXHIBITS * FILE_BYTES);
    const zip = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) zip.set(c, (at += c.byteLength) - c.byteLength);
    const pack = openPack(zip);
    expect(pack.manifest.exhibits).toBe(EXHIBITS);
    const key = (await (await createApp().request('/.well-known/wardguard-pack-key', {}, env)).json()) as { raw: string };
    expect(await checkPack(pack, key.raw)).toEqual([]);
  }, 120_000);
});
