import { textWidth, type ReportFont } from './fonts.ts';

/**
 * Printable text broken into lines no wider than `maxWidth` points. Words wrap at spaces;
 * a token wider than a whole line (a URL, a hash, 5,000 letters with no space) is cut
 * wherever it must, because running off the page would hide part of the evidence.
 */
export function wrapText(text: string, font: ReportFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  const space = textWidth(font, ' ', size);
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    let started = false;
    for (const word of paragraph.split(' ')) {
      const wordWidth = textWidth(font, word, size);
      const joined = started ? lineWidth + space + wordWidth : wordWidth;
      if (joined <= maxWidth) {
        line = started ? `${line} ${word}` : word;
        lineWidth = joined;
        started = true;
        continue;
      }
      if (started) lines.push(line);
      let rest = word;
      let restWidth = wordWidth;
      while (restWidth > maxWidth) {
        const cut = fittingPrefix(rest, font, size, maxWidth);
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
        restWidth = textWidth(font, rest, size);
      }
      line = rest;
      lineWidth = restWidth;
      started = true;
    }
    lines.push(line);
  }
  return lines;
}

/** How many leading characters fit in `maxWidth` (always at least one, so wrapping ends). */
function fittingPrefix(s: string, font: ReportFont, size: number, maxWidth: number): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    w += textWidth(font, s[i]!, size);
    if (w > maxWidth) return Math.max(1, i);
  }
  return s.length;
}
