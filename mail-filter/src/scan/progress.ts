import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImapFlow } from 'imapflow';
import { SCANNED } from '../imap/keywords.ts';

/**
 * Which INBOX messages still need scanning, surviving restarts: the `$WardguardScanned`
 * keyword where the server lets us set keywords (PERMANENTFLAGS has `\*`), otherwise a
 * UID high-water mark per UIDVALIDITY, fsynced in the spool dir.
 */
export interface ScanProgress {
  readonly mode: 'keyword' | 'high-water';
  pending(): Promise<number[]>;
  /** These messages need no more scanning (clean, or already moved out). In UID order. */
  done(uids: number[], opts: { moved: boolean }): Promise<void>;
}

/** Call with the INBOX selected. */
export async function createScanProgress(client: ImapFlow, stateDir: string, accountId: string): Promise<ScanProgress> {
  const mailbox = client.mailbox;
  if (mailbox && mailbox.permanentFlags?.has('\\*')) {
    return {
      mode: 'keyword',
      async pending() {
        const uids = await client.search({ unKeyword: SCANNED }, { uid: true });
        return (uids || []).sort((a, b) => a - b);
      },
      async done(uids, { moved }) {
        if (!moved && uids.length > 0) await client.messageFlagsAdd(uids.join(','), [SCANNED], { uid: true });
      },
    };
  }
  const uidValidity = String(mailbox ? mailbox.uidValidity : 0);
  const file = join(stateDir, `${Buffer.from(accountId).toString('hex').slice(0, 100)}.high-water.json`);
  let last = 0;
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { uidValidity: string; lastUid: number };
    if (saved.uidValidity === uidValidity) last = saved.lastUid;
  } catch {
    /* first run, or UIDVALIDITY changed: scan everything; the Worker de-duplicates */
  }
  return {
    mode: 'high-water',
    async pending() {
      const uids = await client.search({ uid: `${last + 1}:*` }, { uid: true });
      return (uids || []).filter((u) => u > last).sort((a, b) => a - b);
    },
    async done(uids) {
      const uid = Math.max(0, ...uids);
      if (uid <= last) return;
      last = uid;
      await mkdir(stateDir, { recursive: true });
      const tmp = `${file}.tmp`;
      const fh = await open(tmp, 'w');
      try {
        await fh.writeFile(JSON.stringify({ uidValidity, lastUid: last }));
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, file);
    },
  };
}
