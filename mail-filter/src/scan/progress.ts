import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImapFlow } from 'imapflow';
import { REFUSED, SCANNED } from '../imap/keywords.ts';
import { uidSet } from '../imap/uid-set.ts';

/**
 * Which INBOX messages still need scanning, surviving restarts: the `$WardguardScanned`
 * keyword where the server lets us set keywords (PERMANENTFLAGS has `\*`), otherwise a
 * UID high-water mark per UIDVALIDITY, fsynced in the spool dir.
 *
 * A message the Worker refused outright (too large, invalid…) stays in the inbox and is
 * not scanned again on every pass: only on the first scan after the filter starts, when
 * a fixed config, a raised limit or a new filter version may let it through.
 */
export interface ScanProgress {
  readonly mode: 'keyword' | 'high-water';
  pending(): Promise<number[]>;
  /** These messages need no more scanning (clean, or already moved out). In UID order. */
  done(uids: number[], opts: { moved: boolean }): Promise<void>;
  /** The Worker refused this message outright: leave it, and retry only after a restart. */
  refused(uid: number): Promise<void>;
}

/** Call with the INBOX selected. `retryRefused`: the first pending() includes refused messages. */
export async function createScanProgress(client: ImapFlow, stateDir: string, accountId: string, opts: { retryRefused?: boolean } = {}): Promise<ScanProgress> {
  const mailbox = client.mailbox;
  let retry = opts.retryRefused ?? false;
  if (mailbox && mailbox.permanentFlags?.has('\\*')) {
    return {
      mode: 'keyword',
      async pending() {
        const query = retry ? { unKeyword: SCANNED } : { unKeyword: SCANNED, not: { keyword: REFUSED } };
        retry = false;
        const uids = await client.search(query, { uid: true });
        return (uids || []).sort((a, b) => a - b);
      },
      async done(uids, { moved }) {
        // .SILENT: nothing reads the flags back, and each message would cost an untagged FETCH to parse.
        if (!moved && uids.length > 0) await client.messageFlagsAdd(uidSet(uids), [SCANNED], { uid: true, silent: true });
      },
      async refused(uid) {
        await client.messageFlagsAdd(String(uid), [REFUSED], { uid: true, silent: true });
      },
    };
  }
  const uidValidity = String(mailbox ? mailbox.uidValidity : 0);
  const file = join(stateDir, `${Buffer.from(accountId).toString('hex').slice(0, 100)}.high-water.json`);
  let last = 0;
  let refused = new Set<number>();
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { uidValidity: string; lastUid: number; refused?: number[] };
    if (saved.uidValidity === uidValidity) {
      last = saved.lastUid;
      refused = new Set(saved.refused ?? []);
    }
  } catch {
    /* first run, or UIDVALIDITY changed: scan everything; the Worker de-duplicates */
  }
  async function save(): Promise<void> {
    await mkdir(stateDir, { recursive: true });
    const tmp = `${file}.tmp`;
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(JSON.stringify({ uidValidity, lastUid: last, refused: [...refused].sort((a, b) => a - b) }));
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
  }
  return {
    mode: 'high-water',
    async pending() {
      const uids = ((await client.search({ uid: `${last + 1}:*` }, { uid: true })) || []).filter((u) => u > last && !refused.has(u));
      if (retry && refused.size > 0) {
        const still = (await client.search({ uid: [...refused].join(',') }, { uid: true })) || [];
        uids.push(...still.filter((u) => refused.has(u)));
      }
      retry = false;
      return [...new Set(uids)].sort((a, b) => a - b);
    },
    async done(uids) {
      const uid = Math.max(0, ...uids);
      const wasRefused = uids.some((u) => refused.delete(u));
      if (uid <= last && !wasRefused) return;
      last = Math.max(last, uid);
      await save();
    },
    async refused(uid) {
      refused.add(uid);
      last = Math.max(last, uid);
      await save();
    },
  };
}
