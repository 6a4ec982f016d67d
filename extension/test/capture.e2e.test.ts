import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceView } from '@wardguard/shared';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { extractSavedPage } from '../src/extract/saved-page.ts';
import type { CaptureOutcome, StatusView } from '../src/service/messages.ts';
import { buildExtension, launchWithExtension, type LoadedBrowser } from './chromium.ts';
import { startSite, type Site } from './site.ts';
import { issueToken } from '../../scripts/lib/principals.ts';
import { startStack, type Stack } from './stack.ts';

// Build: `wxt build --mode test` = the production manifest plus `<all_urls>`, because headless
// Chromium has no real user gesture to grant activeTab (Playwright's synthetic keys do not count).
// Path: the service worker's capture entry point `wardguard.captureTab(tab, request)`, the same
// function the popup button, the context-menu item and the keyboard shortcut call.

declare const chrome: typeof browser; // the service worker's global, inside sw.evaluate

let stack: Stack;
let site: Site;
let b: LoadedBrowser & { profileDir: string };
let productionDir: string;
let testDir: string;
let firstKey: string | null = null;
// The browser process runs in this zone (TZ), so the capture's local zone is known; not the machine's.
const TIME_ZONE = 'Pacific/Auckland';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const pngHeight = (png: Uint8Array) => new DataView(png.buffer, png.byteOffset).getUint32(20);
type Meta = Record<string, any>;

async function setPairing(pairing: { serverUrl: string; token: string } | null) {
  await b.sw.evaluate((p) => chrome.storage.local.set({ pairing: p && { ...p, userName: 'Alice Brown' } }), pairing);
}

async function capture(path: string, extra: Record<string, unknown> = {}, prepare?: (page: Page) => Promise<void>): Promise<CaptureOutcome> {
  const url = `${site.url}${path}`;
  const page = await b.context.newPage();
  await page.goto(url);
  await page.bringToFront();
  await prepare?.(page);
  const outcome = await b.sw.evaluate(
    async ([u, req]) => {
      const [tab] = await chrome.tabs.query({ url: u });
      return globalThis.wardguard!.captureTab(tab!, { trigger: 'api', ...req });
    },
    [url, extra] as const,
  );
  await page.close();
  return outcome;
}

async function filed(path: string, extra: Record<string, unknown> = {}, prepare?: (page: Page) => Promise<void>) {
  const outcome = await capture(path, extra, prepare);
  if (outcome.status !== 'filed') throw new Error(`capture of ${path} was not filed: ${JSON.stringify(outcome)}`);
  return { outcome, item: await storedItem(outcome.receipt.itemId) };
}

const status = () => b.sw.evaluate(() => globalThis.wardguard!.status()) as Promise<StatusView>;

async function storedItem(itemId: string): Promise<EvidenceView> {
  const { status: code, body } = await stack.api<EvidenceView>(`/api/v1/evidence/${itemId}`);
  expect(code).toBe(200);
  return body;
}

async function artifactBytes(item: EvidenceView, name: string): Promise<Uint8Array> {
  const a = item.artifacts.find((x) => x.name === name);
  if (!a) throw new Error(`${name} not stored; have ${item.artifacts.map((x) => x.name).join(', ')}`);
  return (await stack.api<Uint8Array>(`/api/v1/evidence/${item.id}/artifacts/${a.id}`)).body;
}

async function expectHashesMatch(item: EvidenceView) {
  for (const a of item.artifacts) expect(sha256(await artifactBytes(item, a.name)), a.name).toBe(a.sha256);
}

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  const [dir, prod, s, w] = await Promise.all([buildExtension('test'), buildExtension('production'), startSite(), startStack()]);
  productionDir = prod;
  testDir = dir;
  site = s;
  stack = w;
  b = await launchWithExtension(dir, { timeZone: TIME_ZONE });
  await setPairing({ serverUrl: stack.url, token: stack.token });
}, 400_000);

afterAll(async () => {
  await b?.close();
  await site?.close();
  await stack?.dispose();
});

