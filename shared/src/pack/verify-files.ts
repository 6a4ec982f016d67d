import { exhibitDir, PACK_PATHS, type PackFile, type PackManifest } from './format.ts';
import { unsafePathReason } from './verify-paths.ts';
import type { PackProblem } from './verify-report.ts';

const short = (hash: string) => `${hash.slice(0, 16)}…`;
const SIGNING_FILES: ReadonlySet<string> = new Set([PACK_PATHS.manifest, PACK_PATHS.signature]);

/**
 * Problems with the file list itself: a listed path that is unsafe or listed twice, and
 * exhibit files that do not say which exhibit they belong to or sit outside its folder
 * (the report and index refer to exhibits by reference, so an orphan file is unaccounted for).
 */
export function manifestListProblems(manifest: PackManifest): PackProblem[] {
  const problems: PackProblem[] = [];
  const seen = new Set<string>();
  for (const file of manifest.files) {
    const unsafe = unsafePathReason(file.path);
    if (unsafe) problems.push({ path: file.path, code: 'MANIFEST_INVALID', message: `manifest.json lists an unsafe file name: ${unsafe.message}` });
    if (seen.has(file.path)) problems.push({ path: file.path, code: 'MANIFEST_INVALID', message: 'manifest.json lists this file more than once.' });
    if (SIGNING_FILES.has(file.path))
      problems.push({ path: file.path, code: 'MANIFEST_INVALID', message: 'manifest.json lists itself or its signature, which it cannot hash.' });
    seen.add(file.path);
    if (file.role !== 'exhibit') continue;
    if (!file.exhibitRef) {
      problems.push({
        path: file.path,
        code: 'EXHIBIT_REF_MISSING',
        message: 'This exhibit file has no exhibit reference in manifest.json, so it cannot be tied to an exhibit in the report.',
      });
    } else if (!file.path.startsWith(exhibitDir(file.exhibitRef))) {
      problems.push({
        path: file.path,
        code: 'EXHIBIT_PATH_MISMATCH',
        message: `manifest.json says this file belongs to exhibit ${file.exhibitRef}, whose files are under ${exhibitDir(file.exhibitRef)}.`,
      });
    }
  }
  return problems;
}

/** Compares what was read from the ZIP with what the manifest lists for that path. */
export function contentProblem(file: PackFile, actual: { size: number; sha256: string }): PackProblem | null {
  if (actual.size !== file.size) {
    return {
      path: file.path,
      code: 'FILE_CHANGED',
      message: `This file is ${actual.size} bytes, but the signed manifest says ${file.size} bytes: it was changed or cut short.`,
    };
  }
  if (actual.sha256 !== file.sha256) {
    return {
      path: file.path,
      code: 'FILE_CHANGED',
      message: `This file's contents changed: its SHA-256 is ${short(actual.sha256)}, but the signed manifest records ${short(file.sha256)}.`,
    };
  }
  return null;
}

export const missingProblem = (file: PackFile): PackProblem => ({
  path: file.path,
  code: 'FILE_MISSING',
  message: `This file is listed in the signed manifest (${file.role}${file.exhibitRef ? `, exhibit ${file.exhibitRef}` : ''}) but is not in the ZIP: it was removed or renamed.`,
});

export const addedProblem = (path: string): PackProblem => ({
  path,
  code: 'FILE_ADDED',
  message: 'This file is in the ZIP but not in the signed manifest: it was added after the pack was made.',
});

/** Whether the verifier reads this entry as a pack file (the manifest and its signature are checked separately). */
export const isSigningFile = (path: string): boolean => SIGNING_FILES.has(path);
