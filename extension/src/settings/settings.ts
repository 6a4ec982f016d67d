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

export { normaliseServerUrl, originPattern } from './server-url.ts';