describe('pairing from the options page', () => {
  it('refuses a wrong token with a clear message and pairs with the right one, showing the councillor name', async () => {
    // Unpaired first: otherwise the pairing made in beforeAll would pass every check below.
    await setPairing(null);
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/options.html`);
    // Plain http to another machine is refused, and the page says why.
    await page.fill('input[name=server]', 'http://wardguard.example.gov.uk');
    await page.fill('input[name=token]', 'wg_not_a_real_token');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('[data-testid=pair-message]')).toContain('unencrypted');
    await page.fill('input[name=server]', `${stack.url}/dashboard`);
    await page.fill('input[name=token]', 'wg_not_a_real_token');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('[data-testid=pair-message]')).toContain('did not accept that token');
    expect((await b.sw.evaluate(() => chrome.storage.local.get('pairing'))).pairing ?? null).toBeNull();
    await page.fill('input[name=token]', stack.token);
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('[data-testid=pair-message]')).toBe('Paired as Alice Brown.');
    expect(await page.textContent('[data-testid=paired]')).toContain('Alice Brown');
    const stored = await b.sw.evaluate(() => chrome.storage.local.get('pairing'));
    // The /dashboard typed after the origin is dropped: the extension talks to the server's root.
    expect(stored.pairing).toMatchObject({ serverUrl: stack.url, token: stack.token, userName: 'Alice Brown' });
    await page.close();
  });
});

describe('choosing a case', () => {
  it('files captures to the default case chosen in Options', async () => {
    const created = await stack.api<{ id: string }>('/api/v1/cases', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Threats from angry_ratepayer' }),
    });
    expect(created.status).toBe(201);
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/options.html`);
    await expect.poll(() => page.locator('select[name=default-case] option').allTextContents()).toContain('Threats from angry_ratepayer');
    await page.selectOption('select[name=default-case]', created.body.id);
    await expect.poll(() => b.sw.evaluate(() => chrome.storage.local.get('defaultCaseId'))).toEqual({ defaultCaseId: created.body.id });
    await page.close();
    const { item } = await filed('/post?case');
    expect(item.caseId).toBe(created.body.id);
    await b.sw.evaluate(() => chrome.storage.local.remove('defaultCaseId'));
  });
});

