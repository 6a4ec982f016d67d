import { utf8Decode } from '../encoding/utf8.ts';
import { sha256 } from '@noble/hashes/sha2.js';
import { toHex } from '../encoding/hex.ts';
import { PACK_PATHS, packManifestSchema, type PackFile, type PackManifest } from './format.ts';
import { checkCheckpoint, checkpointSeq, NO_CHECKPOINT } from './verify-checkpoint.ts';
import { createCustodyChecker, type CustodyChecker } from './verify-custody.ts';
import { addedProblem, contentProblem, isSigningFile, manifestListProblems, missingProblem } from './verify-files.ts';
import type { TrustedKey } from './verify-key.ts';
import { entryNameProblems } from './verify-paths.ts';
import type { CustodySummary, PackProblem, PackReport, PackSummary } from './verify-report.ts';
import { checkSignature } from './verify-signature.ts';
import { openPackZip, readEntryBytes, type PackEntry } from './verify-zip.ts';
import type { ByteSource } from './zip-source.ts';

export type { ByteSource } from './zip-source.ts';
export { blobSource, bytesSource } from './zip-source.ts';
export { parsePackKey, keyFingerprint, type TrustedKey } from './verify-key.ts';
export type {
  CheckpointReport,
  PackProblem,
  PackProblemCode,
  PackReport,
  PackKeyReport,
  PackKeySource,
  CustodySummary,
  PackSummary,
} from './verify-report.ts';

export interface VerifyPackOptions {
  /** The council's key, from outside the pack. Without it the report can never be ok. */
  key?: TrustedKey | null;
  /**
   * Keys the council signed with before its current one, from outside the pack: a checkpoint
   * anchored before it rotated its key is signed with one. Only raw keys can check a signature.
   */
  previousKeys?: readonly TrustedKey[];
  /** Called as bytes are hashed, for a progress bar on multi-gigabyte packs. */
  onProgress?: (progress: { path: string; bytesDone: number; bytesTotal: number }) => void;
}

// manifest.json lists every file (a few hundred bytes each) and is read whole to be signed;
// no real pack comes near this, and a hostile one must not exhaust memory.
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
const MAX_SIGNATURE_BYTES = 64 * 1024;
const MAX_CHECKPOINT_BYTES = 64 * 1024;

