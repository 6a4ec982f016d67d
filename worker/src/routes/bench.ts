import { Hono } from 'hono';
import { WardguardError } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { itemsByIds } from '../db/evidence.ts';
import { getExport } from '../db/exports.ts';
import { readLimited } from '../evidence/read-limited.ts';

/**
 * The export benchmark's baseline: every stored file of an export read from R2 in full and
 * discarded, with no ZIP, hashing, report or custody.
 */
async function readAll(bucket: R2Bucket, keys: string[]): Promise<number> {
  let bytes = 0;
  for (const key of keys) {
    const obj = await bucket.get(key);
    if (obj) for await (const chunk of obj.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
  }
  return bytes;
}

const SEND_BYTES = 256 * 1024;

/**
 * The same files sent back to back as one response body, read 256 KB at a time as the pack
 * reads them: what the network adds, still with no ZIP or hashing.
 */
function sendAll(bucket: R2Bucket, keys: string[]): ReadableStream<Uint8Array> {
  let at = 0;
  let current: ReadableStreamBYOBReader | null = null;
  return new ReadableStream<Uint8Array>({
    async pull(ctl) {
      for (;;) {
        if (!current) {
          if (at >= keys.length) return ctl.close();
          const obj = await bucket.get(keys[at++]!);
          if (!obj) continue;
          current = obj.body.getReader({ mode: 'byob' });
        }
        const { done, value } = await current.readAtLeast(SEND_BYTES, new Uint8Array(SEND_BYTES));
        if (done) current = null;
        if (value && value.byteLength > 0) return ctl.enqueue(value);
      }
    },
  });
}

const BENCH_PREFIX = 'bench/';

/**
 * The upload benchmark's baseline: the same bytes PUT straight into R2 with no
 * parsing, hashing or D1. Mounted only when ENABLE_BENCH_ROUTES is "1" (local dev).
 */
export const benchRoutes = new Hono<AppEnv>()
  .use(requireRole('admin'))
  .use(async (c, next) => {
    if (!c.get('config').benchRoutes) throw new WardguardError('NOT_FOUND', 'Not found.');
    await next();
  })
  // Only the PUT is timed: deleting in the same request would make the baseline slower and
  // flatter the upload's ratio. The benchmark clears bench/ afterwards with DELETE /raw.
  .put('/raw/:key{[A-Za-z0-9_-]{1,64}}', async (c) => {
    const key = `${BENCH_PREFIX}${c.req.param('key')}`;
    const object = await c.env.EVIDENCE.put(key, await readLimited(c.req.raw, c.get('config').maxBundleBytes));
    return c.json({ ok: true, bytes: object?.size ?? 0 });
  })
  .delete('/raw', async (c) => {
    let deleted = 0;
    for (;;) {
      const page = await c.env.EVIDENCE.list({ prefix: BENCH_PREFIX, limit: 1000 });
      if (page.objects.length === 0) break;
      await c.env.EVIDENCE.delete(page.objects.map((o) => o.key));
      deleted += page.objects.length;
    }
    return c.json({ deleted });
  })
  .get('/export-baseline/:id', async (c) => {
    const record = await getExport(c.env.DB, c.get('principal').councilId, c.req.param('id'));
    if (!record) throw new WardguardError('NOT_FOUND', 'No such export.');
    const items = await itemsByIds(c.env.DB, c.get('principal').councilId, record.itemIds);
    const keys = items.flatMap((i) => i.stored.map((a) => a.r2Key));
    if (c.req.query('send') === '1') return new Response(sendAll(c.env.EVIDENCE, keys), { headers: { 'content-type': 'application/octet-stream' } });
    return c.json({ bytes: await readAll(c.env.EVIDENCE, keys) });
  });