describe('capturing in real Chromium', () => {
  it('files a post with screenshots, HTML, MHTML and the author, every file hash re-checked by the Worker', async () => {
    const { outcome, item } = await filed('/post');
    expect(outcome.receipt.exhibitRef).toMatch(new RegExp(`^${stack.initials}/\\d+$`));
    expect(outcome.receipt.signatureKeySha256).toMatch(/^[0-9a-f]{64}$/);
    firstKey = outcome.receipt.signatureKeySha256;
    expect(item.artifacts.map((a) => a.name).sort()).toEqual(
      ['full-page-annotated.png', 'full-page.png', 'page.html', 'page.mhtml', 'post.png', 'viewport.png'].sort(),
    );
    await expectHashesMatch(item);
    const html = new TextDecoder().decode(await artifactBytes(item, 'page.html'));
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('we know where you live');
    const full = await artifactBytes(item, 'full-page.png');
    const annotated = await artifactBytes(item, 'full-page-annotated.png');
    expect(pngHeight(full)).toBe(1484);
    expect(pngHeight(annotated)).toBeGreaterThan(pngHeight(full)); // strip added to a copy, original untouched
    const m = item.metadata as Meta;
    expect(m).toMatchObject({ url: `${site.url}/post`, canonicalUrl: 'https://social.example/@angry_ratepayer/101', mhtml: 'captured' });
    expect(m.pageActions).toEqual(['Scrolled through 3 screens for the full-page screenshot, then back to where the page was']);
    expect(m.post).toMatchObject({
      authorHandle: 'angry_ratepayer',
      authorId: '987654',
      postId: '101',
      postTimestamp: '2026-11-20T19:04:00.000Z',
      pageState: 'ok',
    });
    expect(m.post.postText).toContain('we know where you live');
    // One extractor: `npm run extract -- page.html --url <address>` on the filed HTML reads what the capture filed.
    const parse = (h: string) => parseHTML(h).document as unknown as Document;
    const saved = extractSavedPage(html, parse, { url: `${site.url}/post` });
    const fields = ['platform', 'authorHandle', 'authorDisplayName', 'authorId', 'postId', 'postTimestamp', 'postText'] as const;
    const pick = (p: Meta) => Object.fromEntries(fields.map((f) => [f, p[f]]));
    expect(pick(saved.metadata)).toEqual(pick(m.post));
    // The filed MHTML names its own address (Chromium leaves its scripts out, the post's JSON-LD with them).
    expect(extractSavedPage(new TextDecoder().decode(await artifactBytes(item, 'page.mhtml')), parse).source.url).toBe(`${site.url}/post`);
    expect(m.browser.name).toBe('Chromium');
    expect(m.capturedAtLocal.timeZone).toBe(TIME_ZONE);
    expect(m.capturedAtLocal.local).toMatch(/GMT\+1[23]:00$/); // NZST or NZDT, not the machine's UTC
    expect(m.fullPage).toMatchObject({ truncated: false, docHeightBefore: 1484, screens: 3 });
    expect(m.crop).toMatchObject({ source: 'first-post' });
  });

  it('files to the case picked in the popup with the note typed there, and shows the exhibit reference and server time', async () => {
    const created = await stack.api<{ id: string }>('/api/v1/cases', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Council Facebook page comments' }),
    });
    expect(created.status).toBe(201);
    const page = await b.context.newPage();
    await page.goto(`${site.url}/post?popup`);
    await page.bringToFront();
    // The toolbar popup cannot be clicked headless; the same popup page is opened as a popup window.
    const popupOpened = b.context.waitForEvent('page');
    await b.sw.evaluate((id) => chrome.windows.create({ url: `chrome-extension://${id}/popup.html`, type: 'popup', focused: false }), b.extensionId);
    const popup = await popupOpened;
    await expect.poll(() => popup.locator('select option').allTextContents()).toContain('Council Facebook page comments');
    await popup.selectOption('select', created.body.id);
    await popup.fill('textarea', 'Posted under my surgery announcement');
    await popup.click('button.capture');
    const text = await popup.locator('[data-testid=receipt]').textContent({ timeout: 60_000 });
    expect(text).toMatch(new RegExp(`Filed as exhibit ${stack.initials}/\\d+`));
    expect(text).toMatch(/Server time \d{4}-\d\d-\d\dT/);
    const rows = await stack.sql<{ id: string }>(
      `SELECT id FROM evidence_items WHERE json_extract(metadata, '$.url') = '${site.url}/post?popup' AND json_extract(metadata, '$.trigger') = 'popup'`,
    );
    expect(rows).toHaveLength(1);
    const item = await storedItem(rows[0]!.id);
    expect(item.caseId).toBe(created.body.id);
    expect((item.metadata as Meta).note).toBe('Posted under my surgery announcement');
    await popup.close();
    await page.close();
  });

  it('opens the post\'s own "See more", records it, and records the page growing and the fixed header hidden while scrolling', async () => {
    const { item } = await filed('/lazy');
    const m = item.metadata as Meta;
    expect(m.pageActions[0]).toBe('Clicked "See more" inside the post to show its full text'); // not "Like", not the "Show more" link
    expect(m.pageActions).toHaveLength(4);
    expect(m.pageActions[1]).toMatch(/^Scrolled through \d+ screens/);
    expect(m.pageActions[2]).toBe(
      `The page grew from ${m.fullPage.docHeightBefore} px to ${m.fullPage.docHeightAfter} px while scrolling (more content loaded)`,
    );
    expect(m.pageActions[3]).toBe('Hid 1 fixed or sticky element(s) below the first screen so they are not repeated in the full-page screenshot');
    expect(m.fullPage.lazyContentLoaded).toBe(true);
    expect(m.fullPage.docHeightAfter).toBe(m.fullPage.docHeightBefore + 2_000); // both loaded batches
    expect(m.fullPage.capturedHeight).toBe(m.fullPage.docHeightAfter); // the plan grew with the page
    expect(pngHeight(await artifactBytes(item, 'full-page.png'))).toBe(m.fullPage.docHeightAfter);
    expect(new TextDecoder().decode(await artifactBytes(item, 'page.html'))).toContain('We know your car');
    await expectHashesMatch(item);
  });

  it('files only the screen for a viewport-only capture: no scrolling, no full-page image', async () => {
    const { item } = await filed('/ten-screens', { scope: 'viewport' });
    const m = item.metadata as Meta;
    expect(item.artifacts.map((a) => a.name).sort()).toEqual(['page.html', 'page.mhtml', 'viewport-annotated.png', 'viewport.png']);
    expect(m).toMatchObject({ scope: 'viewport', fullPage: null, pageActions: [] });
    expect(pngHeight(await artifactBytes(item, 'viewport.png'))).toBe(700);
    await expectHashesMatch(item);
  });

  it('crops a post the reader has half scrolled past to the part on screen, and says so', async () => {
    let post = { top: 0, height: 0 };
    const { item } = await filed('/post?partly-scrolled', { scope: 'viewport' }, async (page) => {
      post = await page.locator('#post').evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { top: r.top + scrollY, height: r.height };
      });
      // Half the post above the top of the screen.
      await page.evaluate((y) => scrollTo(0, y), Math.round(post.top + post.height / 2));
      await page.waitForFunction((y) => Math.round(scrollY) === y, Math.round(post.top + post.height / 2));
    });
    const m = item.metadata as Meta;
    expect(m.scope).toBe('viewport');
    const shown = Math.ceil(post.top + post.height) - Math.round(post.top + post.height / 2);
    // Only the visible half, not the post's height taken from the top of the screen.
    expect(Math.abs(pngHeight(await artifactBytes(item, 'post.png')) - shown)).toBeLessThanOrEqual(1);
    expect(m.warnings.join(' ')).toContain('only partly on screen');
    await expectHashesMatch(item);
  });

  it('still captures a page whose Content-Security-Policy forbids all scripts', async () => {
    const { item } = await filed('/csp');
    const m = item.metadata as Meta;
    expect(m.pageTitle).toBe('Strict CSP post'); // the page's own script was blocked
    expect(new TextDecoder().decode(await artifactBytes(item, 'page.html'))).toContain('You should resign');
    expect(item.artifacts.map((a) => a.name)).toEqual(expect.arrayContaining(['viewport.png', 'full-page.png', 'post.png']));
    await expectHashesMatch(item);
  });

  it('cuts a 50,000 px page at 20 screens and says so on the exhibit', async () => {
    const { outcome, item } = await filed('/tall');
    const m = item.metadata as Meta;
    expect(m.fullPage).toMatchObject({ truncated: true, screens: 20, capturedHeight: 14_000, docHeightBefore: 50_000 });
    expect(pngHeight(await artifactBytes(item, 'full-page.png'))).toBe(14_000);
    expect(outcome.warnings.join(' ')).toContain('Only the top 14000 px of a 50000 px page');
  }, 120_000);

  it('files a page with no post with generic metadata and a warning, without a post crop', async () => {
    const { outcome, item } = await filed('/no-post');
    const m = item.metadata as Meta;
    expect(m.post.pageState).toBe('no_post');
    expect(outcome.warnings.length).toBeGreaterThan(0);
    expect(item.artifacts.some((a) => a.name === 'post.png')).toBe(false);
    expect(m.pageTitle).toBe('Bin collection days');
  });

  it("holds a login-wall capture instead of filing it blank, then files it with the councillor's note", async () => {
    const outcome = await capture('/login');
    if (outcome.status !== 'held') throw new Error(`expected held, got ${JSON.stringify(outcome)}`);
    expect(outcome.warnings[0]).toContain('login wall');
    // This page only: the popup test files its own copy of the login page under another address.
    const before = await stack.sql<{ n: number }>(
      `SELECT COUNT(*) AS n FROM evidence_items WHERE title = 'Log in to continue' AND json_extract(metadata, '$.url') = '${site.url}/login'`,
    );
    expect(before[0]!.n).toBe(0);
    expect((await status()).queue.find((q) => q.id === outcome.bundleId)?.state).toBe('awaiting_confirmation');
    const confirmed = await b.sw.evaluate(([id]) => globalThis.wardguard!.confirm(id, 'The post was there before the site logged me out'), [
      outcome.bundleId,
    ] as const);
    if (confirmed.status !== 'filed') throw new Error(`not filed: ${JSON.stringify(confirmed)}`);
    const item = await storedItem(confirmed.receipt.itemId);
    expect((item.metadata as Meta).note).toBe('The post was there before the site logged me out');
    expect((item.metadata as Meta).post.pageState).toBe('login_wall');
  });
});

