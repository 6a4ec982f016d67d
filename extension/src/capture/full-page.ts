import type { ProbeResult } from './page-agent.ts';
import type { Shot } from './images.ts';
import { MAX_SCREENS, planScroll, type ScrollPlan } from './scroll-plan.ts';
import type { TabDriver } from './tab-driver.ts';

export interface FullPageShots {
  shots: Shot[];
  plan: ScrollPlan;
  docHeightAfter: number;
  /** CSS px the stitched image covers. */
  stitchedHeight: number;
  hiddenFixed: number;
}

/**
 * Scrolls and shoots one screen at a time, then puts the page back where the councillor left it.
 * When the page is already at the top the viewport shot is the first screen (one captureVisibleTab,
 * and its rate-limit wait, fewer). Content that loads while scrolling extends the plan, within the
 * same limits.
 */
export async function shootFullPage(
  driver: TabDriver,
  page: ProbeResult,
  viewportShot: ImageBitmap,
  bitmapOf: (png: Uint8Array) => Promise<ImageBitmap>,
): Promise<FullPageShots> {
  const atTop = page.scroll.x === 0 && page.scroll.y === 0;
  const vh = page.viewport.height;
  let plan = planScroll(page.docHeight, vh);
  const shots: Shot[] = atTop ? [{ bitmap: viewportShot, y: 0 }] : [];
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
  const lastShot = shots[shots.length - 1];
  const stitchedHeight = Math.min(plan.capturedHeight, lastShot ? lastShot.y + vh : plan.capturedHeight);
  return { shots, plan, docHeightAfter, stitchedHeight, hiddenFixed };
}

/** The page actions a full-page capture took, in words for the exhibit. */
export function fullPageActions(page: ProbeResult, f: FullPageShots): string[] {
  const actions: string[] = [];
  if (f.shots.length > 1) actions.push(`Scrolled through ${f.shots.length} screens for the full-page screenshot, then back to where the page was`);
  if (f.docHeightAfter > page.docHeight)
    actions.push(`The page grew from ${page.docHeight} px to ${f.docHeightAfter} px while scrolling (more content loaded)`);
  if (f.hiddenFixed > 0)
    actions.push(`Hid ${f.hiddenFixed} fixed or sticky element(s) below the first screen so they are not repeated in the full-page screenshot`);
  return actions;
}
