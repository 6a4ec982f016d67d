export interface StripLayout {
  lines: string[];
  fontPx: number;
  lineHeightPx: number;
  paddingPx: number;
  heightPx: number;
}

/** Breaks text into lines no wider than `maxPx`, cutting long URLs anywhere (they have no spaces). */
export function wrapText(text: string, maxPx: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line !== '' && measure(line + ch) > maxPx) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * The stamp above an annotated screenshot: URL (wrapped, never truncated) and UTC capture time,
 * scaled with the image so it stays legible on high-DPI screenshots.
 */
export function layoutStrip(
  input: { url: string; capturedAt: string; tool: string },
  imageWidthPx: number,
  scale: number,
  measure: (s: string, fontPx: number) => number,
): StripLayout {
  const fontPx = Math.round(14 * scale);
  const paddingPx = Math.round(8 * scale);
  const lineHeightPx = Math.round(fontPx * 1.4);
  const maxPx = Math.max(fontPx * 4, imageWidthPx - 2 * paddingPx);
  const m = (s: string) => measure(s, fontPx);
  const lines = [...wrapText(`URL: ${input.url}`, maxPx, m), ...wrapText(`Captured (UTC): ${input.capturedAt}`, maxPx, m), ...wrapText(input.tool, maxPx, m)];
  return { lines, fontPx, lineHeightPx, paddingPx, heightPx: 2 * paddingPx + lines.length * lineHeightPx };
}