describe('the popup, in a browser profile of its own', () => {
  // Its own Chromium, profile folder (deleted on close), install key and token: the capture it
  // holds and files cannot be left in the main browser's queue, which the tests below count.
  it('keeps the note typed in the popup when a capture is held, files the edited note once, and leaves nothing waiting or warning', async () => {
    const own = await launchWithExtension(testDir, { timeZone: TIME_ZONE });
    try {
      // A token of its own: the main browser's token is pinned to the main browser's install key.
      const { token } = await issueToken({ persistTo: stack.persistTo }, stack.userId, 'popup e2e');
      await own.sw.evaluate((p) => chrome.storage.local.set({ pairing: { ...p, userName: 'Alice Brown' } }), { serverUrl: stack.url, token });
      const url = `${site.url}/login?popup-held`;
      const page = await own.context.newPage();
      await page.goto(url);
      await page.bringToFront();
      // The toolbar popup cannot be clicked headless; the same popup page is opened as a popup window.
      const popupOpened = own.context.waitForEvent('page');
      await own.sw.evaluate((id) => chrome.windows.create({ url: `chrome-extension://${id}/popup.html`, type: 'popup', focused: false }), own.extensionId);
      const popup = await popupOpened;
      await popup.locator('textarea').first().fill('He posted this after the surgery');
      await popup.click('button.capture');
      const held = popup.locator('[data-testid=held]');
      await held.waitFor({ timeout: 60_000 });
      expect(await held.textContent()).toContain('login wall');
      // The held form starts from the note already typed, to edit, not an empty box that replaces it.
      await expect.poll(() => held.locator('textarea').inputValue()).toBe('He posted this after the surgery');
      // While held it is listed as waiting, so the check after filing can fail.
      await expect.poll(() => popup.getByText(/Waiting in this browser \(1\)/).count()).toBe(1);
      // The councillor adds a second note in the held form before filing.
      await held.locator('textarea').press('End');
      await held.locator('textarea').pressSequentially('; it was up for an hour before the site logged me out');
      await held.getByRole('button', { name: 'File anyway' }).click();
      const receipt = popup.locator('[data-testid=receipt]');
      await receipt.waitFor({ timeout: 60_000 });
      expect(await receipt.textContent()).toMatch(new RegExp(`Filed as exhibit ${stack.initials}/\\d+`));
      // The green box does not keep showing the login-wall warning the councillor already answered.
      expect(await receipt.getByText(/login wall/).isVisible()).toBe(false);
      expect(await popup.locator('[data-testid=held]').count()).toBe(0);
      const rows = await stack.sql<{ id: string }>(`SELECT id FROM evidence_items WHERE json_extract(metadata, '$.url') = '${url}'`);
      expect(rows).toHaveLength(1);
      const m = (await storedItem(rows[0]!.id)).metadata as Meta;
      expect(m.note).toBe('He posted this after the surgery; it was up for an hour before the site logged me out');
      expect(m.post.pageState).toBe('login_wall');
      // The list of captures waiting is refreshed: nothing is left "waiting" for the one just filed.
      await expect.poll(() => popup.getByText(/Waiting in this browser/).count()).toBe(0);
      expect(((await own.sw.evaluate(() => globalThis.wardguard!.status())) as StatusView).queue).toEqual([]);
      await popup.close();
      await page.close();
    } finally {
      await own.close();
    }
  }, 180_000); // a browser of its own to start, and two captures' worth of waiting on a busy machine
});

