import { open, rename, unlink } from 'node:fs/promises';

export const removeIfThere = (path: string) => unlink(path).catch(() => undefined);

/**
 * Writes `path` whole or not at all: fsynced under a `.tmp` name, then renamed into place.
 * A failed write (full or read-only disk) leaves no `.tmp` behind, so a later scan of the
 * folder never mistakes half a message for a spooled one.
 */
export async function writeDurably(path: string, data: Buffer | string): Promise<void> {
  const tmp = `${path}.tmp`;
  try {
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await removeIfThere(tmp);
    throw err;
  }
}
