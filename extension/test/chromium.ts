// Real Chromium with the built extension loaded (headless), as in shared/docs/toolchain.md.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BrowserContext, Worker } from 'playwright-core';
import { launchChromiumProfile } from '../../scripts/lib/chromium.ts';

export const EXTENSION_ROOT = fileURLToPath(new URL('..', import.meta.url));
const WXT = join(EXTENSION_ROOT, '..', 'node_modules', '.bin', 'wxt');

const builds = new Map<string, Promise<string>>();
let lastBuild: Promise<unknown> = Promise.resolve(); // one wxt build at a time: they share .wxt/

export type BuildMode = 'production' | 'test' | 'firefox';

/**
 * Builds the extension once per mode and returns its folder. `test` is the production manifest
 * plus `<all_urls>`, so captureVisibleTab works from the service worker without a real user
 * gesture; `production` is what councillors install; `firefox` is `wxt build -b firefox --mv3`.
 */
export function buildExtension(mode: BuildMode = 'test'): Promise<string> {
  let b = builds.get(mode);
  if (!b) {
    const args = mode === 'firefox' ? ['build', '-b', 'firefox', '--mv3'] : ['build', '--mode', mode];
    const out = { production: 'chrome-mv3', test: 'chrome-mv3-test', firefox: 'firefox-mv3' }[mode];
    b = lastBuild
      .catch(() => undefined)
      .then(() => promisify(execFile)(WXT, args, { cwd: EXTENSION_ROOT, env: { ...process.env, NO_COLOR: '1' } }))
      .then(() => join(EXTENSION_ROOT, '.output', out));
    lastBuild = b;
    builds.set(mode, b);
  }
  return b;
}

export interface LoadedBrowser {
  context: BrowserContext;
  sw: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  viewport?: { width: number; height: number };
  /** Reuse a profile folder (a browser restart); it is then not deleted on close. */
  profileDir?: string;
  /** On a restart Chromium may leave the service worker asleep; opening an extension page wakes it. */
  extensionId?: string;
  /** Run headed on this X display (Xvfb) so xdotool can send real key presses; headless otherwise. */
  display?: string;
  /** The browser process's time zone (TZ), so the capture's local zone can be checked. */
  timeZone?: string;
}

async function waitForServiceWorker(context: BrowserContext, extensionId?: string): Promise<Worker> {
  const started = context.waitForEvent('serviceworker', { timeout: 60_000 });
  if (extensionId) {
    const woke = await Promise.race([started.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 3_000))]);
    if (!woke && context.serviceWorkers().length === 0) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      await page.close();
    }
  }
  return context.serviceWorkers()[0] ?? started;
}

export async function launchWithExtension(extensionDir: string, options: LaunchOptions = {}): Promise<LoadedBrowser & { profileDir: string }> {
  const viewport = options.viewport ?? { width: 1000, height: 700 };
  const profile = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'wardguard-profile-')));
  const context = await launchChromiumProfile(profile, {
    headless: !options.display,
    // Headed, the page gets the real window's size: an emulated viewport would not be what captureVisibleTab sees.
    viewport: options.display ? null : viewport,
    env: { ...process.env, ...(options.display ? { DISPLAY: options.display } : {}), ...(options.timeZone ? { TZ: options.timeZone } : {}) },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.display ? ['--window-position=0,0', `--window-size=${viewport.width},${viewport.height + 150}`] : []),
    ],
  });
  const sw = context.serviceWorkers()[0] ?? (await waitForServiceWorker(context, options.extensionId));
  const extensionId = new URL(sw.url()).host;
  // The background registers its global on start-up; wait for it.
  await sw.evaluate(async () => {
    for (let i = 0; i < 100 && !(globalThis as { wardguard?: unknown }).wardguard; i++) await new Promise((r) => setTimeout(r, 50));
  });
  return {
    context,
    sw,
    extensionId,
    profileDir: profile,
    async close() {
      await context.close();
      if (!options.profileDir) await rm(profile, { recursive: true, force: true });
    },
  };
}
