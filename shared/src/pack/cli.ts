import { isWardguardError, WardguardError } from '../errors.ts';
import { verifyPack } from './verify.ts';
import { formatPackReport } from './verify-format.ts';
import { parsePackKey, type TrustedKey } from './verify-key.ts';
import { fileHandleSource, type FileHandleLike } from './zip-source-file-handle.ts';

/**
 * `wardguard-verify`, with the outside world handed in: the bin passes Node's file system,
 * fetch and stdio, so this file stays free of Node types like the rest of `shared`.
 */
export interface VerifyCliIo {
  openFile(path: string): Promise<FileHandleLike & { close(): Promise<void> }>;
  readTextFile(path: string): Promise<string>;
  fetch(url: string): Promise<{ ok: boolean; status: number; text(): Promise<string> }>;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const VERIFY_USAGE = `usage: wardguard-verify <pack.zip> [--key <key>] [--previous-key <key>]... [--json]

Checks a Wardguard evidence pack: every file against the signed manifest, the council's
Ed25519 signature, and the chain of custody. Nothing is sent anywhere.

  --key <key>   the council's public key, as any of:
                  the key in base64 (44 characters), or its 64-hex-digit fingerprint
                  a file holding the council's key (its published JSON, or a PEM public key)
                  the URL of the council's /.well-known/wardguard-pack-key
                Without it the pack can only be checked against the key it names for
                itself, which proves nothing, so the result is never "verified".
  --previous-key <key>
                a key the council signed with before it rotated to the current one
                (the key itself, in any form --key takes but a fingerprint); its custody
                checkpoint signed before the rotation then still holds. Repeatable.
  --json        print the report as JSON

Exit status: 0 verified, 1 not verified, 2 the command could not run as asked.
`;

interface Args {
  packPath: string;
  keyArg: string | null;
  previousKeyArgs: string[];
  json: boolean;
}

function parseArgs(args: string[]): Args | 'help' | { error: string } {
  let packPath: string | null = null;
  let keyArg: string | null = null;
  const previousKeyArgs: string[] = [];
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-h' || a === '--help') return 'help';
    if (a === '--json') json = true;
    else if (a === '--key') {
      const v = args[++i];
      if (!v) return { error: '--key needs a value' };
      keyArg = v;
    } else if (a.startsWith('--key=')) keyArg = a.slice('--key='.length);
    else if (a === '--previous-key') {
      const v = args[++i];
      if (!v) return { error: '--previous-key needs a value' };
      previousKeyArgs.push(v);
    } else if (a.startsWith('--previous-key=')) previousKeyArgs.push(a.slice('--previous-key='.length));
    else if (a.startsWith('-') && a !== '-') return { error: `unknown option ${a}` };
    else if (packPath !== null) return { error: 'give one pack at a time' };
    else packPath = a;
  }
  if (packPath === null) return { error: 'which pack? give the path of the .zip' };
  return { packPath, keyArg, previousKeyArgs, json };
}

// Plain http is only safe to this machine; URL is not used because shared has no DOM or Node types.
const isPlainRemoteHttp = (url: string) => /^http:\/\//i.test(url) && !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/i.test(url);

/** The --key argument as a trusted key, and where it came from (for the report). */
async function resolveKey(arg: string, io: VerifyCliIo): Promise<{ key: TrustedKey; origin: string }> {
  if (/^https?:\/\//i.test(arg)) {
    if (isPlainRemoteHttp(arg)) io.stderr(`warning: ${arg} is plain http; anyone on the network path could have swapped the key. Prefer https.\n`);
    let res: Awaited<ReturnType<VerifyCliIo['fetch']>>;
    try {
      res = await io.fetch(arg);
    } catch (err) {
      throw new WardguardError('PACK_KEY_FETCH_FAILED', `could not fetch the key from ${arg} (${(err as Error).message})`);
    }
    if (!res.ok) throw new WardguardError('PACK_KEY_FETCH_FAILED', `could not fetch the key from ${arg} (HTTP ${res.status})`);
    return { key: parsePackKey(await res.text()), origin: arg };
  }
  try {
    return { key: parsePackKey(arg), origin: 'the command line' };
  } catch (err) {
    // Not a key itself: then it names a key file. Any other error (a bad fingerprint) stands.
    if (!isWardguardError(err) || err.code !== 'PACK_KEY_INVALID') throw err;
  }
  let text: string;
  try {
    text = await io.readTextFile(arg);
  } catch {
    throw new WardguardError('PACK_KEY_INVALID', `--key ${arg} is neither a key, a fingerprint, a readable key file nor a URL`);
  }
  return { key: parsePackKey(text), origin: `the file ${arg}` };
}

/**
 * Runs the verifier as a command.
 *
 * @returns the exit status: 0 verified, 1 not verified, 2 usage error
 * @example process.exitCode = await runVerifyCli(process.argv.slice(2), nodeIo)
 */
export async function runVerifyCli(args: string[], io: VerifyCliIo): Promise<0 | 1 | 2> {
  const parsed = parseArgs(args);
  if (parsed === 'help') {
    io.stdout(VERIFY_USAGE);
    return 0;
  }
  if ('error' in parsed) {
    io.stderr(`wardguard-verify: ${parsed.error}\n\n${VERIFY_USAGE}`);
    return 2;
  }

  let trusted: { key: TrustedKey; origin: string } | null = null;
  if (parsed.keyArg !== null) {
    try {
      trusted = await resolveKey(parsed.keyArg, io);
    } catch (err) {
      io.stderr(`wardguard-verify: ${(err as Error).message}\n`);
      return 2;
    }
  }

  const previousKeys: TrustedKey[] = [];
  for (const arg of parsed.previousKeyArgs) {
    try {
      const { key } = await resolveKey(arg, io);
      // A fingerprint cannot check a signature: the pack does not carry the old key to match it with.
      if (key.kind !== 'raw') throw new WardguardError('PACK_KEY_INVALID', `--previous-key ${arg} is a fingerprint; give the key itself`);
      previousKeys.push(key);
    } catch (err) {
      io.stderr(`wardguard-verify: ${(err as Error).message}\n`);
      return 2;
    }
  }

  let handle: Awaited<ReturnType<VerifyCliIo['openFile']>>;
  try {
    handle = await io.openFile(parsed.packPath);
  } catch (err) {
    io.stderr(`wardguard-verify: cannot open ${parsed.packPath} (${(err as Error).message})\n`);
    return 2;
  }
  try {
    const report = await verifyPack(await fileHandleSource(handle), { key: trusted?.key ?? null, previousKeys });
    if (parsed.json) io.stdout(JSON.stringify({ ...report, keyOrigin: trusted?.origin ?? null }, null, 2) + '\n');
    else io.stdout(formatPackReport(report, parsed.packPath, trusted?.origin ?? null));
    return report.ok ? 0 : 1;
  } catch (err) {
    io.stderr(`wardguard-verify: the check itself failed (${(err as Error).message})\n`);
    return 1;
  } finally {
    await handle.close().catch(() => undefined);
  }
}
