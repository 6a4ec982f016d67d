export const MAX_SCREENS = 20;
export const MAX_HEIGHT_PX = 32_000;

export interface ScrollPlan {
  /** CSS-pixel scroll offsets to capture, top first. */
  positions: number[];
  /** How much of the page the stitched image will cover, in CSS pixels. */
  capturedHeight: number;
  truncated: boolean;
}

/**
 * Where to scroll for a full-page capture: one screen at a time, stopping at 20 screens or
 * 32,000 px (whichever comes first) and saying so, so a 50,000 px page still gives evidence.
 */
export function planScroll(docHeight: number, viewportHeight: number, limits = { maxScreens: MAX_SCREENS, maxHeightPx: MAX_HEIGHT_PX }): ScrollPlan {
  const vh = Math.max(1, Math.floor(viewportHeight));
  const full = Math.max(vh, Math.ceil(docHeight));
  const capturedHeight = Math.min(full, limits.maxHeightPx, limits.maxScreens * vh);
  const positions: number[] = [];
  for (let y = 0; y < capturedHeight; y += vh) positions.push(Math.min(y, Math.max(0, capturedHeight - vh)));
  return { positions, capturedHeight, truncated: capturedHeight < full };
}