describe('never losing a capture', () => {
  it('keeps a capture taken while the server is down, through a browser restart, and delivers it exactly once when the server is back', async () => {
    await stack.stop();
    const outcome = await capture('/post?offline');
    if (outcome.status !== 'queued') throw new Error(`expected queued, got ${JSON.stringify(outcome)}`);
    expect(outcome.lastError?.code).toBe('NETWORK');
    const waiting = await status();
    expect(waiting.queue).toMatchObject([{ id: outcome.bundleId, state: 'pending', attempts: 1, lastError: { code: 'NETWORK' } }]);
    const alarm = await b.sw.evaluate(() => chrome.alarms.get('wardguard-flush'));
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now() + 20_000);

    // The popup says what is waiting and why.
    const popup = await b.context.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
    await expect.poll(() => popup.textContent('[data-testid=pending]')).toContain('Not sent yet');
    await popup.close();

    // Quit and restart the browser while the server is still down: the capture is still there.
    const profileDir = b.profileDir;
    await b.context.close();
    const relaunched = await launchWithExtension(testDir, { profileDir, extensionId: b.extensionId });
    b = { ...relaunched, close: () => relaunched.close().then(() => rm(profileDir, { recursive: true, force: true })) };
    const restarted = await status();
    expect(restarted.queue).toMatchObject([{ id: outcome.bundleId, state: 'pending' }]);

    await stack.start();
    // Bring the back-off alarm forward instead of waiting 30 s: the real alarm listener sends it.
    await b.sw.evaluate(() => chrome.alarms.create('wardguard-flush', { when: Date.now() + 100 }));
    const after = await waitFor(status, (s) => s.queue.length === 0);
    expect(after.queue).toEqual([]);
    const receipt = after.receipts.find((r) => r.bundleId === outcome.bundleId);
    expect(receipt?.duplicate).toBe(false);
    expect(receipt?.signatureKeySha256).toBe(firstKey); // the same install key after the restart
    await b.sw.evaluate(() => globalThis.wardguard!.flush(true)); // a later wake-up sends nothing again
    const rows = await stack.sql<{ n: number }>(`SELECT COUNT(*) AS n FROM evidence_items WHERE idempotency_key = '${outcome.bundleId}'`);
    expect(rows[0]!.n).toBe(1);
    await expectHashesMatch(await storedItem(receipt!.itemId));
  }, 180_000);

  it('keeps a bundle whose file changed after hashing as "needs attention" when the Worker refuses it (HASH_MISMATCH)', async () => {
    await setPairing(null);
    const outcome = await capture('/post?tampered');
    if (outcome.status !== 'queued') throw new Error(`expected queued, got ${JSON.stringify(outcome)}`);
    await b.sw.evaluate(
      async ([id]) => {
        const q = globalThis.wardguard!.queue;
        const [bundle] = (await q.list()).filter((x) => x.id === id);
        const html = bundle!.draft.artifacts.find((a) => a.name === 'page.html')!;
        const text = new TextDecoder().decode(html.bytes);
        html.bytes = new TextEncoder().encode(text.replace('we know where you live', 'we know where you LIVE')); // same length, other bytes
        // Write the altered bundle straight back into IndexedDB, as corruption would.
        await new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('wardguard');
          open.onsuccess = () => {
            const tx = open.result.transaction('bundles', 'readwrite');
            tx.objectStore('bundles').put(bundle, bundle!.id);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        });
      },
      [outcome.bundleId] as const,
    );
    await setPairing({ serverUrl: stack.url, token: stack.token });
    await b.sw.evaluate(() => globalThis.wardguard!.flush(true));
    await b.sw.evaluate(() => globalThis.wardguard!.flush(true));
    const s = await status();
    const refused = s.queue.find((q) => q.id === outcome.bundleId);
    expect(refused).toMatchObject({ state: 'needs_attention', lastError: { code: 'HASH_MISMATCH', status: 422 } });
    expect(refused!.attempts).toBe(2); // the NOT_PAIRED try, then the refusal; no retry after that
    const rows = await stack.sql<{ n: number }>(`SELECT COUNT(*) AS n FROM evidence_items WHERE idempotency_key = '${outcome.bundleId}'`);
    expect(rows[0]!.n).toBe(0);
    const popup = await b.context.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
    await expect.poll(() => popup.textContent('[data-testid=pending]')).toContain('Needs attention');
    await popup.close();
    await b.sw.evaluate(([id]) => globalThis.wardguard!.discard(id), [outcome.bundleId] as const);
  });
});

