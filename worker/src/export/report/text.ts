/**
 * Making arbitrary text printable with the PDF standard fonts, which only know the 218
 * characters of WinAnsi (Windows-1252). Abusive posts are full of emoji, other scripts,
 * look-alike letters and invisible characters; none of them may stop a report, and none may
 * change what the printed text appears to say without the reader being told.
 */
import { INVISIBLE, REORDERING } from '@wardguard/shared/text/invisible';

/** The Windows-1252 characters outside Latin-1, with their byte codes. */
const CP1252_EXTRA: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80],
  [0x201a, 0x82],
  [0x0192, 0x83],
  [0x201e, 0x84],
  [0x2026, 0x85],
  [0x2020, 0x86],
  [0x2021, 0x87],
  [0x02c6, 0x88],
  [0x2030, 0x89],
  [0x0160, 0x8a],
  [0x2039, 0x8b],
  [0x0152, 0x8c],
  [0x017d, 0x8e],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x02dc, 0x98],
  [0x2122, 0x99],
  [0x0161, 0x9a],
  [0x203a, 0x9b],
  [0x0153, 0x9c],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
]);

/** The WinAnsi byte for a code point, or null when the standard fonts have no glyph for it. */
export function winAnsiCode(cp: number): number | null {
  if ((cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff && cp !== 0xad)) return cp;
  return CP1252_EXTRA.get(cp) ?? null;
}

/** Shown in place of a character the fonts cannot draw; the note printed with it explains. */
export const UNPRINTABLE = '?';

// Bidi overrides, embeddings and isolates (REORDERING) reorder what follows them ("Trojan
// Source"), so a reader must see that they were there rather than have them silently vanish.
// Other invisible characters (INVISIBLE) are dropped: that prints what a reader of the page saw
// (and undoes "id\u200biot" style filter evasion). The list is shared with the classifier (@wardguard/shared/text/invisible); skin-tone
// modifiers are added here because the standard fonts cannot draw the emoji they modify.
const SKIN_TONE = /^[\u{1f3fb}-\u{1f3ff}]$/u;
const WIDE_SPACE = /^[\u2000-\u200a\u202f\u205f\u3000]$/u;
const COMBINING = /[\u0300-\u036f]/gu;
// Letters with no Unicode decomposition that still have an obvious Latin reading.
const LATIN_FALLBACK: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ŀ: 'l',
  Ŀ: 'L',
  ŧ: 't',
  Ŧ: 'T',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '―': '-',
  '−': '-',
  '′': "'",
  '″': '"',
  '‛': "'",
  '‟': '"',
  '⁄': '/',
  '→': '->',
  '←': '<-',
  '✓': 'v',
  '✔': 'v',
  '✗': 'x',
  '✘': 'x',
};

const allPrintable = (s: string): boolean => {
  for (const ch of s) if (winAnsiCode(ch.codePointAt(0)!) === null) return false;
  return s.length > 0;
};

/** One character as the fonts can draw it, and whether that differs from the original. */
function printChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (winAnsiCode(cp) !== null) return ch;
  if (ch === '\n') return ch;
  if (ch === '\t') return '  ';
  if (REORDERING.test(ch)) return `[U+${cp.toString(16).toUpperCase().padStart(4, '0')}]`;
  if (INVISIBLE.test(ch) || SKIN_TONE.test(ch)) return '';
  if (WIDE_SPACE.test(ch)) return ' ';
  // Compatibility forms (full-width letters, 𝐛𝐨𝐥𝐝 maths letters, ligatures) are how abusers dodge
  // word filters; printed as plain letters they read as the author meant them to.
  const compat = ch.normalize('NFKC');
  if (allPrintable(compat)) return compat;
  const stripped = ch.normalize('NFKD').replace(COMBINING, '');
  if (stripped === '') return '';
  if (allPrintable(stripped)) return stripped;
  return LATIN_FALLBACK[ch] ?? UNPRINTABLE;
}

export interface Printable {
  /** Only WinAnsi characters and `\n`. */
  text: string;
  /** Some character was replaced, simplified or dropped to print it. */
  altered: boolean;
  /** How many characters of the original were left out (0 when all of it is printed). */
  omitted: number;
}

/**
 * `raw` as the standard fonts can print it, at most about `maxChars` characters long.
 * Never throws, whatever the input: this is the one gate all report text passes through.
 */
export function printable(raw: string | null | undefined, maxChars: number): Printable {
  const source = typeof raw === 'string' ? raw : raw == null ? '' : String(raw);
  // Normalising 100k characters of hostile text only to print a few thousand would waste the
  // Worker's CPU: look at a window a little larger than what can be printed.
  const window = source.length > maxChars * 2 + 16 ? source.slice(0, maxChars * 2) : source;
  const text = window.replace(/\r\n?/g, '\n').normalize('NFC');
  let out = '';
  let altered = false;
  let consumed = 0;
  for (const ch of text) {
    if (out.length >= maxChars) break;
    const printed = printChar(ch);
    if (printed !== ch && ch !== '\t') altered = true;
    out += printed;
    consumed += ch.length;
  }
  // Lone surrogates from a cut in the middle of a pair come out as U+FFFD → '?': harmless.
  const omitted = text.length - consumed + (source.length - window.length);
  return { text: out, altered, omitted: Math.max(0, omitted) };
}

/** A short value on one line (names, IDs): newlines become spaces. */
export function printableLine(raw: string | null | undefined, maxChars: number): Printable {
  const p = printable(raw, maxChars);
  return { ...p, text: p.text.replace(/\n+/g, ' ') };
}

/** The WinAnsi bytes of printable text as a PDF literal string, ASCII-only so the content stream stays 7-bit. */
export function pdfLiteral(text: string): string {
  let s = '(';
  for (let i = 0; i < text.length; i++) {
    const code = winAnsiCode(text.charCodeAt(i)) ?? 0x3f;
    if (code === 0x28 || code === 0x29 || code === 0x5c) s += '\\' + String.fromCharCode(code);
    else if (code < 0x20 || code > 0x7e) s += '\\' + code.toString(8).padStart(3, '0');
    else s += String.fromCharCode(code);
  }
  return s + ')';
}
