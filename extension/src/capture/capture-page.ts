import { browser } from 'wxt/browser';
import { browserInfo, localTime } from '../lib/browser-info.ts';
import { sealArtifact, type SealedArtifact } from '../seal/artifact.ts';
import { manifestTitle } from '../seal/manifest.ts';
import type { CaptureDraft } from '../queue/types.ts';
import { shootFullPage, fullPageActions } from './full-page.ts';
import { annotate, crop, stitch, toPng } from './images.ts';
import { MAX_HEIGHT_PX, MAX_SCREENS } from './scroll-plan.ts';
import type { GestureHint } from './target.ts';
import { CaptureError, type TabDriver } from './tab-driver.ts';

export type Trigger = 'popup' | 'context-menu' | 'shortcut' | 'api';

export interface CaptureRequest extends GestureHint {
  trigger: Trigger;
  targetElementId?: number;
  caseId?: string | null;
  note?: string | null;
  /** `viewport`: only what is on screen, no scroll-and-stitch. Default: the full page too. */
  scope?: 'full-page' | 'viewport';
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

  // Viewport only: what is on screen, nothing scrolled. Full page: scroll, shoot, stitch.
  const full = req.scope === 'viewport' ? null : await shootFullPage(driver, page, viewportBitmap, bitmapOf);
  if (full) pageActions.push(...fullPageActions(page, full));
  const image = await step('stitching the full-page screenshot', () =>
    full ? stitch(full.shots, full.stitchedHeight, scale) : stitch([{ bitmap: viewportBitmap, y: 0 }], page.viewport.height, scale),
  );
  // The crop rectangle is in page coordinates; the viewport image starts at the scroll position.
  const cropRect = page.crop && !full ? { ...page.crop, x: page.crop.x - page.scroll.x, y: page.crop.y - page.scroll.y } : page.crop;
  const postCanvas = await step('cropping the post', () => (cropRect ? crop(image, cropRect, scale) : null));

  const manifest = browser.runtime.getManifest();
  const tool = `${manifest.name} ${manifest.version}`;
  const annotated = await step('stamping URL and time on the copy', () =>
    annotate(image, { url: page.url, capturedAt: capturedAtIso, tool: `Captured with ${tool}` }, scale),
  );
  const mhtml = await driver.mhtml();

  const artifacts: SealedArtifact[] = await step('hashing the files', async () => [
    await sealArtifact('viewport.png', 'image/png', viewportPng),
    ...(full ? [await sealArtifact('full-page.png', 'image/png', await toPng(image))] : []),
    await sealArtifact(full ? 'full-page-annotated.png' : 'viewport-annotated.png', 'image/png', await toPng(annotated)),
    ...(postCanvas ? [await sealArtifact('post.png', 'image/png', await toPng(postCanvas))] : []),
    await sealArtifact('page.html', 'text/html', page.html),
    ...(typeof mhtml !== 'string' ? [await sealArtifact('page.mhtml', 'multipart/related', mhtml)] : []),
  ]);

  const warnings = [...page.post.warnings];
  if (!full && cropRect && !postCanvas) {
    warnings.push('The post was not on screen, so there is no picture of it alone: capture the full page for it');
  } else if (
    !full &&
    cropRect &&
    (cropRect.x < 0 || cropRect.y < 0 || cropRect.x + cropRect.width > page.viewport.width || cropRect.y + cropRect.height > page.viewport.height)
  ) {
    warnings.push('The post was only partly on screen: post.png shows the part that was; capture the full page for all of it');
  }
  if (full?.plan.truncated) warnings.push(`Only the top ${full.plan.capturedHeight} px of a ${full.docHeightAfter} px page fit in the full-page screenshot`);
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
    scope: full ? 'full-page' : 'viewport',
    fullPage: full && {
      docHeightBefore: page.docHeight,
      docHeightAfter: full.docHeightAfter,
      lazyContentLoaded: full.docHeightAfter > page.docHeight,
      capturedHeight: full.stitchedHeight,
      screens: full.shots.length,
      truncated: full.plan.truncated,
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
