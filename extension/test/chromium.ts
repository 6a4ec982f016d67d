// Real Chromium with the built extension loaded (headless), as in shared/docs/toolchain.md.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const EXTENSION_ROOT = fileURLToPath(new URL('..', import.meta.url));
const WXT = join(EXTENSION_ROOT, '..', 'node_modules', '.bin', 'wxt');

const builds = new Map<string, Promise<string>>();
let lastBuild: Promise<unknown> = Promise.resolve(); // one wxt build at a time: they share .wxt/

/**
 * Builds the extension once per mode. `test` is the production manifest plus `<all_urls>`, so
 * captureVisibleTab works from the service worker without a real user gesture.
 */
export function buildExtension(mode: 'production' | 'test' = 'test'): Promise<string> {
  let b = builds.get(mode);
  if (!b) {
    b = lastBuild
      .catch(() => undefined)
      .then(() => promisify(execFile)(WXT, ['build', '--mode', mode], { cwd: EXTENSION_ROOT, env: { ...process.env, NO_COLOR: '1' } }))
      .then(() => join(EXTENSION_ROOT, '.output', mode === 'production' ? 'chrome-mv3' : `chrome-mv3-${mode}`));
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
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
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
