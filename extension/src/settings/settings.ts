import { storage } from 'wxt/utils/storage';

/**
 * Pairing lives in chrome.storage.local: readable by the extension's own pages and service
 * worker only, never exposed to web pages or content scripts' host pages.
 */
export interface Pairing {
  serverUrl: string; // origin, no trailing slash
  token: string;
  userName: string;
  exhibitInitials?: string;
}

export const pairingItem = storage.defineItem<Pairing | null>('local:pairing', { fallback: null });
export const defaultCaseItem = storage.defineItem<string | null>('local:defaultCaseId', { fallback: null });

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
