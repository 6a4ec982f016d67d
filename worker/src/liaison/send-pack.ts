import type { Context } from 'hono';
import type { AppEnv, Principal } from '../env.ts';
import { appendCustody } from '../db/custody.ts';
import { recordDownloadStatement, type ExportRecord } from '../db/exports.ts';
import { buildPack } from '../export/build-pack.ts';
import { packScope } from '../export/platform-scope.ts';
import { renderReport } from '../export/report/index.ts';
import { checkpointKeys, councilSigner } from '../export/council-key.ts';
import { waitUntil } from '../evidence/send-artifact.ts';
import { councilKeyPath } from '../routes/well-known.ts';

/**
 * Streams a signed pack to a liaison, as GET /exports/:id/pack.zip does for officers: the pack
 * records its own `exported` events, then `export_completed` (or `export_failed`) once the
 * last byte is out, each with the liaison as the actor. The caller has checked the pack is
 * theirs to take (scope.ts `isReferredPack`). The manifest's hash is known only once the
 * report has been drawn as the exhibits stream, so it is on the export_completed event, not a header.
 */
/**
 * How a download ended, read so that it holds whether the manifest's hash and the pack's size
 * are known before the first byte (on the pack) or only once the last has gone (on the outcome):
 * the pack builder is moving from the one to the other (worker/src/export, streaming reports).
 */
interface PackEnd {
  ok: boolean;
  error?: unknown;
  manifestSha256?: string | null;
  bytes?: number;
}

export async function sendPack(c: Context<AppEnv>, p: Principal, record: ExportRecord): Promise<Response> {
  const config = c.get('config');
  // Fail closed before anything is recorded or sent: no key, no pack.
  const signer = await councilSigner(config, p.councilId);
  const links = {
    keyUrl: new URL(councilKeyPath(p.councilId), c.req.url).href,
    verifyUrl: new URL(`/#/verify/${encodeURIComponent(p.councilId)}`, c.req.url).href,
  };
  const pack = await buildPack(
    { db: c.env.DB, bucket: c.env.EVIDENCE, signer, checkpointKeys: await checkpointKeys(config, signer), renderReport, links },
    p,
    record,
  );
  const caseId = record.scope.id;
  const settle = pack.finished.then(async (ended: PackEnd) => {
    const manifestSha256 = ended.manifestSha256 ?? (pack as Partial<PackEnd>).manifestSha256 ?? null;
    const details = { exportId: record.id, packId: pack.packId, manifestSha256 };
    if (ended.ok && manifestSha256) {
      const bytes = ended.bytes ?? (pack as { length?: number }).length;
      await appendCustody(
        c.env.DB,
        [{ councilId: p.councilId, actorId: p.userId, action: 'export_completed', caseId, details: { ...details, bytes } }],
        [recordDownloadStatement(c.env.DB, record.id, manifestSha256)],
      );
    } else {
      const reason = ended.ok ? 'no manifest was signed' : ended.error instanceof Error ? ended.error.message : String(ended.error);
      await appendCustody(c.env.DB, [{ councilId: p.councilId, actorId: p.userId, action: 'export_failed', caseId, details: { ...details, reason } }]);
    }
  });
  waitUntil(c, settle, 'pack bookkeeping');
  const slug =
    packScope(record)
      .title.toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'pack';
  return new Response(pack.body, {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="wardguard-police-${slug}-${new Date().toISOString().slice(0, 10)}.zip"`,
      'cache-control': 'no-store',
      'x-wardguard-pack-id': pack.packId,
    },
  });
}
