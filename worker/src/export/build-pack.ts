import {
  bytesToBase64,
  exhibitDir,
  PACK_FORMAT,
  PACK_PATHS,
  PACK_SIGNATURE_FORMAT,
  preservationPath,
  sha256Hex,
  WardguardError,
  type PackIndexEntry,
  type PackIndexFile,
  type PackManifest,
  type PackSignature,
  type SignedCustodyCheckpoint,
} from '@wardguard/shared';
import type { Principal } from '../env.ts';
import { appendCustodyAt } from '../db/custody.ts';
import { anchorCouncil } from '../custody/checkpoint.ts';
import { newId, now } from '../db/ids.ts';
import type { ExportRecord } from '../db/exports.ts';
import { custodyFile } from './custody-file.ts';
import { indexCsv } from './index-csv.ts';
import { DIARY_FILE, indexEntry } from './index-entry.ts';
import { loadPackModel, type PackModel } from './pack-model.ts';
import { preservationSheet } from './preservation.ts';
import { packScope } from './platform-scope.ts';
import { packReadme, type VerifyLinks } from './readme.ts';
import { reportFor, type RenderReport } from './report-input.ts';
import type { PackSigner } from './signing-key.ts';
import { streamPack, type PlannedFile, type StreamedPack } from './stream-zip.ts';

const encoder = new TextEncoder();
const bytesFile = async (path: string, role: PlannedFile['role'], bytes: Uint8Array, exhibitRef?: string): Promise<PlannedFile> => ({
  path,
  role,
  size: bytes.byteLength,
  sha256: await sha256Hex(bytes),
  ...(exhibitRef ? { exhibitRef } : {}),
  source: { kind: 'bytes', bytes },
});

export interface PackDeps {
  db: D1Database;
  bucket: R2Bucket;
  signer: PackSigner;
  /** Keys the council's last checkpoint may be signed by (council-key.ts `checkpointKeys`); default the signer's. */
  checkpointKeys?: readonly string[];
  renderReport: RenderReport;
  /** The council's published key and browser verifier, printed in README.txt and the report. */
  links: VerifyLinks;
}

/** How a download ended: the signed manifest that went and the bytes sent, or why it broke. */
export type PackOutcome = { ok: true; manifestSha256: string; bytes: number } | { ok: false; error: unknown; manifestSha256: string | null };

export interface BuiltPack extends StreamedPack {
  packId: string;
  /**
   * Settles when the last byte has been handed to the reader, or the pack failed. The
   * manifest is signed after the report, which is drawn as the exhibits stream, so its hash
   * (and the pack's length) is known only here, not when the response starts.
   */
  finished: Promise<PackOutcome>;
  /** The signed checkpoint written into the pack as custody/checkpoint.json; null if the pack has none. */
  checkpoint: SignedCustodyCheckpoint | null;
}

/** Diary entries travel as a generated file holding every version, so edits are visible. */
async function diaryFiles(model: PackModel): Promise<Map<string, PlannedFile>> {
  const out = new Map<string, PlannedFile>();
  for (const item of model.items) {
    const versions = model.diary.get(item.id);
    if (item.kind !== 'diary' || !versions) continue;
    const body = encoder.encode(JSON.stringify({ exhibitRef: item.exhibitRef, versions }, null, 2) + '\n');
    out.set(item.id, await bytesFile(exhibitDir(item.exhibitRef) + DIARY_FILE, 'exhibit', body, item.exhibitRef));
  }
  return out;
}

/**
 * Builds one download of an export: records the export in the custody log *before* any
 * byte leaves, then streams the ZIP: README, indexes, the exhibits, custody log and
 * checkpoint first, then report.pdf (drawn while they stream, so the first byte never waits
 * for it), then the manifest (every file's size and SHA-256, known from capture or computed
 * here) and its signature. Stored files are re-hashed once as they stream; a mismatch aborts
 * the download before the manifest is sent.
 */
