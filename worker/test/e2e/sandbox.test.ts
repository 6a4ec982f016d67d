// The frame quarantined HTML is shown in must hold on its own, without the sanitiser in front
// of it: the hostile demo email goes in UNSANITISED, through the dashboard's own frame
// attributes and frameDocument(), in real Chromium, and a trap server counts every request
// that gets out. A control frame without those defences proves the trap sees what escapes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { FRAME_ATTRIBUTES, frameDocument } from '../../dashboard/src/lib/sandboxed-frame.ts';
import { demoMails } from '../../../scripts/lib/demo-mail.ts';
import { freePort } from '../../../scripts/lib/free-port.ts';
import { launchChromium } from '../../../scripts/lib/chromium.ts';

let browser: Browser;
let trap: Server;
let trapOrigin: string;
let host: Server;
let hostOrigin: string;
const hits: string[] = [];

async function listen(server: Server): Promise<string> {
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return `http://127.0.0.1:${port}`;
}

beforeAll(async () => {
  trap = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('');
  });
  trapOrigin = await listen(trap);
  // A parent page with no CSP of its own, so only the frame's defences stand in the way.
  host = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end('<!doctype html><title>host</title><h1>host</h1>');
  });
  hostOrigin = await listen(host);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => trap?.close(r));
  await new Promise((r) => host?.close(r));
});

// Each test's hostile mail points at its own path on the trap, so a request still in flight
// from an earlier test's page cannot be counted against a later test.
const hostile = (test: string) => demoMails(`${trapOrigin}/${test}`).find((m) => m.key === 'hostile-html')!.html!;
const hitsOf = (test: string) => hits.filter((h) => h.startsWith(`/${test}/`)).map((h) => h.slice(test.length + 1));

/** Puts an iframe with these attributes and srcdoc in the host page; resolves once it has loaded. */
async function frame(page: Page, attrs: Record<string, string>, srcdoc: string): Promise<void> {
  await page.goto(`${hostOrigin}/`);
  await page.evaluate(() => {
    (window as unknown as { messages: number }).messages = 0;
    addEventListener('message', () => ((window as unknown as { messages: number }).messages += 1));
  });
  await page.evaluate(
    ({ attrs, srcdoc }) =>
      new Promise<void>((resolve) => {
        const f = document.createElement('iframe');
        for (const [k, v] of Object.entries(attrs)) f.setAttribute(k, v);
        f.addEventListener('load', () => resolve(), { once: true });
        f.srcdoc = srcdoc;
        document.body.append(f);
      }),
    { attrs, srcdoc },
  );
}
const messages = (page: Page) => page.evaluate(() => (window as unknown as { messages: number }).messages);

describe('the sandboxed frame, with no sanitiser in front of it', () => {
  it('sees escapes when the defences are missing (control: the trap works)', async () => {
    const page = await browser.newPage();
    await frame(page, {}, hostile('control'));
    await expect.poll(() => hitsOf('control').includes('/script-ran'), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => messages(page), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.close();
  });

  it('runs nothing and lets no request out when unsanitised hostile HTML goes through frameDocument in the dashboard frame', async () => {
    const page = await browser.newPage();
    // Chromium reports a request its CSP blocked as a request that failed before leaving; what
    // counts is a request that got an answer, or failed for any other reason (it may have left).
    const requests: string[] = [];
    const offPage = (url: string) => !url.startsWith(hostOrigin) && !url.startsWith('about:');
    page.on('requestfinished', (r) => {
      if (offPage(r.url())) requests.push(r.url());
    });
    page.on('requestfailed', (r) => {
      if (offPage(r.url()) && r.failure()?.errorText !== 'csp') requests.push(`${r.url()} (${r.failure()?.errorText ?? 'failed'})`);
    });
    await frame(page, FRAME_ATTRIBUTES, frameDocument(hostile('dashboard')));
    // Long enough for a script, an onload/onerror handler, a meta refresh or a stylesheet to fire.
    await page.waitForTimeout(2000);
    expect(hitsOf('dashboard')).toEqual([]);
    expect(requests).toEqual([]);
    expect(await messages(page)).toBe(0);
    await page.close();
  });

  it('runs no script even without the frame document CSP: the sandbox holds by itself', async () => {
    const page = await browser.newPage();
    await frame(page, FRAME_ATTRIBUTES, hostile('no-csp'));
    await page.waitForTimeout(2000);
    // Images may load without the CSP; anything only a script or handler could send must not.
    expect(hitsOf('no-csp').filter((h) => ['/script-ran', '/onload', '/onerror', '/svg'].includes(h))).toEqual([]);
    expect(await messages(page)).toBe(0);
    await page.close();
  });
});
