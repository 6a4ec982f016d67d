import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceView } from '@wardguard/shared';
import type { browser } from 'wxt/browser';
import type { StatusView } from '../src/service/messages.ts';
import { buildExtension, launchWithExtension, type LoadedBrowser } from './chromium.ts';
import { startSite, type Site } from './site.ts';
import { startStack, type Stack } from './stack.ts';
import { startXvfb, type Display } from './x11.ts';

// Build: the PRODUCTION build (`wxt build`): activeTab, no host access until pairing grants the
// server's origin. Chromium runs headed on Xvfb, and every gesture is a real X input event sent
// with xdotool: the pairing dialog's buttons, the Alt+Shift+E command, the right-click menu.
// Nothing here calls wardguard.captureTab.

declare const chrome: typeof browser; // the service worker's global, inside sw.evaluate

let stack: Stack;
let site: Site;
let display: Display;
let b: LoadedBrowser & { profileDir: string };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const status = () => b.sw.evaluate(() => globalThis.wardguard!.status()) as Promise<StatusView>;
const grantedOrigins = () => b.sw.evaluate(() => chrome.permissions.getAll().then((p) => p.origins ?? []));
// The permission dialog is drawn inside the browser window (no X window of its own to wait
// for), and Chromium ignores its buttons for a moment after it appears (anti-clickjacking):
// so a fixed wait, generous for a busy 2-core machine.
const DIALOG_SETTLE_MS = 2_500;

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await sleep(250);
  }
}

async function storedItem(itemId: string): Promise<EvidenceView> {
  const { status: code, body } = await stack.api<EvidenceView>(`/api/v1/evidence/${itemId}`);
  expect(code).toBe(200);
  return body;
}

async function expectHashesMatch(item: EvidenceView) {
  for (const a of item.artifacts) {
    const bytes = (await stack.api<Uint8Array>(`/api/v1/evidence/${item.id}/artifacts/${a.id}`)).body;
    expect(sha256(bytes), a.name).toBe(a.sha256);
  }
}

/**
 * Opens a page of the local site in the front tab and gives the browser window keyboard focus.
 * The tab gets a title of its own first: the window's title is how we know the tab is the one
 * on screen, and two tests opening the same page would otherwise match the tab before it,
 * still closing, and right-click whatever the window showed next.
 */
async function openAndFocus(path: string) {
  const page = await b.context.newPage();
  await page.goto(`${site.url}${path}`);
  const title = `Wardguard test page ${path}`;
  await page.evaluate((t) => (document.title = t), title);
  await page.bringToFront();
  await display.focusWindow(`${title} - Chromium`);
  return page;
}

/** The receipt of the one capture of `url`, once the Worker acknowledged it. */
async function receiptFor(url: string) {
  const s = await waitFor(
    status,
    (v) => v.receipts.some((r) => r.url === url) || v.lastCaptureError !== null || v.queue.some((q) => q.url === url && q.state !== 'pending'),
  );
  expect(s.lastCaptureError).toBeNull();
  const receipt = s.receipts.find((r) => r.url === url);
  if (!receipt) throw new Error(`no receipt for ${url}: ${JSON.stringify(s)}`);
  return receipt;
}

beforeAll(async () => {
  const [dir, s, w, d] = await Promise.all([buildExtension('production'), startSite(), startStack(), startXvfb()]);
  site = s;
  stack = w;
  display = d;
  b = await launchWithExtension(dir, { display: display.name });
}, 400_000);

afterAll(async () => {
  await b?.close();
  await display?.close();
  await site?.close();
  await stack?.dispose();
});