export async function buildPack(deps: PackDeps, p: Principal, record: ExportRecord): Promise<BuiltPack> {
  const { db, bucket, signer } = deps;
  const model = await loadPackModel(db, p.councilId, record);
  const packId = newId();
  const createdAt = now();
  const diary = await diaryFiles(model);
  const entries: PackIndexEntry[] = model.items.map((item) => {
    const d = diary.get(item.id);
    const file: PackIndexFile | undefined = d ? { path: d.path, name: DIARY_FILE, mediaType: 'application/json', size: d.size, sha256: d.sha256 } : undefined;
    return indexEntry(item, model, record.variant, file);
  });

  const caseId = record.scope.kind === 'case' ? record.scope.id : null;
  const scope = packScope(record);
  // Fail closed: no pack is issued from a chain that no longer reaches its last signed checkpoint.
  const before = await anchorCouncil(db, bucket, signer, p.councilId, deps.checkpointKeys);
  if (before.kind === 'refused') {
    throw new WardguardError(
      'CUSTODY_CHECKPOINT_MISMATCH',
      'The custody log no longer matches its last signed checkpoint, so no pack can be issued. Ask an admin to check GET /custody/verify.',
    );
  }
  const { positions } = await appendCustodyAt(db, [
    {
      councilId: p.councilId,
      actorId: p.userId,
      action: 'exported',
      caseId,
      at: createdAt,
      details: {
        exportId: record.id,
        packId,
        variant: record.variant,
        platform: record.platform,
        recipient: record.recipient,
        scope,
        exhibits: entries.map((e) => ({ itemId: e.itemId, exhibitRef: e.exhibitRef, files: e.files.length })),
      },
    },
  ]);
  const head = positions[0]!;
  // The head with the export event in it, signed into R2 and into the pack.
  const anchored = await anchorCouncil(db, bucket, signer, p.councilId, deps.checkpointKeys);
  const checkpoint = anchored.kind === 'written' || anchored.kind === 'unchanged' ? anchored.signed : null;
  const custody = await custodyFile(db, {
    councilId: p.councilId,
    itemIds: record.itemIds,
    caseId: record.variant === 'police' ? caseId : null,
    headSeq: head.seq,
  });

  const meta = {
    packId,
    variant: record.variant,
    platform: record.platform,
    council: model.council,
    createdAt,
    recipient: record.recipient,
    publicKey: signer.publicKey,
    exhibits: entries.length,
  } as const;
  const platforms = [...new Set(entries.flatMap((e) => (e.kind === 'web_capture' && e.platform ? [e.platform] : [])))].sort();

  // Everything but the report, which is drawn while these stream and goes last with the manifest.
  const files: PlannedFile[] = [
    await bytesFile(PACK_PATHS.readme, 'readme', encoder.encode(packReadme(meta as Parameters<typeof packReadme>[0], deps.links))),
    await bytesFile(PACK_PATHS.indexJson, 'index', encoder.encode(JSON.stringify({ packId, exhibits: entries }, null, 2) + '\n')),
    await bytesFile(PACK_PATHS.indexCsv, 'index', encoder.encode(indexCsv(entries))),
  ];
  for (const item of model.items) {
    for (const a of item.stored) {
      files.push({
        path: exhibitDir(item.exhibitRef) + a.name,
        role: 'exhibit',
        size: a.size,
        sha256: a.sha256,
        exhibitRef: item.exhibitRef,
        source: { kind: 'r2', key: a.r2Key },
      });
    }
    const d = diary.get(item.id);
    if (d) files.push(d);
  }
  files.push({ path: PACK_PATHS.custody, role: 'custody', size: custody.size, sha256: custody.sha256, source: { kind: 'stream', open: custody.stream } });
  if (checkpoint) files.push(await bytesFile(PACK_PATHS.custodyCheckpoint, 'custody', encoder.encode(JSON.stringify(checkpoint, null, 2) + '\n')));
  for (const platform of platforms) {
    files.push(
      await bytesFile(
        preservationPath(platform),
        'preservation',
        encoder.encode(
          preservationSheet(
            platform,
            entries.filter((e) => e.platform === platform),
            createdAt,
          ),
        ),
      ),
    );
  }

  // Drawn only once the first bytes are out, so a large report never delays them.
  let report: Promise<Uint8Array> | null = null;
  const startReport = () => {
    report ??= deps.renderReport(reportFor(model, entries, { packId, createdAt, createdBy: p.name, publicKey: signer.publicKey }, bucket, deps.links));
    // Awaited by signedTail; a pack abandoned before then must not leave an unhandled rejection.
    report.catch(() => {});
    return report;
  };
  let manifestSha256: string | null = null;
  const signedTail = async (): Promise<PlannedFile[]> => {
    const reportFile = await bytesFile(PACK_PATHS.report, 'report', await startReport());
    const manifest: PackManifest = {
      format: PACK_FORMAT,
      ...meta,
      scope,
      createdBy: { id: p.userId, name: p.name },
      custody: { path: PACK_PATHS.custody, headSeq: head.seq, headHash: head.hash },
      files: [...files, reportFile].map(({ source: _s, ...f }) => f),
    };
    const manifestBytes = encoder.encode(JSON.stringify(manifest, null, 2) + '\n');
    manifestSha256 = await sha256Hex(manifestBytes);
    const sig: PackSignature = {
      format: PACK_SIGNATURE_FORMAT,
      algorithm: 'Ed25519',
      manifestSha256,
      publicKeyFingerprint: signer.publicKey.fingerprint,
      signature: bytesToBase64(await signer.sign(manifestBytes)),
    };
    return [
      reportFile,
      { path: PACK_PATHS.manifest, role: 'index', size: manifestBytes.byteLength, sha256: manifestSha256, source: { kind: 'bytes', bytes: manifestBytes } },
      await bytesFile(PACK_PATHS.signature, 'index', encoder.encode(JSON.stringify(sig, null, 2) + '\n')),
    ];
  };

  let settle!: (r: PackOutcome) => void;
  const finished = new Promise<PackOutcome>((r) => (settle = r));
  const streamed = streamPack(bucket, files, signedTail, new Date(createdAt), {
    // On a later turn of the event loop: the report's first stretch of CPU would otherwise hold back the first bytes it waits for.
    onStarted: () => void setTimeout(() => void startReport(), 0),
    onComplete: ({ bytes }) => settle({ ok: true, manifestSha256: manifestSha256!, bytes }),
    onError: (error) => settle({ ok: false, error, manifestSha256 }),
  });
  return { ...streamed, packId, finished, checkpoint };
}
