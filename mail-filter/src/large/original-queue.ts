import { mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeDurably } from '../spool/write-durably.ts';

/** An original waiting to be kept whole in the Worker's storage, beside its reduced record. */
export interface PendingOriginal {
  recordId: string;
  mailbox: string;
  messageId: string;
  sha256: string;
  size: number;
}

// Record ids are the Worker's UUIDs; anything else never becomes a file name.
const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * Originals of messages filed as reduced copies, on local disk until the Worker has them:
 * `<recordId>.eml` (the whole message) and `<recordId>.json` (what it is), so a filter that
 * stops or crashes mid-upload starts the upload again after a restart. Uploads read the .eml
 * a part at a time (see upload-original.ts): memory stays bounded however large it is.
 */
export function createOriginalQueue(dir: string) {
  const paths = (recordId: string) => {
    if (!SAFE_ID.test(recordId)) throw new Error(`not a record id: ${JSON.stringify(recordId)}`);
    return { eml: join(dir, `${recordId}.eml`), json: join(dir, `${recordId}.json`) };
  };
  return {
    dir,
    /** Durable when it resolves; the .json last, so a listed entry always has its whole .eml. */
    async put(entry: PendingOriginal, eml: Buffer): Promise<void> {
      await mkdir(dir, { recursive: true });
      const p = paths(entry.recordId);
      await writeDurably(p.eml, eml);
      await writeDurably(p.json, JSON.stringify(entry));
    },
    async list(): Promise<PendingOriginal[]> {
      let files: string[];
      try {
        files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
      return Promise.all(files.map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8')) as PendingOriginal));
    },
    emlPath: (recordId: string) => paths(recordId).eml,
    /** Only once the Worker has the original stored and checked. */
    async remove(recordId: string): Promise<void> {
      const p = paths(recordId);
      await unlink(p.json);
      await unlink(p.eml).catch(() => undefined);
    },
    /** The Worker refused it for good: set aside in `refused/` for an operator, never deleted. */
    async reject(recordId: string): Promise<string> {
      const p = paths(recordId);
      const aside = join(dir, 'refused');
      await mkdir(aside, { recursive: true });
      await rename(p.eml, join(aside, `${recordId}.eml`)).catch(() => undefined);
      await rename(p.json, join(aside, `${recordId}.json`));
      return join(aside, `${recordId}.json`);
    },
  };
}
export type OriginalQueue = ReturnType<typeof createOriginalQueue>;
