import type { ImapFlow } from 'imapflow';
import { sha256 } from '../scan/scan-message.ts';
import type { Located } from '../state/quarantine-index.ts';

/** What a decision names: the message's Message-ID and the SHA-256 and size of its source. */
export interface Wanted {
  messageId: string;
  sourceSha256: string;
  sourceSize: number;
}

export type FoundBy = 'uid' | 'size' | 'search';

/**
 * UIDs in the selected folder holding exactly this message, read cheapest first:
 * 1. the UIDs the filter's own MOVE gave it (COPYUID), if the folder is the same generation;
 * 2. a SEARCH for its Message-ID and exact RFC822.SIZE (the size the filter hashed);
 * 3. the old wide search (Message-ID alone, or the whole folder for a message without one),
 *    for a server whose sizes differ from the bytes it serves.
 * Every candidate is read and must match the SHA-256: the index and the size only narrow.
 */
export async function findMessage(client: ImapFlow, wanted: Wanted, located?: Located): Promise<{ uids: number[]; by: FoundBy }> {
  const checked = new Set<number>();
  const uidValidity = client.mailbox ? client.mailbox.uidValidity : undefined;
  if (located && uidValidity === located.uidValidity) {
    const uids = await matching(client, located.uids, wanted, checked);
    if (uids.length > 0) return { uids, by: 'uid' };
  }
  const synthetic = wanted.messageId.endsWith('@wardguard.invalid>');
  const byId = synthetic ? {} : { header: { 'message-id': wanted.messageId } };
  const sized = await client.search({ ...byId, larger: wanted.sourceSize - 1, smaller: wanted.sourceSize + 1 }, { uid: true });
  const bySize = await matching(client, sized || [], wanted, checked);
  if (bySize.length > 0) return { uids: bySize, by: 'size' };
  const wide = await client.search(synthetic ? { all: true } : byId, { uid: true });
  return { uids: await matching(client, wide || [], wanted, checked), by: 'search' };
}

async function matching(client: ImapFlow, uids: readonly number[], wanted: Wanted, checked: Set<number>): Promise<number[]> {
  const todo = uids.filter((u) => !checked.has(u));
  for (const u of todo) checked.add(u);
  if (todo.length === 0) return [];
  const found: number[] = [];
  // One message at a time: the wide search may list a folder of 50 MB messages.
  for (const uid of todo) {
    const msg = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
    if (msg && msg.source && sha256(msg.source) === wanted.sourceSha256) found.push(uid);
  }
  return found.sort((a, b) => a - b);
}
