import { describe, expect, it } from 'vitest';
import { layoutStrip, wrapText } from './annotate-layout.ts';

const mono = (s: string, fontPx = 10) => [...s].length * fontPx * 0.6;

describe('annotation strip', () => {
  it('shows the whole URL and the UTC time, wrapping a long URL over several lines instead of cutting it', () => {
    const url = `https://x.com/troll/status/${'1'.repeat(200)}`;
    const layout = layoutStrip({ url, capturedAt: '2026-11-23T21:00:00.000Z', tool: 'Wardguard 0.1.0' }, 800, 1, mono);
    expect(layout.lines.join('')).toContain(url);
    expect(layout.lines.some((l) => l === 'Captured (UTC): 2026-11-23T21:00:00.000Z')).toBe(true);
    for (const l of layout.lines) expect(mono(l, layout.fontPx)).toBeLessThanOrEqual(800 - 2 * layout.paddingPx);
    expect(layout.lines.length).toBeGreaterThan(3);
    expect(layout.heightPx).toBe(2 * layout.paddingPx + layout.lines.length * layout.lineHeightPx);
  });

  it('scales the text with high-DPI screenshots', () => {
    const one = layoutStrip({ url: 'https://a.example/', capturedAt: 't', tool: 'w' }, 800, 1, mono);
    const two = layoutStrip({ url: 'https://a.example/', capturedAt: 't', tool: 'w' }, 1600, 2, mono);
    expect(two.fontPx).toBe(2 * one.fontPx);
    expect(two.lines).toEqual(one.lines);
  });

  it('never loops or drops text on an absurdly narrow image', () => {
    expect(wrapText('abcdef', 1, (s) => s.length * 10)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(wrapText('', 100, (s) => s.length)).toEqual(['']);
  });
});