describe('pairing in the production build', () => {
  it("asks for the server's origin only, pairs nothing when the councillor clicks Deny, and pairs when they click Allow", async () => {
    expect(await grantedOrigins()).toEqual([]);
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/options.html`);
    await page.fill('input[name=server]', `${stack.url}/dashboard`);
    await page.fill('input[name=token]', stack.token);
    await page.click('button[type=submit]');
    // Nothing on the page keeps focus, so a key that comes before the dialog cannot submit again.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await sleep(DIALOG_SETTLE_MS);
    await display.focusWindow('Wardguard options - Chromium');
    await display.key('Return'); // the dialog's default button is Deny
    await expect.poll(() => page.textContent('[data-testid=pair-message]')).toContain(`needs permission to talk to ${stack.url}`);
    expect(await grantedOrigins()).toEqual([]);
    expect((await status()).pairing).toBeNull();

    await page.click('button[type=submit]');
    // Tab could reach a field of the form, where Return would submit it: keep the form still
    // until the answer is in.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      for (const el of document.querySelectorAll<HTMLInputElement | HTMLButtonElement>('form input, form button')) el.tabIndex = -1;
    });
    await sleep(DIALOG_SETTLE_MS);
    await display.focusWindow('Wardguard options - Chromium');
    await display.key('Tab', 'Return'); // Allow
    await expect.poll(() => page.textContent('[data-testid=paired]')).toContain('Alice Brown');
    expect(await grantedOrigins()).toEqual([`${stack.url}/*`]);
    expect((await status()).pairing).toEqual({ serverUrl: stack.url, userName: 'Alice Brown' });
    await page.close();
  });
});

describe('capturing with activeTab only', () => {
  it('captures and files the page when the councillor presses Alt+Shift+E, with no access to the site beforehand', async () => {
    const url = `${site.url}/post?shortcut`;
    const page = await openAndFocus('/post?shortcut');
    expect(await grantedOrigins()).toEqual([`${stack.url}/*`]); // nothing for the site being captured
    await display.key('alt+shift+e');
    const receipt = await receiptFor(url);
    const item = await storedItem(receipt.itemId);
    const m = item.metadata as Record<string, any>;
    expect(m.trigger).toBe('shortcut');
    // The shortcut has no popup: the badge, tooltip and a notification say it was filed, and as what.
    await expect.poll(() => b.sw.evaluate(() => chrome.action.getBadgeText({}))).toBe('✓');
    const feedback = await b.sw.evaluate(() => globalThis.wardguardLastFeedback);
    expect(feedback?.notification.title).toBe(`Filed as ${receipt.exhibitRef}`);
    expect(m.post).toMatchObject({ authorHandle: 'angry_ratepayer', postId: '101' });
    expect(item.artifacts.map((a) => a.name)).toEqual(
      expect.arrayContaining(['viewport.png', 'full-page.png', 'full-page-annotated.png', 'post.png', 'page.html', 'page.mhtml']),
    );
    await expectHashesMatch(item);
    expect(await grantedOrigins()).toEqual([`${stack.url}/*`]); // activeTab is temporary, never a stored grant
    await page.close();
  });

  it('captures and files the page from the right-click menu item "Capture as evidence"', async () => {
    const url = `${site.url}/post?menu`;
    const page = await openAndFocus('/post?menu');
    // The shortcut's ✓ is cleared first, so the badge checked below is this capture's.
    await b.sw.evaluate(() => chrome.action.setBadgeText({ text: '' }));
    const before = await display.visibleWindows();
    await display.xdotool('mousemove', '--sync', '500', '450', 'click', '3');
    await display.waitForNewWindow(before); // the menu is a window of its own
    await sleep(500); // and takes keys once it has drawn its items
    // Chromium's page menu ends "…, Capture as evidence, ─, View page source, Inspect": Up from the bottom.
    await display.key('Up', 'Up', 'Up', 'Return');
    const receipt = await receiptFor(url);
    const item = await storedItem(receipt.itemId);
    expect((item.metadata as Record<string, any>).trigger).toBe('context-menu');
    // The menu has no popup either: the badge and a notification name the exhibit.
    await expect.poll(() => b.sw.evaluate(() => chrome.action.getBadgeText({}))).toBe('✓');
    expect((await b.sw.evaluate(() => globalThis.wardguardLastFeedback))?.notification.title).toBe(`Filed as ${receipt.exhibitRef}`);
    await expectHashesMatch(item);
    await page.close();
  });
});
