import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Messages an officer released (or marked not-abuse), by mailbox + SHA-256 of the source,
 * in an append-only file under the state dir, each line fsynced before it counts. Checked
 * before any message is filed or moved, so a released message is never quarantined again
 * for the same bytes: not on a server without keywords (where it comes back with a new UID
 * and no marks), not after the scan state is lost, and not while the Worker is down.
 */
export async function createReleasedSet(stateDir: string) {
  const file = join(stateDir, 'released.jsonl');
  const key = (mailbox: string, sha256: string) => `${mailbox}\n${sha256}`;
  const known = new Set<string>();
  try {
    for (const line of (await readFile(file, 'utf8')).split('\n')) {
      if (!line.trim()) continue;
      try {
        const r = JSON.parse(line) as { mailbox: string; sha256: string };
        known.add(key(r.mailbox, r.sha256));
      } catch {
        /* a torn last line from a crash mid-append: that release is written again when re-applied */
      }
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return {
    has: (mailbox: string, sha256: string): boolean => known.has(key(mailbox, sha256)),
    /** Returns once the line is on disk. Call BEFORE moving the message back to the inbox. */
    async add(mailbox: string, sha256: string): Promise<void> {
      if (known.has(key(mailbox, sha256))) return;
      await mkdir(stateDir, { recursive: true });
      const fh = await open(file, 'a');
      try {
        await fh.writeFile(`${JSON.stringify({ mailbox, sha256, at: new Date().toISOString() })}\n`);
        await fh.sync();
      } finally {
        await fh.close();
      }
      const dir = await open(stateDir, 'r');
      try {
        await dir.sync();
      } finally {
        await dir.close();
      }
      known.add(key(mailbox, sha256));
    },
  };
}
export type ReleasedSet = Awaited<ReturnType<typeof createReleasedSet>>;
