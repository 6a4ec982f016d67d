import { createHash } from 'node:crypto';

/**
 * One message in one mailbox: SHA-256 of the account id and the source's SHA-256. Names its
 * spool entry and its local alert, so two accounts receiving the same bytes never share one.
 */
export const recordKey = (r: { mailbox: string; sourceSha256: string }): string => createHash('sha256').update(`${r.mailbox}\n${r.sourceSha256}`).digest('hex');
