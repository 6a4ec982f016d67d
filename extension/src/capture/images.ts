// Canvas work for the background: OffscreenCanvas exists in Chrome's service worker and in
// Firefox's background page, so no offscreen document is needed.
import { layoutStrip } from './annotate-layout.ts';
import { cropBox } from './crop-box.ts';

export interface Shot {
  bitmap: ImageBitmap;
  /** CSS-pixel scroll offset the shot was taken at. */
  y: number;
}
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const ctx2d = (c: OffscreenCanvas): OffscreenCanvasRenderingContext2D => {
  const ctx = c.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas available for the screenshot');
  return ctx;
};

export const toPng = (c: OffscreenCanvas): Promise<Blob> => c.convertToBlob({ type: 'image/png' });

/** Stitches screens taken at increasing scroll offsets into one image `heightCss` tall. */
export function stitch(shots: Shot[], heightCss: number, scale: number): OffscreenCanvas {
  const width = shots[0]!.bitmap.width;
  const canvas = new OffscreenCanvas(width, Math.round(heightCss * scale));
  const ctx = ctx2d(canvas);
  for (const s of shots) ctx.drawImage(s.bitmap, 0, Math.round(s.y * scale));
  return canvas;
}

/** Cuts a CSS-pixel rectangle out of a stitched page; null when it lies outside what was captured. */
export function crop(source: OffscreenCanvas, rect: Rect, scale: number): OffscreenCanvas | null {
  const box = cropBox(rect, scale, source.width, source.height);
  if (!box) return null;
  const out = new OffscreenCanvas(box.width, box.height);
  ctx2d(out).drawImage(source, box.x, box.y, box.width, box.height, 0, 0, box.width, box.height);
  return out;
}

/** A copy of the image with a strip above it stamping URL and UTC time; the original is not touched. */
export function annotate(source: OffscreenCanvas, stamp: { url: string; capturedAt: string; tool: string }, scale: number): OffscreenCanvas {
  const measureCanvas = ctx2d(new OffscreenCanvas(1, 1));
  const measure = (s: string, fontPx: number) => {
    measureCanvas.font = `${fontPx}px sans-serif`;
    return measureCanvas.measureText(s).width;
  };
  const layout = layoutStrip(stamp, source.width, scale, measure);
  const out = new OffscreenCanvas(source.width, source.height + layout.heightPx);
  const ctx = ctx2d(out);
  ctx.fillStyle = '#111';
  ctx.fillRect(0, 0, out.width, layout.heightPx);
  ctx.fillStyle = '#fff';
  ctx.font = `${layout.fontPx}px sans-serif`;
  ctx.textBaseline = 'top';
  layout.lines.forEach((line, i) => ctx.fillText(line, layout.paddingPx, layout.paddingPx + i * layout.lineHeightPx));
  ctx.drawImage(source, 0, layout.heightPx);
  return out;
}
