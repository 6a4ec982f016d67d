import { browser } from 'wxt/browser';
import { browserInfo, localTime } from '../lib/browser-info.ts';
import { sealArtifact, type SealedArtifact } from '../seal/artifact.ts';
import { manifestTitle } from '../seal/manifest.ts';
import type { CaptureDraft } from '../queue/types.ts';
import { annotate, crop, stitch, toPng, type Shot } from './images.ts';
import { MAX_HEIGHT_PX, MAX_SCREENS, planScroll } from './scroll-plan.ts';
import type { GestureHint } from './target.ts';
import { CaptureError, type TabDriver } from './tab-driver.ts';

export type Trigger = 'popup' | 'context-menu' | 'shortcut' | 'api';

export interface CaptureRequest extends GestureHint {
  trigger: Trigger;
  targetElementId?: number;
  caseId?: string | null;
  note?: string | null;
}

/** Page states that make a capture look blank: held for the councillor to confirm. */
export const HOLD_STATES = new Set(['login_wall', 'unavailable']);

/** Names the step in any unexpected error, so "capture failed" always says where. */
async function step<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof CaptureError) throw e;
    throw new CaptureError('CAPTURE_FAILED', `Capture failed while ${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const bitmapOf = (png: Uint8Array) => createImageBitmap(new Blob([png as BlobPart], { type: 'image/png' }));

/**
 * One capture of the tab: viewport shot, scroll-and-stitch full page, post crop, annotated copy,
 * HTML, MHTML where the browser offers it, and the metadata that goes into the signed manifest.
 */
export async function capturePage(driver: TabDriver, req: CaptureRequest): Promise<{ draft: CaptureDraft; hold: boolean }> {
  const started = Date.now();
  await driver.inject();
  const pageActions = await step('expanding the post', () => driver.expand(req));
  const page = await step('reading the page', () => driver.probe(req));
  const capturedAt = new Date();
  const capturedAtIso = capturedAt.toISOString();

  const viewportPng = await driver.screenshot();
  const viewportBitmap = await bitmapOf(viewportPng);
  const scale = viewportBitmap.width / page.viewport.width;

  // Full page: scroll, shoot, stitch; then put the page back where the councillor left it. When
  // the page is already at the top the viewport shot is the first screen (one captureVisibleTab,
  // and its rate-limit wait, fewer). Content that loads while scrolling extends the plan, within
  // the same limits.
  const atTop = page.scroll.x === 0 && page.scroll.y === 0;
  const vh = page.viewport.height;
  let plan = planScroll(page.docHeight, vh);
  const shots: Shot[] = atTop ? [{ bitmap: viewportBitmap, y: 0 }] : [];
  let covered = atTop ? vh : 0; // CSS px from the top already on a shot
  let docHeightAfter = page.docHeight;
  let hiddenFixed = 0;
  try {
    while (covered < plan.capturedHeight && shots.length < MAX_SCREENS) {
      const at = await driver.scrollTo(Math.min(covered, plan.capturedHeight - vh));
      hiddenFixed = Math.max(hiddenFixed, at.hiddenFixed);
      shots.push({ bitmap: await bitmapOf(await driver.screenshot()), y: at.scrollY });
      if (at.docHeight > docHeightAfter) {
        docHeightAfter = at.docHeight;
        plan = planScroll(docHeightAfter, vh);
      }
      if (at.scrollY + vh <= covered) break; // the page would not scroll further
      covered = at.scrollY + vh;
    }
  } finally {
    await driver.restore(page.scroll.x, page.scroll.y).catch(() => undefined);
  }
  if (shots.length > 1) pageActions.push(`Scrolled through ${shots.length} screens for the full-page screenshot, then back to where the page was`);
  if (docHeightAfter > page.docHeight) pageActions.push(`The page grew from ${page.docHeight} px to ${docHeightAfter} px while scrolling (more content loaded)`);
  if (hiddenFixed > 0) pageActions.push(`Hid ${hiddenFixed} fixed or sticky element(s) below the first screen so they are not repeated in the full-page screenshot`);
  const lastShot = shots[shots.length - 1];
  const stitchedHeight = Math.min(plan.capturedHeight, lastShot ? lastShot.y + page.viewport.height : plan.capturedHeight);
  const fullPage = await step('stitching the full-page screenshot', () => stitch(shots, stitchedHeight, scale));
  const postCanvas = await step('cropping the post', () => (page.crop ? crop(fullPage, page.crop, scale) : null));

  const manifest = browser.runtime.getManifest();
  const tool = `${manifest.name} ${manifest.version}`;
  const annotated = await step('stamping URL and time on the copy', () => annotate(fullPage, { url: page.url, capturedAt: capturedAtIso, tool: `Captured with ${tool}` }, scale));
  const mhtml = await driver.mhtml();

  const artifacts: SealedArtifact[] = await step('hashing the files', async () => [
    await sealArtifact('viewport.png', 'image/png', viewportPng),
    await sealArtifact('full-page.png', 'image/png', await toPng(fullPage)),
    await sealArtifact('full-page-annotated.png', 'image/png', await toPng(annotated)),
    ...(postCanvas ? [await sealArtifact('post.png', 'image/png', await toPng(postCanvas))] : []),
    await sealArtifact('page.html', 'text/html', page.html),
    ...(typeof mhtml !== 'string' ? [await sealArtifact('page.mhtml', 'multipart/related', mhtml)] : []),
  ]);

  const warnings = [...page.post.warnings];
  if (plan.truncated) warnings.push(`Only the top ${plan.capturedHeight} px of a ${docHeightAfter} px page fit in the full-page screenshot`);
  const held = HOLD_STATES.has(page.post.pageState);
  if (held) {
    warnings.unshift(
      page.post.pageState === 'login_wall'
        ? 'The page shows a login wall, not the post: log in and capture again, or file it anyway with a note'
        : 'The page says the post is unavailable or removed: file it anyway with a note if that is itself evidence',
    );
  }

  const metadata = {
    url: page.url,
    canonicalUrl: page.canonicalUrl,
    pageTitle: page.title,
    capturedAtUtc: capturedAtIso,
    capturedAtLocal: localTime(capturedAt),
    browser: await browserInfo(),
    extension: { name: manifest.name, version: manifest.version },
    trigger: req.trigger,
    pageActions,
    viewport: page.viewport,
    fullPage: {
      docHeightBefore: page.docHeight,
      docHeightAfter,
      lazyContentLoaded: docHeightAfter > page.docHeight,
      capturedHeight: stitchedHeight,
      screens: shots.length,
      truncated: plan.truncated,
      limits: { maxScreens: MAX_SCREENS, maxHeightPx: MAX_HEIGHT_PX },
    },
    crop: page.crop,
    mhtml: typeof mhtml !== 'string' ? 'captured' : mhtml,
    post: page.post,
    warnings,
    captureDurationMs: Date.now() - started,
  };
  const draft: CaptureDraft = {
    title: manifestTitle(page.title, page.url),
    url: page.url,
    capturedAt: capturedAtIso,
    caseId: req.caseId ?? null,
    note: req.note ?? null,
    metadata,
    artifacts,
    warnings,
  };
  return { draft, hold: held };
}