describe('a token used from a second install', () => {
  it('keeps the capture as "needs attention" when the server refuses the other install key (SIGNATURE_KEY_CHANGED) and tells the councillor to pair again', async () => {
    // Same token as the main browser (whose key the server pinned at its first capture), new profile = new install key.
    const other = await launchWithExtension(testDir);
    try {
      await other.sw.evaluate((p) => chrome.storage.local.set({ pairing: { ...p, userName: 'Alice Brown' } }), { serverUrl: stack.url, token: stack.token });
      const page = await other.context.newPage();
      await page.goto(`${site.url}/post?second-install`);
      await page.bringToFront();
      const outcome = await other.sw.evaluate(async (u) => {
        const [tab] = await chrome.tabs.query({ url: u });
        return globalThis.wardguard!.captureTab(tab!, { trigger: 'api' });
      }, `${site.url}/post?second-install`);
      if (outcome.status !== 'queued') throw new Error(`expected queued, got ${JSON.stringify(outcome)}`);
      expect(outcome.lastError).toMatchObject({ code: 'SIGNATURE_KEY_CHANGED', status: 403 });
      const s = (await other.sw.evaluate(() => globalThis.wardguard!.status())) as StatusView;
      expect(s.queue).toMatchObject([{ id: outcome.bundleId, state: 'needs_attention' }]);
      const popup = await other.context.newPage();
      await popup.goto(`chrome-extension://${other.extensionId}/popup.html`);
      await expect.poll(() => popup.textContent('[data-testid=pending]')).toContain('Ask your council for a new token, pair again in Options');
      expect(await popup.locator('[data-testid=pending] button', { hasText: 'Pair again' }).count()).toBe(1);
      const rows = await stack.sql<{ n: number }>(`SELECT COUNT(*) AS n FROM evidence_items WHERE idempotency_key = '${outcome.bundleId}'`);
      expect(rows[0]!.n).toBe(0);
    } finally {
      await other.close();
    }
  });
});

