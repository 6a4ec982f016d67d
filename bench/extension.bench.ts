// Click-to-sealed-bundle time of the browser extension in real Chromium (headless, test build):
// from the capture call to the signed bundle stored in IndexedDB (unpaired, so no upload is timed).
// Rows: a viewport-only capture (one screenshot, no scroll-and-stitch), the full pipeline on a
// one-screen page, and the full pipeline on a 10-screen page.
// Baseline in the same run: one bare captureVisibleTab of the same tab.
import type { browser } from 'wxt/browser';
import { buildExtension, launchWithExtension } from '../extension/test/chromium.ts';
import { startSite } from '../extension/test/site.ts';

declare const chrome: typeof browser;
const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  const dir = await buildExtension('test');
  const site = await startSite();
  const b = await launchWithExtension(dir);
  try {
    for (const [label, path, scope] of [
      ['viewport only (10-screen page, no scrolling)', '/ten-screens', 'viewport'],
      ['one-screen page (full pipeline)', '/no-post', 'full-page'],
      ['10-screen page (full page)', '/ten-screens', 'full-page'],
    ] as const) {
      const url = `${site.url}${path}`;
      const page = await b.context.newPage();
      await page.goto(url);
      await page.bringToFront();
      const captures: number[] = [];
      const bare: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = await b.sw.evaluate(
          async ([u, sc]) => {
            const [tab] = await chrome.tabs.query({ url: u });
            await new Promise((res) => setTimeout(res, 600)); // stay clear of Chrome's 2 shots/s limit
            const t0 = performance.now();
            await chrome.tabs.captureVisibleTab(tab!.windowId, { format: 'png' });
            const bareMs = performance.now() - t0;
            await new Promise((res) => setTimeout(res, 600));
            const t1 = performance.now();
            const outcome = await globalThis.wardguard!.captureTab(tab!, { trigger: 'api', scope: sc });
            const captureMs = performance.now() - t1;
            if (outcome.status === 'queued' || outcome.status === 'held') await globalThis.wardguard!.discard(outcome.bundleId);
            return { bareMs, captureMs, status: outcome.status };
          },
          [url, scope] as const,
        );
        if (r.status === 'failed') throw new Error(`capture failed on ${path}`);
        captures.push(r.captureMs);
        bare.push(r.bareMs);
      }
      const c = median(captures);
      const base = median(bare);
      console.log(
        `${label}: click-to-sealed ${c.toFixed(0)} ms (median of ${RUNS}); bare captureVisibleTab ${base.toFixed(0)} ms; ratio ${(c / base).toFixed(1)}×`,
      );
      await page.close();
    }
  } finally {
    await b.close();
    await site.close();
  }
}
