import type { Rect } from './images.ts';

/**
 * The part of a CSS-pixel rectangle that lies on an image `width` × `height` device pixels,
 * at `scale` device pixels per CSS pixel; null when less than 2 px of it is on the image.
 * Both edges are clipped, so a post that starts above the screen yields only its visible
 * part, never the post plus as much of the page below it.
 */
export function cropBox(rect: Rect, scale: number, width: number, height: number): Rect | null {
  const left = Math.max(0, Math.floor(rect.x * scale));
  const top = Math.max(0, Math.floor(rect.y * scale));
  const right = Math.min(width, Math.ceil((rect.x + rect.width) * scale));
  const bottom = Math.min(height, Math.ceil((rect.y + rect.height) * scale));
  if (right - left < 2 || bottom - top < 2) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}
