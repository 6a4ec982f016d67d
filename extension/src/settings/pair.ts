import { browser } from 'wxt/browser';
import { isApiError } from '@wardguard/shared/client';
import { createApiClient } from '../api/client.ts';
import { originPattern, pairingItem, type Pairing } from './settings.ts';
import { parseServerUrl } from './server-url.ts';

export type PairResult = { ok: true; pairing: Pairing } | { ok: false; message: string };

/**
 * Pairs with a Wardguard server: asks for host permission on that origin only (must run in the
 * click handler: it needs the user's gesture), checks the token with GET /api/v1/me, then stores it.
 */
export async function pairWithServer(serverInput: string, token: string): Promise<PairResult> {
  const parsed = parseServerUrl(serverInput);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const serverUrl = parsed.origin;
  if (!token.trim()) return { ok: false, message: 'Paste the token your council gave you.' };
  const granted = await browser.permissions.request({ origins: [originPattern(serverUrl)] }).catch(() => false);
  if (!granted) return { ok: false, message: `Wardguard needs permission to talk to ${serverUrl} to file your evidence there.` };
  try {
    const me = await createApiClient({ serverUrl, token: token.trim() }).me();
    const pairing: Pairing = { serverUrl, token: token.trim(), userName: me.name };
    await pairingItem.setValue(pairing);
    return { ok: true, pairing };
  } catch (e) {
    if (isApiError(e) && e.status === 401) return { ok: false, message: 'The server did not accept that token. Check it and try again.' };
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

export async function unpair(): Promise<void> {
  const pairing = await pairingItem.getValue();
  await pairingItem.setValue(null);
  if (pairing) await browser.permissions.remove({ origins: [originPattern(pairing.serverUrl)] }).catch(() => false);
}
