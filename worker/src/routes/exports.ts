import { Hono, type Context } from 'hono';
import { createExportSchema, MAX_PACK_EXHIBITS, WardguardError, type CreateExport } from '@wardguard/shared';
import type { AppEnv, Principal } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { getCase } from '../db/cases.ts';
import { appendCustody } from '../db/custody.ts';
import { itemIdsWhere, itemsByIds, type PackItem } from '../db/evidence.ts';
import { getExport, insertExportStatement, listExports, recordDownloadStatement, toExportView, type ExportRecord } from '../db/exports.ts';
import { getPerpetrator } from '../db/perpetrators.ts';
import { readJson } from '../http/read-json.ts';
import { buildPack } from '../export/build-pack.ts';
import { packScope, platformScopeTitle } from '../export/platform-scope.ts';
import { renderReport } from '../export/report/index.ts';
import { checkpointKeys, councilSigner } from '../export/council-key.ts';
import { councilKeyPath } from './well-known.ts';

/** The items a scope covers, before the variant narrows them. */
async function scopeItems(db: D1Database, p: Principal, scope: CreateExport['scope']): Promise<{ id: string | null; title: string; items: PackItem[] }> {
  if (scope.kind === 'case') {
    const found = await getCase(db, p.councilId, scope.id);
    if (!found) throw new WardguardError('NOT_FOUND', 'No such case.');
    return { id: found.id, title: found.title, items: await itemsByIds(db, p.councilId, await itemIdsWhere(db, p.councilId, { caseId: found.id })) };
  }
  if (scope.kind === 'perpetrator') {
    const found = await getPerpetrator(db, p.councilId, scope.id);
    if (!found) throw new WardguardError('NOT_FOUND', 'No such perpetrator.');
    return {
      id: found.id,
      title: `Incidents attributed to ${found.displayName}`,
      items: await itemsByIds(db, p.councilId, await itemIdsWhere(db, p.councilId, { perpetratorId: found.id })),
    };
  }
  const ids = [...new Set(scope.itemIds)];
  const items = await itemsByIds(db, p.councilId, ids);
  const missing = ids.filter((id) => !items.some((i) => i.id === id));
  if (missing.length) throw new WardguardError('NOT_FOUND', `No such evidence item(s): ${missing.slice(0, 5).join(', ')}.`, { missing });
  items.sort((a, b) => a.capturedAt.localeCompare(b.capturedAt) || a.exhibitRef.localeCompare(b.exhibitRef));
  return { id: null, title: `Selected exhibits (${items.length})`, items };
}

/** A platform pack holds only that platform's captures: no email, diary or other platforms. */
const inVariant = (input: CreateExport) => (item: PackItem) =>
  input.variant === 'police' || (item.kind === 'web_capture' && (item.metadata.post as { platform?: unknown } | undefined)?.platform === input.platform);

async function visibleExport(c: Context<AppEnv>): Promise<ExportRecord> {
  const found = await getExport(c.env.DB, c.get('principal').councilId, c.req.param('id') ?? '');
  if (!found) throw new WardguardError('NOT_FOUND', 'No such export.');
  return found;
}

/** The council's own pages, so the pack's instructions work for a reader with only the ZIP. */
const verifyLinks = (requestUrl: string, councilId: string) => ({
  keyUrl: new URL(councilKeyPath(councilId), requestUrl).href,
  verifyUrl: new URL(`/#/verify/${encodeURIComponent(councilId)}`, requestUrl).href,
});

const fileName = (r: ExportRecord, at: string) =>
  `wardguard-${r.variant}${r.platform ? `-${r.platform}` : ''}-${
    packScope(r)
      .title.toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'pack'
  }-${at.slice(0, 10)}.zip`;

