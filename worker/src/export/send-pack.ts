import type { Context } from 'hono';
import type { AppEnv, Principal } from '../env.ts';
import { appendCustody } from '../db/custody.ts';
import { recordDownloadStatement, type ExportRecord } from '../db/exports.ts';
import { waitUntil } from '../evidence/send-artifact.ts';
import { councilKeyPath } from '../routes/well-known.ts';
import { checkpointRef } from '../custody/checkpoint-ref.ts';
import { buildPack } from './build-pack.ts';
import { checkpointKeys, councilSigner } from './council-key.ts';
import { packScope } from './platform-scope.ts';
import { renderReport } from './report/index.ts';

/** Where a reader who has only the pack checks it: the council's verify page and published key. */
const verifyLinks = (requestUrl: string, councilId: string) => ({
  keyUrl: new URL(councilKeyPath(councilId), requestUrl).href,
  verifyUrl: new URL(`/#/verify/${encodeURIComponent(councilId)}`, requestUrl).href,
});

export const packFileName = (r: ExportRecord, at: string) =>
  `wardguard-${r.variant}${r.platform ? `-${r.platform}` : ''}-${
    packScope(r)
      .title.toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'pack'
  }-${at.slice(0, 10)}.zip`;

/**
 * Streams a signed pack to whoever the caller has checked may take it (an officer, or a
 * liaison for a pack of a case referred to them). The pack records its own `exported` events,
 * then `export_completed` (or `export_failed`) once the last byte is out, with the caller as the
 * actor. No content-length or manifest-hash header: the manifest signs the report, which is
 * drawn while the exhibits stream, so the manifest's hash is on the export_completed event.
 */
export async function sendPack(c: Context<AppEnv>, p: Principal, record: ExportRecord): Promise<Response> {
  const config = c.get('config');
  // Fail closed before anything is recorded or sent: no key, no pack.
  const signer = await councilSigner(config, p.councilId);
  const pack = await buildPack(
    {
      db: c.env.DB,
      bucket: c.env.EVIDENCE,
      signer,
      checkpointKeys: await checkpointKeys(config, signer, p.councilId),
      renderReport,
      links: verifyLinks(c.req.url, p.councilId),
    },
    p,
    record,
  );
  const caseId = record.scope.kind === 'case' ? record.scope.id : null;
  // The export's receipt of the checkpoint it handed out: on the response for the downloader, on
  // export_completed for the council, with the R2 key of the copy that is never overwritten.
  const ref = pack.checkpoint ? checkpointRef(pack.checkpoint) : null;
  const checkpoint = ref ? { seq: ref.checkpoint.seq, hash: ref.checkpoint.hash, at: ref.checkpoint.at, r2Key: ref.r2Key } : undefined;
  const settle = pack.finished.then(async (outcome) => {
    const details = { exportId: record.id, packId: pack.packId, manifestSha256: outcome.manifestSha256, checkpoint };
    if (outcome.ok) {
      await appendCustody(
        c.env.DB,
        [{ councilId: p.councilId, actorId: p.userId, action: 'export_completed', caseId, details: { ...details, bytes: outcome.bytes } }],
        [recordDownloadStatement(c.env.DB, record.id, outcome.manifestSha256)],
      );
    } else {
      const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      await appendCustody(c.env.DB, [{ councilId: p.councilId, actorId: p.userId, action: 'export_failed', caseId, details: { ...details, reason } }]);
    }
  });
  waitUntil(c, settle, 'pack bookkeeping');
  return new Response(pack.body, {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${packFileName(record, new Date().toISOString())}"`,
      'cache-control': 'no-store',
      'x-wardguard-pack-id': pack.packId,
      ...(checkpoint ? { 'x-wardguard-checkpoint': `seq=${checkpoint.seq}; hash=${checkpoint.hash}; r2=${checkpoint.r2Key}` } : {}),
    },
  });
}
