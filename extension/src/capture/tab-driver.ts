import { browser } from 'wxt/browser';
import { dataUrlToBytes } from '../lib/data-url.ts';
import type { GestureHint } from './target.ts';
import type { ProbeResult, ScrollResult } from './page-agent.ts';

export class CaptureError extends Error {
  override name = 'CaptureError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// Chrome allows two captureVisibleTab calls per second.
const CAPTURE_INTERVAL_MS = 520;
let lastCaptureAt = 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Talks to one tab: injects the page agent, asks it things, takes screenshots. */
export function createTabDriver(tabId: number, windowId: number) {
  async function run<T, A extends unknown[]>(func: (...args: A) => T | Promise<T>, args: A): Promise<T> {
    const [res] = await browser.scripting.executeScript({ target: { tabId }, func: func as never, args: args as never });
    if (!res) throw new CaptureError('PAGE_UNREACHABLE', 'The page did not answer.');
    return res.result as T;
  }

  function withTarget(hint: GestureHint & { targetElementId?: number }, what: 'expand'): Promise<string[]>;
  function withTarget(hint: GestureHint & { targetElementId?: number }, what: 'probe'): Promise<ProbeResult>;
  function withTarget(hint: GestureHint & { targetElementId?: number }, what: 'expand' | 'probe'): Promise<unknown> {
    return run<unknown, [GestureHint & { targetElementId?: number }, 'expand' | 'probe']>(
      (h, w) => {
        // Firefox only: the exact right-clicked element (`contextMenus` permission exposes it under that name).
        type Menus = { getTargetElement?: (id: number) => Element | null };
        const ff = (globalThis as { browser?: { menus?: Menus; contextMenus?: Menus } }).browser;
        const menus = ff?.menus ?? ff?.contextMenus;
        const targetElement = h.targetElementId != null && menus?.getTargetElement ? menus.getTargetElement(h.targetElementId) : null;
        const agent = globalThis.__wardguardAgent!;
        return w === 'expand' ? agent.expand({ ...h, targetElement }) : agent.probe({ ...h, targetElement });
      },
      [hint, what],
    );
  }

  return {
    async inject(): Promise<void> {
      try {
        await browser.scripting.executeScript({ target: { tabId }, files: ['/page-agent.js'] });
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new CaptureError(
          'PAGE_NOT_CAPTURABLE',
          `Wardguard cannot read this page (${why}). Browser pages, the extension store and PDF viewers are protected; open the post itself and try again.`,
        );
      }
    },
    /** Clicks the post's own "See more" buttons; the page actions taken. */
    expand(hint: GestureHint & { targetElementId?: number }): Promise<string[]> {
      return withTarget(hint, 'expand');
    },
    probe(hint: GestureHint & { targetElementId?: number }): Promise<ProbeResult> {
      return withTarget(hint, 'probe');
    },
    scrollTo(y: number): Promise<ScrollResult> {
      return run((top: number) => globalThis.__wardguardAgent!.scrollTo(top), [y]);
    },
    restore(x: number, y: number): Promise<void> {
      return run((left: number, top: number) => globalThis.__wardguardAgent!.restore(left, top), [x, y]);
    },
    /** PNG bytes of what is on screen now, respecting Chrome's rate limit. */
    async screenshot(): Promise<Uint8Array> {
      for (let tries = 0; ; tries++) {
        const wait = lastCaptureAt + CAPTURE_INTERVAL_MS - Date.now();
        if (wait > 0) await sleep(wait);
        lastCaptureAt = Date.now();
        try {
          return dataUrlToBytes(await browser.tabs.captureVisibleTab(windowId, { format: 'png' }));
        } catch (e) {
          const why = e instanceof Error ? e.message : String(e);
          if (/MAX_CAPTURE/i.test(why) && tries < 3) continue;
          throw new CaptureError(
            'SCREENSHOT_FAILED',
            `The browser refused the screenshot (${why}). Click the Wardguard button or use the shortcut on the page, then try again.`,
          );
        }
      }
    },
    /** MHTML bytes, or why there are none. Never fails the capture. */
    async mhtml(): Promise<Uint8Array | string> {
      const pc = (browser as unknown as { pageCapture?: { saveAsMHTML(o: { tabId: number }): Promise<Blob | undefined> } }).pageCapture;
      if (!pc) return 'This browser has no page archive (MHTML) support';
      let why = '';
      // Chrome backs the archive with a temporary file that is sometimes gone before it is read
      // ("A requested file or directory could not be found"): read it at once, and try again once.
      for (let tries = 0; tries < 2; tries++) {
        try {
          const blob = await pc.saveAsMHTML({ tabId });
          if (!blob || blob.size === 0) return 'The browser returned an empty page archive';
          return new Uint8Array(await blob.arrayBuffer());
        } catch (e) {
          why = e instanceof Error ? e.message : String(e);
        }
      }
      return `Page archive failed: ${why}`;
    },
  };
}
export type TabDriver = ReturnType<typeof createTabDriver>;