// Packs hold quarantined mail and diaries: officers and admins only, as with the queue.
export const exportRoutes = new Hono<AppEnv>()
  .use(requireRole('officer', 'admin'))
  .post('/', async (c) => {
    const p = c.get('principal');
    const input = await readJson(c, createExportSchema);
    const scope = await scopeItems(c.env.DB, p, input.scope);
    const items = scope.items.filter(inVariant(input));
    if (items.length === 0) {
      throw new WardguardError(
        'EMPTY_PACK',
        input.variant === 'platform' ? `Nothing in this scope was captured on ${input.platform}.` : 'Nothing in this scope to export.',
      );
    }
    if (items.length > MAX_PACK_EXHIBITS)
      throw new WardguardError('PACK_TOO_LARGE', `A pack holds at most ${MAX_PACK_EXHIBITS} exhibits; this scope has ${items.length}. Export a selection.`);
    const { stmt, record } = insertExportStatement(c.env.DB, {
      councilId: p.councilId,
      variant: input.variant,
      platform: input.platform ?? null,
      // The council keeps which case or person it was for; a platform pack's title names neither.
      scope: {
        kind: input.scope.kind,
        id: scope.id,
        title: input.variant === 'police' ? scope.title : platformScopeTitle(input.platform ?? null, items.length),
      },
      recipient: input.recipient,
      itemIds: items.map((i) => i.id),
      createdBy: p.userId,
    });
    await stmt.run();
    return c.json(toExportView(record), 201);
  })
  .get('/', async (c) => {
    const limit = Math.min(Math.max(Number(c.req.query('limit')) || 50, 1), 200);
    return c.json({ exports: await listExports(c.env.DB, c.get('principal').councilId, { scopeId: c.req.query('scopeId'), limit }) });
  })
  .get('/:id', async (c) => c.json(toExportView(await visibleExport(c))))
  .get('/:id/pack.zip', async (c) => {
    const p = c.get('principal');
    const record = await visibleExport(c);
    // Fail closed before anything is recorded or sent: no key, no pack.
    const config = c.get('config');
    const signer = await councilSigner(config, p.councilId);
    const links = verifyLinks(c.req.url, p.councilId);
    const pack = await buildPack(
      { db: c.env.DB, bucket: c.env.EVIDENCE, signer, checkpointKeys: await checkpointKeys(config, signer), renderReport, links },
      p,
      record,
    );
    const settle = pack.finished.then(async (outcome) => {
      const details = { exportId: record.id, packId: pack.packId, manifestSha256: outcome.manifestSha256 };
      if (outcome.ok) {
        await appendCustody(
          c.env.DB,
          [
            {
              councilId: p.councilId,
              actorId: p.userId,
              action: 'export_completed',
              caseId: record.scope.kind === 'case' ? record.scope.id : null,
              details: { ...details, bytes: outcome.bytes },
            },
          ],
          [recordDownloadStatement(c.env.DB, record.id, outcome.manifestSha256)],
        );
      } else {
        const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
        await appendCustody(c.env.DB, [
          {
            councilId: p.councilId,
            actorId: p.userId,
            action: 'export_failed',
            caseId: record.scope.kind === 'case' ? record.scope.id : null,
            details: { ...details, reason },
          },
        ]);
      }
    });
    waitUntil(c, settle);
    // No content-length or manifest hash header: the manifest signs the report, which is drawn
    // while the exhibits stream. The manifest's hash is on the export_completed event.
    return new Response(pack.body, {
      headers: {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${fileName(record, new Date().toISOString())}"`,
        'cache-control': 'no-store',
        'x-wardguard-pack-id': pack.packId,
      },
    });
  });

/** Bookkeeping after the last byte must outlive the response; tests calling app.request have no context. */
function waitUntil(c: Context<AppEnv>, work: Promise<unknown>): void {
  const guarded = work.catch((err) => console.error('export bookkeeping failed', err));
  try {
    c.executionCtx.waitUntil(guarded);
  } catch {
    /* no execution context: the promise still runs */
  }
}
