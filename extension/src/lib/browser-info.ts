import { browser } from 'wxt/browser';

export interface BrowserInfo {
  name: string;
  version: string;
  userAgent: string;
}

export interface Brand {
  brand: string;
  version: string;
}

// Chromium-based browsers name themselves in User-Agent Client Hints; their User-Agent string all says "Chrome".
const KNOWN_BRANDS = ['Google Chrome', 'Microsoft Edge', 'Opera', 'Brave', 'Vivaldi', 'Chromium'];

/** The browser's own name from `navigator.userAgentData.brands` (GREASE entries ignored), else from the User-Agent. */
export function nameBrowser(userAgent: string, brands: Brand[] | undefined): { name: string; version: string } {
  const uaVersion = /(?:Chrome|Chromium)\/([\d.]+)/.exec(userAgent)?.[1];
  for (const known of KNOWN_BRANDS) {
    const b = brands?.find((x) => x.brand === known);
    if (b) return { name: b.brand, version: uaVersion?.startsWith(`${b.version}.`) ? uaVersion : b.version };
  }
  // Edge and Opera append their own token after "Chrome/…".
  const own = /\b(Edg|OPR)\/([\d.]+)/.exec(userAgent);
  if (own) return { name: own[1] === 'Edg' ? 'Microsoft Edge' : 'Opera', version: own[2]! };
  return { name: 'Chromium', version: uaVersion ?? 'unknown' };
}

/** Which browser made the capture, for the exhibit's "with which tool" line. */
export async function browserInfo(): Promise<BrowserInfo> {
  const userAgent = navigator.userAgent;
  const runtime = browser.runtime as unknown as { getBrowserInfo?: () => Promise<{ name: string; version: string }> };
  if (runtime.getBrowserInfo) {
    const info = await runtime.getBrowserInfo();
    return { name: info.name, version: info.version, userAgent };
  }
  const brands = (navigator as { userAgentData?: { brands?: Brand[] } }).userAgentData?.brands;
  return { ...nameBrowser(userAgent, brands), userAgent };
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
