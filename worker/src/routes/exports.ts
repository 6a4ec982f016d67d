import { Hono, type Context } from 'hono';
import { createExportSchema, MAX_PACK_EXHIBITS, WardguardError, type CreateExport } from '@wardguard/shared';
import type { AppEnv, Principal } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { getCase } from '../db/cases.ts';
import { itemIdsWhere, itemsByIds, type PackItem } from '../db/evidence.ts';
import { getExport, insertExportStatement, listExports, toExportView, type ExportRecord } from '../db/exports.ts';
import { getPerpetrator } from '../db/perpetrators.ts';
import { readJson } from '../http/read-json.ts';
import { platformScopeTitle } from '../export/platform-scope.ts';
import { sendPack } from '../export/send-pack.ts';

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
  .get('/:id/pack.zip', async (c) => sendPack(c, c.get('principal'), await visibleExport(c)));