function parseManifest(bytes: Uint8Array): { manifest: PackManifest } | { problem: PackProblem } {
  let value: unknown;
  try {
    value = JSON.parse(utf8Decode(bytes));
  } catch {
    return {
      problem: { path: PACK_PATHS.manifest, code: 'MANIFEST_INVALID', message: 'manifest.json is not valid JSON, so no file could be checked against it.' },
    };
  }
  const parsed = packManifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (at ${issue.path.join('.')}: ${issue.message})` : '';
    return {
      problem: {
        path: PACK_PATHS.manifest,
        code: 'MANIFEST_INVALID',
        message: `manifest.json is not a Wardguard pack manifest${where}, so no file could be checked against it.`,
      },
    };
  }
  return { manifest: parsed.data };
}

async function readSmall(entry: PackEntry | undefined, max: number, path: string, problems: PackProblem[]): Promise<Uint8Array | null> {
  if (!entry) return null;
  try {
    const bytes = await readEntryBytes(entry, max);
    if (bytes !== 'too-large') return bytes;
    problems.push({
      path,
      code: path === PACK_PATHS.manifest ? 'MANIFEST_INVALID' : path === PACK_PATHS.signature ? 'SIGNATURE_MALFORMED' : 'CHECKPOINT_INVALID',
      message: `${path} is larger than ${max} bytes; it was not read.`,
    });
  } catch (err) {
    problems.push({ path, code: 'FILE_UNREADABLE', message: `${path} could not be read from the ZIP (${(err as Error).message}).` });
  }
  return null;
}

const summarise = (m: PackManifest): PackSummary => ({
  packId: m.packId,
  variant: m.variant,
  platform: m.platform,
  scope: m.scope,
  council: m.council,
  createdAt: m.createdAt,
  createdBy: m.createdBy,
  recipient: m.recipient,
  exhibits: m.exhibits,
});

/**
 * Checks an evidence pack with nothing but its bytes and the council's public key: every
 * file's size and SHA-256 against the signed manifest, the Ed25519 signature, the ZIP's
 * entry names, and the custody chain line by line. Each entry is streamed through SHA-256,
 * so memory stays flat however large the pack. Runs unchanged in browsers and Node.
 *
 * @example
 * const report = await verifyPack(blobSource(file), { key: parsePackKey(publishedKeyJson) });
 * if (!report.ok) for (const p of report.problems) console.log(`${p.path}: ${p.message}`);
 */
export async function verifyPack(source: ByteSource, options: VerifyPackOptions = {}): Promise<PackReport> {
  const problems: PackProblem[] = [];
  const files = { listed: 0, checked: 0, bytes: 0 };
  let entries: PackEntry[];
  try {
    const zip = await openPackZip(source);
    entries = zip.entries;
    for (const reason of zip.ambiguities) {
      problems.push({ path: null, code: 'ZIP_AMBIGUOUS', message: `The ZIP's structure could be read differently by other unzip tools (${reason}).` });
    }
  } catch (err) {
    problems.push({ path: null, code: 'ZIP_UNREADABLE', message: `This is not a readable ZIP file (${(err as Error).message}).` });
    return {
      ok: false,
      pack: null,
      key: { source: 'none', fingerprint: null, trusted: false, explanation: 'Nothing was checked.' },
      signature: 'not-checked',
      files,
      custody: null,
      checkpoint: { ...NO_CHECKPOINT, status: 'not-checked', explanation: 'Nothing was checked.' },
      problems,
    };
  }
  problems.push(...entryNameProblems(entries.map((e) => e.name)));
  for (const e of entries.filter((x) => x.symlink)) {
    problems.push({
      path: e.name,
      code: 'PATH_INVALID',
      message: 'This entry is a symbolic link: unzipping it on Unix makes a link to another file, not the file the manifest lists.',
    });
  }

  const byName = (name: string) => entries.find((e) => e.name === name && !e.directory);
  const manifestEntry = byName(PACK_PATHS.manifest);
  const sigEntry = byName(PACK_PATHS.signature);
  if (!manifestEntry)
    problems.push({ path: PACK_PATHS.manifest, code: 'MANIFEST_MISSING', message: 'manifest.json is not in the ZIP, so no file can be checked.' });
  if (!sigEntry)
    problems.push({ path: PACK_PATHS.signature, code: 'SIGNATURE_MISSING', message: 'manifest.sig is not in the ZIP, so nothing shows who made the pack.' });
  const manifestBytes = await readSmall(manifestEntry, MAX_MANIFEST_BYTES, PACK_PATHS.manifest, problems);
  const sigBytes = await readSmall(sigEntry, MAX_SIGNATURE_BYTES, PACK_PATHS.signature, problems);
  // Read before the custody log streams past, so the log's hash at the checkpoint's seq can be kept.
  // An unreadable entry is reported once, by the file loop below, like any other listed file.
  const checkpointProblems: PackProblem[] = [];
  const checkpointBytes = await readSmall(byName(PACK_PATHS.custodyCheckpoint), MAX_CHECKPOINT_BYTES, PACK_PATHS.custodyCheckpoint, checkpointProblems);
  problems.push(...checkpointProblems.filter((p) => p.code !== 'FILE_UNREADABLE'));
  const watchSeq = checkpointSeq(checkpointBytes);
  const seen = { firstSeq: null as number | null, hashAtSeq: null as string | null };
  const onCustodyLine = (seq: number, hash: string) => {
    seen.firstSeq ??= seq;
    if (seq === watchSeq) seen.hashAtSeq = hash;
  };

  let manifest: PackManifest | null = null;
  if (manifestBytes) {
    const parsed = parseManifest(manifestBytes);
    if ('manifest' in parsed) manifest = parsed.manifest;
    else problems.push(parsed.problem);
  }
  const sig = checkSignature({ manifestBytes, manifest, sigBytes, trusted: options.key ?? null });
  problems.push(...sig.problems);
  if (manifest) problems.push(...manifestListProblems(manifest));

  const listed = new Map<string, PackFile>(manifest?.files.map((f) => [f.path, f]) ?? []);
  files.listed = listed.size;
  const present = new Set<string>();
  const bytesTotal = entries.reduce((n, e) => n + (listed.has(e.name) ? e.declaredSize : 0), 0);
  let custody: CustodySummary | null = null;

  for (const entry of entries) {
    if (entry.directory || isSigningFile(entry.name)) continue;
    const file = listed.get(entry.name);
    const isCustody = entry.name === PACK_PATHS.custody;
    if (!file && manifest) problems.push(addedProblem(entry.name));
    // Unlisted files are not read (nothing to compare them with), except the custody log,
    // whose chain is worth checking even when the manifest cannot be read.
    if (!file && !isCustody) continue;
    present.add(entry.name);
    const checker: CustodyChecker | null =
      isCustody && !custody ? createCustodyChecker(manifest ? { ...manifest.custody, councilId: manifest.council.id } : null, onCustodyLine) : null;
    const hash = sha256.create();
    let size = 0;
    try {
      const { ambiguities } = await entry.read(async (chunk) => {
        hash.update(chunk);
        size += chunk.byteLength;
        files.bytes += chunk.byteLength;
        await checker?.push(chunk);
        options.onProgress?.({ path: entry.name, bytesDone: files.bytes, bytesTotal });
      });
      for (const reason of ambiguities) {
        problems.push({
          path: entry.name,
          code: 'ZIP_AMBIGUOUS',
          message: `This file's local header disagrees with the ZIP's directory (${reason}): other unzip tools could show different contents.`,
        });
      }
    } catch (err) {
      problems.push({ path: entry.name, code: 'FILE_UNREADABLE', message: `This file could not be read from the ZIP (${(err as Error).message}).` });
      continue;
    }
    if (checker) {
      const result = await checker.finish();
      problems.push(...result.problems);
      custody = result.summary;
    }
    if (!file) continue;
    files.checked += 1;
    const changed = contentProblem(file, { size, sha256: toHex(hash.digest()) });
    if (changed) problems.push(changed);
  }

  for (const file of listed.values()) if (!present.has(file.path)) problems.push(missingProblem(file));
  if (!entries.some((e) => e.name === PACK_PATHS.custody)) {
    problems.push({
      path: PACK_PATHS.custody,
      code: 'CUSTODY_MISSING',
      message: 'The custody log is not in the pack, so the chain of custody cannot be checked.',
    });
  }

  let checkpoint = NO_CHECKPOINT;
  if (checkpointBytes) {
    const checked = checkCheckpoint({
      bytes: checkpointBytes,
      manifest,
      key: sig.keyBytes,
      trusted: sig.key.trusted,
      wrongKeyReported: sig.problems.some((p) => p.code === 'WRONG_KEY'),
      previousKeys: (options.previousKeys ?? []).flatMap((k) => (k.kind === 'raw' ? [k.raw] : [])),
      custody: seen,
    });
    problems.push(...checked.problems);
    checkpoint = checked.report;
  }

  // Belt and braces: a report with no problems must also have a trusted, valid signature.
  const ok = problems.length === 0 && sig.signature === 'valid' && sig.key.trusted;
  return { ok, pack: manifest ? summarise(manifest) : null, key: sig.key, signature: sig.signature, files, custody, checkpoint, problems };
}
