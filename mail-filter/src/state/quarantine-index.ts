/**
 * Where the filter last put each message it quarantined: mailbox + SHA-256 of the source →
 * the UIDs it was given in the Quarantine folder (from the MOVE's COPYUID answer) and that
 * folder's UIDVALIDITY. Decisions look here first so that carrying one out reads one message,
 * not every message sharing its Message-ID (or all of Quarantine when it has none).
 *
 * In memory only, on purpose: it is a shortcut, never the authority. Every hit is checked
 * against the source's SHA-256 before anything is moved, and after a restart (or for a
 * message quarantined by another copy of the filter) decisions fall back to searching.
 */
export interface Located {
  uidValidity: bigint;
  uids: number[];
}

export interface QuarantineIndex {
  remember(mailbox: string, sha256: string, uidValidity: bigint, uid: number): void;
  lookup(mailbox: string, sha256: string): Located | undefined;
  forget(mailbox: string, sha256: string): void;
  readonly size: number;
}

/** `limit` bounds memory: the oldest entries go first (their decisions fall back to search). */
export function createQuarantineIndex(limit = 100_000): QuarantineIndex {
  const entries = new Map<string, Located>();
  const key = (mailbox: string, sha256: string) => `${mailbox}\n${sha256}`;
  return {
    remember(mailbox, sha256, uidValidity, uid) {
      const k = key(mailbox, sha256);
      const known = entries.get(k);
      // A new UIDVALIDITY means the folder was rebuilt: the old UIDs mean nothing now.
      const uids = known && known.uidValidity === uidValidity ? [...known.uids.filter((u) => u !== uid), uid] : [uid];
      entries.delete(k);
      entries.set(k, { uidValidity, uids });
      while (entries.size > limit) entries.delete(entries.keys().next().value as string);
    },
    lookup: (mailbox, sha256) => entries.get(key(mailbox, sha256)),
    forget: (mailbox, sha256) => void entries.delete(key(mailbox, sha256)),
    get size() {
      return entries.size;
    },
  };
}
