import { browser } from 'wxt/browser';
import { parseServerUrl } from './server-url.ts';

/** What council IT set by policy (chrome.storage.managed; Firefox: the 3rdparty policy). */
export interface ManagedSettings {
  serverUrl: string | null;
  defaultCaseId: string | null;
}

/**
 * Reads the managed settings once. A policy value that is not a valid address is ignored
 * rather than trusted: the councillor is then asked for it, as without a policy.
 */
export async function readManagedSettings(): Promise<ManagedSettings> {
  let raw: Record<string, unknown> = {};
  try {
    raw = (await browser.storage.managed.get(['serverUrl', 'defaultCaseId'])) as Record<string, unknown>;
  } catch {
    // No policy store (unmanaged browser, or Firefox without a policy): nothing is managed.
  }
  return managedSettingsFrom(raw);
}

/** The policy's values as read from storage, each checked as if the councillor had typed it. */
export function managedSettingsFrom(raw: Record<string, unknown>): ManagedSettings {
  const server = typeof raw.serverUrl === 'string' ? parseServerUrl(raw.serverUrl) : null;
  const defaultCaseId = typeof raw.defaultCaseId === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(raw.defaultCaseId) ? raw.defaultCaseId : null;
  return { serverUrl: server?.ok ? server.origin : null, defaultCaseId };
}
