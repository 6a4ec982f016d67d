// Debian's Chromium (never `playwright install`, which downloads a browser of its own) for the
// harnesses that drive one: the dashboard's and the extension's browser tests and the benches.
// One binary and one set of flags, so a test and a bench see the same browser.
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Another build of Chromium can be named in CHROMIUM_PATH. */
const executablePath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * No sandbox (tests run as root in a container), no GPU, and no traffic of Chromium's own
 * (QUIC, sync, component updates, background fetches) to slow a test or reach the network.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium for pages; each test opens its own contexts in it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: executablePath(), headless: true, args: [...CHROMIUM_ARGS] });
}

export type ProfileOptions = NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>;

/**
 * Chromium on a profile folder, which an extension needs to be loaded; `options.args` come
 * on top of CHROMIUM_ARGS.
 *
 * @example
 *   const context = await launchChromiumProfile(dir, { headless: true, args: [`--load-extension=${ext}`] });
 */
export function launchChromiumProfile(profileDir: string, options: ProfileOptions = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, { ...options, executablePath: executablePath(), args: [...(options.args ?? []), ...CHROMIUM_ARGS] });
}
