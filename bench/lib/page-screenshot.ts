// A browser-like full-page screenshot for the export bench: a white page of grey "text" lines,
// a coloured header and boxes, different for every seed, RGBA and opaque as a browser's canvas
// writes it, each row Sub-, Up- or Paeth-filtered as an adaptive encoder would, compressed by
// zlib. Unlike a flat colour it is hundreds of KB and inflates like a real page.
import { rgbaPng, type RowFilter, type Rgba } from '@wardguard/shared/testing/png';

export function pageScreenshot(width: number, height: number, seed: number): Uint8Array {
  // xorshift32: a long period, so no two lines or pages repeat.
  let state = Math.imul(seed + 1, 2654435761) >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
  const stride = width * 4;
  const rgba = new Uint8Array(height * stride).fill(255);
  const fill = (x0: number, y0: number, w: number, h: number, rgb: number[]) => {
    for (let y = y0; y < Math.min(height, y0 + h); y++) for (let x = x0; x < Math.min(width, x0 + w); x++) rgba.set(rgb, y * stride + x * 4);
  };
  fill(0, 0, width, 64, [29, 155, 240]);
  for (let y = 96; y < height - 24; y += 22) {
    if (random() < 0.08) {
      fill(40, y, width - 80, 180, [Math.floor(random() * 255), Math.floor(random() * 255), Math.floor(random() * 255)]);
      y += 180;
      continue;
    }
    // A line of words: runs of dark pixels with gaps, anti-aliased at random.
    const end = 40 + Math.floor(random() * (width - 120));
    for (let x = 40; x < end; x++) {
      if (random() < 0.18) continue;
      for (let dy = 0; dy < 12; dy++) if (random() < 0.55) rgba.set([20 + dy * 8, 20 + dy * 8, 24 + dy * 8], (y + dy) * stride + x * 4);
    }
  }
  // Each row Sub, Up or Paeth, as an adaptive encoder would choose.
  const filters: RowFilter[] = [1, 2, 4];
  return rgbaPng(width, height, (x, y) => Array.from(rgba.subarray(y * stride + x * 4, y * stride + x * 4 + 4)) as Rgba, {
    rowFilter: (y) => filters[y % 3]!,
  });
}
