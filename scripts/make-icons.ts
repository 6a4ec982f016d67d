// `npx tsx scripts/make-icons.ts`: draws the extension's toolbar icons (a white shield on the
// dashboard's dark blue) into extension/public/icon/, where WXT picks them up. Re-run after a change.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rgbaPng } from '@wardguard/shared/testing/png';
import { ROOT } from './lib/wrangler.ts';

const BLUE: [number, number, number, number] = [29, 53, 87, 255];
const WHITE: [number, number, number, number] = [255, 255, 255, 255];
const CLEAR: [number, number, number, number] = [0, 0, 0, 0];

/** Inside a shield: straight top, straight sides, curving to a point at the bottom (unit square). */
function inShield(u: number, v: number, inset: number): boolean {
  const left = 0.18 + inset;
  const right = 0.82 - inset;
  const top = 0.14 + inset;
  if (v < top || u < left || u > right) return false;
  if (v < 0.55) return true;
  // Below the waist the half-width narrows to the point at v = 0.9 - inset.
  const bottom = 0.9 - inset;
  if (v > bottom) return false;
  const half = ((right - left) / 2) * Math.sqrt(1 - ((v - 0.55) / (bottom - 0.55)) ** 2);
  return Math.abs(u - 0.5) <= half;
}

function icon(size: number): Uint8Array {
  const r = size * 0.2;
  return rgbaPng(size, size, (x, y) => {
    // A rounded square background.
    const cx = Math.min(Math.max(x + 0.5, r), size - r);
    const cy = Math.min(Math.max(y + 0.5, r), size - r);
    if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 > r * r) return CLEAR;
    const u = (x + 0.5) / size;
    const v = (y + 0.5) / size;
    if (inShield(u, v, 0) && !inShield(u, v, size >= 48 ? 0.07 : 0.1)) return WHITE;
    if (inShield(u, v, size >= 48 ? 0.16 : 0.2)) return WHITE;
    return BLUE;
  });
}

const dir = join(ROOT, 'extension', 'public', 'icon');
mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(join(dir, `${size}.png`), icon(size));
console.log(`wrote ${dir}/{16,32,48,128}.png`);
