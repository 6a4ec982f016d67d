export type ServerUrlResult = { ok: true; origin: string } | { ok: false; message: string };

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The server address as a councillor types it. `wardguard.example.gov.uk` means https; plain
 * http is refused except on this machine (the token would cross the network unencrypted); the
 * answer says why an address was refused.
 */
export function parseServerUrl(input: string): ServerUrlResult {
  const typed = input.trim();
  if (!typed) return { ok: false, message: 'Enter the server address your council gave you, e.g. https://wardguard.example.gov.uk' };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(typed) && !/^[^/:]+:\d+(?:\/|$)/.test(typed) ? typed : `https://${typed}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    return { ok: false, message: `"${typed}" is not a web address. It looks like https://wardguard.example.gov.uk` };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, message: `Use an https:// address, not ${u.protocol}` };
  if (!u.hostname.includes('.') && !LOOPBACK.test(u.hostname))
    return { ok: false, message: `"${typed}" is not a full server address. It looks like https://wardguard.example.gov.uk` };
  if (u.protocol === 'http:' && !LOOPBACK.test(u.hostname)) {
    return { ok: false, message: 'Use https://: over plain http:// your token and evidence would cross the network unencrypted.' };
  }
  return { ok: true, origin: u.origin };
}

/** `https://wardguard.example.gov.uk/anything` → `https://wardguard.example.gov.uk`; null when refused. */
export function normaliseServerUrl(input: string): string | null {
  const r = parseServerUrl(input);
  return r.ok ? r.origin : null;
}

/** The host-permission pattern to request at pairing, e.g. `https://wardguard.example.gov.uk/*`. */
export const originPattern = (serverUrl: string): string => `${new URL(serverUrl).origin}/*`;
