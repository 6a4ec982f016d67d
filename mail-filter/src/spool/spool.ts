import { access, mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { removeIfThere, writeDurably } from './write-durably.ts';
import type { FileMail } from '@wardguard/shared/api/mail';
import { recordKey } from './key.ts';

export interface SpoolEntry {
  name: string;
  record: FileMail;
  eml: Buffer;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Records the Worker has not acknowledged yet, on local disk. `put` returns only after the
 * files and the directory entry are fsynced, so a message may leave the inbox once it has;
 * when it throws, nothing half-written is left. The name is the message's identity in its
 * mailbox (`recordKey`: SHA-256 of account id + source hash), so spooling the same message
 * twice keeps one entry and two mailboxes never share one. Entries named the old way
 * (hex of the first 32 characters of the account id, `-`, source hash) are still listed,
 * read and drained.
 */
export function createSpool(dir: string) {
  return {
    dir,
    async put(record: FileMail, eml: Buffer): Promise<string> {
      await mkdir(dir, { recursive: true });
      const name = recordKey(record);
      const emlPath = join(dir, `${name}.eml`);
      const jsonPath = join(dir, `${name}.json`);
      // The .eml first: a .json without its .eml is never listed as complete.
      await writeDurably(emlPath, eml);
      try {
        await writeDurably(jsonPath, JSON.stringify(record));
      } catch (err) {
        // No record: drop the lone .eml, unless an earlier spooling of this message is complete.
        if (!(await exists(jsonPath))) await removeIfThere(emlPath);
        throw err;
      }
      await syncDir(dir);
      return name;
    },
    async list(): Promise<string[]> {
      try {
        return (await readdir(dir))
          .filter((f) => f.endsWith('.json'))
          .map((f) => f.slice(0, -5))
          .sort();
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
    },
    async read(name: string): Promise<SpoolEntry> {
      const [json, eml] = await Promise.all([readFile(join(dir, `${name}.json`), 'utf8'), readFile(join(dir, `${name}.eml`))]);
      return { name, record: JSON.parse(json) as FileMail, eml };
    },
    /**
     * The Worker refused this record outright: set it aside in `refused/` (fsynced), out of
     * the drain's way, where an operator finds it. Never deleted.
     */
    async reject(name: string): Promise<string> {
      const aside = join(dir, 'refused');
      await mkdir(aside, { recursive: true });
      await rename(join(dir, `${name}.eml`), join(aside, `${name}.eml`)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
      await rename(join(dir, `${name}.json`), join(aside, `${name}.json`));
      await syncDir(aside);
      await syncDir(dir);
      return join(aside, `${name}.json`);
    },
    /** Only after the Worker acknowledged the record. */
    async remove(name: string): Promise<void> {
      await unlink(join(dir, `${name}.json`));
      await unlink(join(dir, `${name}.eml`)).catch(() => undefined);
      await syncDir(dir);
    },
  };
}
export type Spool = ReturnType<typeof createSpool>;
