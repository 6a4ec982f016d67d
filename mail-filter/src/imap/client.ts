import { readFileSync } from 'node:fs';
import { ImapFlow } from 'imapflow';
import { WardguardError } from '@wardguard/shared';
import type { AccountConfig } from '../config.ts';

const CONNECT_TIMEOUT_MS = 15_000;
const SOCKET_TIMEOUT_MS = 5 * 60_000;

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/**
 * Whether to ask for COMPRESS=DEFLATE (when the server offers it): the config's `compress`,
 * by default yes, except from a server on this host. Compression saves bandwidth on a remote
 * link; over loopback it only costs CPU at both ends (inflating everything fetched was ~5 %
 * of the filter's CPU on the bench's mix, and Dovecot deflates it first).
 */
export const wantsCompression = (imap: Pick<AccountConfig['imap'], 'host' | 'compress'>): boolean => imap.compress ?? !LOOPBACK.test(imap.host);

/**
 * A fresh client for one connection's life: imapflow clients are single-use, so every
 * reconnect builds a new one. Auto-IDLE is off; the session idles itself when it is free.
 */
export function createImapClient(imap: AccountConfig['imap']): ImapFlow {
  const accessToken = imap.accessTokenFile ? readAccessToken(imap.accessTokenFile) : imap.accessToken;
  return new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: imap.secure,
    auth: accessToken ? { user: imap.user, accessToken } : { user: imap.user, pass: imap.password! },
    logger: false,
    disableAutoIdle: true,
    disableCompression: !wantsCompression(imap),
    connectionTimeout: CONNECT_TIMEOUT_MS,
    greetingTimeout: CONNECT_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
  });
}

/**
 * The token a refresher keeps current in a file, read afresh for each connection (OAuth2
 * access tokens expire within the hour; a reconnect after expiry picks up the new one).
 */
export function readAccessToken(path: string): string {
  let token: string;
  try {
    token = readFileSync(path, 'utf8').trim();
  } catch (err) {
    throw new WardguardError('IMAP_TOKEN_UNREADABLE', `Cannot read the OAuth2 access token file ${path}: ${(err as Error).message}`);
  }
  if (!token) throw new WardguardError('IMAP_TOKEN_UNREADABLE', `The OAuth2 access token file ${path} is empty.`);
  return token;
}

/** Creates the folder if it does not exist yet (a councillor-owned folder; never removed). */
export async function ensureFolder(client: ImapFlow, path: string): Promise<void> {
  const list = await client.list();
  if (list.some((m) => m.path === path)) return;
  try {
    await client.mailboxCreate(path);
  } catch (err) {
    if (!/ALREADYEXISTS|already exists/i.test(String((err as { responseText?: string }).responseText ?? err))) throw err;
  }
}

/**
 * The filter moves mail only with IMAP MOVE. Without it imapflow falls back to COPY +
 * \Deleted + EXPUNGE, and without UIDPLUS that EXPUNGE removes every \Deleted message in
 * the folder, the councillor's own included. The filter never expunges: no MOVE, no filtering.
 */
export function requireMove(client: ImapFlow, accountId: string): void {
  if (client.capabilities.has('MOVE')) return;
  throw new WardguardError(
    'IMAP_NO_MOVE',
    `The IMAP server for ${accountId} does not offer MOVE (RFC 6851). The mail filter would have to copy, mark deleted and expunge, which can delete the councillor's other mail; this account is not filtered.`,
  );
}
