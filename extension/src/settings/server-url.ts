/** `https://wardguard.example.gov.uk/anything` → `https://wardguard.example.gov.uk`; null when not http(s). */
export function normaliseServerUrl(input: string): string | null {
  try {
    const u = new URL(input.trim());
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return u.origin;
  } catch {
    return null;
  }
}

/** The host-permission pattern to request at pairing, e.g. `https://wardguard.example.gov.uk/*`. */
export const originPattern = (serverUrl: string): string => `${new URL(serverUrl).origin}/*`;
