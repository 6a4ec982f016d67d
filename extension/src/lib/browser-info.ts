import { browser } from 'wxt/browser';

export interface BrowserInfo {
  name: string;
  version: string;
  userAgent: string;
}

/** Which browser made the capture, for the exhibit's "with which tool" line. */
export async function browserInfo(): Promise<BrowserInfo> {
  const userAgent = navigator.userAgent;
  const runtime = browser.runtime as unknown as { getBrowserInfo?: () => Promise<{ name: string; version: string }> };
  if (runtime.getBrowserInfo) {
    const info = await runtime.getBrowserInfo();
    return { name: info.name, version: info.version, userAgent };
  }
  const m = /(Edg|OPR|Chrome|Chromium)\/([\d.]+)/.exec(userAgent);
  const name = m?.[1] === 'Edg' ? 'Edge' : m?.[1] === 'OPR' ? 'Opera' : 'Chromium';
  return { name, version: m?.[2] ?? 'unknown', userAgent };
}

/** `2026-11-23T21:00:00.000Z` shown in the councillor's own zone with its offset, e.g. `2026-11-23 21:00:00 GMT`. */
export function localTime(date: Date, timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone): { timeZone: string; local: string } {
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZoneName: 'longOffset',
  }).format(date);
  return { timeZone, local };
}
