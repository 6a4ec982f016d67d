import type { PackProblem, PackProblemCode } from './verify-report.ts';

/**
 * Why an entry name is unsafe to extract, or null. Unzip tools differ in how they treat
 * these names, so a file hidden behind one could land outside the folder, overwrite
 * another file, or be shown in place of the verified one.
 */
export function unsafePathReason(name: string): { code: PackProblemCode; message: string } | null {
  if (/^[/\\]/.test(name) || /^[A-Za-z]:/.test(name)) {
    return { code: 'PATH_ABSOLUTE', message: 'the name is an absolute path, so unzipping it could write outside the folder you unzip into.' };
  }
  const segments = name.split(/[/\\]/);
  if (segments.includes('..')) {
    return { code: 'PATH_TRAVERSAL', message: 'the name contains "..", so unzipping it could write outside the folder you unzip into.' };
  }
  if (name.includes('\\')) {
    return {
      code: 'PATH_BACKSLASH',
      message: 'the name contains a backslash, which Windows treats as a folder separator: it could unzip somewhere other than its name suggests.',
    };
  }
  if (/\p{Cc}/u.test(name)) return { code: 'PATH_INVALID', message: 'the name contains control characters.' };
  // A trailing slash marks a folder entry; any other empty or "." segment is a disguised path.
  const inner = name.endsWith('/') ? segments.slice(0, -1) : segments;
  if (inner.some((s) => s === '' || s === '.')) return { code: 'PATH_INVALID', message: 'the name has an empty or "." folder in it.' };
  return null;
}

/** Each unsafe name, and each name that occurs more than once (exactly, or differing only in case or Unicode form). */
export function entryNameProblems(names: readonly string[]): PackProblem[] {
  const problems: PackProblem[] = [];
  for (const name of names) {
    const reason = unsafePathReason(name);
    if (reason) problems.push({ path: name, code: reason.code, message: `Unsafe file name in the ZIP: ${reason.message}` });
  }
  const seen = new Map<string, string>();
  const reported = new Set<string>();
  for (const name of names) {
    // Windows and macOS fold case and Unicode forms on disk, so these collide when unzipped.
    const folded = name.normalize('NFC').toLowerCase();
    const first = seen.get(folded);
    if (first === undefined) {
      seen.set(folded, name);
      continue;
    }
    if (reported.has(name)) continue;
    reported.add(name);
    problems.push({
      path: name,
      code: 'PATH_DUPLICATE',
      message:
        first === name
          ? 'The ZIP contains more than one file with this name: different unzip tools would show different ones.'
          : `The ZIP also contains "${first}", which unzips to the same file on Windows and macOS.`,
    });
  }
  return problems;
}