describe('the production build', () => {
  it('asks for no site access beyond the active tab and the paired server', async () => {
    const manifest = JSON.parse(await readFile(join(productionDir, 'manifest.json'), 'utf8'));
    expect(manifest.permissions.sort()).toEqual(
      ['activeTab', 'alarms', 'contextMenus', 'notifications', 'pageCapture', 'scripting', 'storage', 'unlimitedStorage'].sort(),
    );
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.commands['capture-evidence']).toBeTruthy();
    // An icon of its own, and a policy schema council IT can pre-configure it with.
    expect(Object.keys(manifest.icons ?? {}).sort()).toEqual(['128', '16', '32', '48']);
    expect(manifest.storage).toEqual({ managed_schema: 'managed-schema.json' });
    const schema = JSON.parse(await readFile(join(productionDir, 'managed-schema.json'), 'utf8'));
    expect(Object.keys(schema.properties).sort()).toEqual(['defaultCaseId', 'serverUrl']);
  });

  it('opens its options page by itself on a new install, so the councillor can pair', async () => {
    const fresh = await launchWithExtension(productionDir);
    try {
      await expect.poll(() => fresh.context.pages().map((p) => p.url())).toContain(`chrome-extension://${fresh.extensionId}/options.html`);
    } finally {
      await fresh.close();
    }
  });

  it('without a click on the extension, refuses to capture with a message saying what to do, and queues nothing', async () => {
    const prod = await launchWithExtension(productionDir);
    try {
      const page = await prod.context.newPage();
      await page.goto(`${site.url}/post`);
      await page.bringToFront();
      const outcome = await prod.sw.evaluate(async () => {
        // Without the tabs permission URLs are hidden: the newest tab is the page just opened.
        const [newest] = (await chrome.tabs.query({})).sort((a, c) => c.id! - a.id!);
        return globalThis.wardguard!.captureTab(newest!, { trigger: 'api' });
      });
      if (outcome.status !== 'failed') throw new Error(`expected a refusal, got ${JSON.stringify(outcome)}`);
      expect(outcome.code).toBe('PAGE_NOT_CAPTURABLE');
      expect(outcome.message).toMatch(/Wardguard cannot read this page \(.*permission/);
      expect((await prod.sw.evaluate(() => globalThis.wardguard!.status())).queue).toEqual([]);
    } finally {
      await prod.close();
    }
  });
});
