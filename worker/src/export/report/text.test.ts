import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedReportFonts, textWidth } from './fonts.ts';
import { pdfLiteral, printable, winAnsiCode } from './text.ts';
import { wrapText } from './wrap.ts';

describe('printable text', () => {
  it('accepts exactly the characters the standard fonts can draw, byte for byte as pdf-lib encodes them', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const ours: number[] = [];
    for (let cp = 0; cp < 0x10000; cp++) if (winAnsiCode(cp) !== null) ours.push(cp);
    expect(ours.sort((a, b) => a - b)).toEqual([...font.getCharacterSet()].filter((cp) => cp !== 0xad).sort((a, b) => a - b));
    for (const cp of ours) {
      expect(font.encodeText(String.fromCodePoint(cp)).toString()).toBe(`<${winAnsiCode(cp)!.toString(16).toUpperCase().padStart(2, '0')}>`);
    }
  });

  it('keeps plain English and Western European text unchanged', () => {
    const p = printable('Café “déjà vu” – £5 € naïve', 100);
    expect(p).toEqual({ text: 'Café “déjà vu” – £5 € naïve', altered: false, omitted: 0 });
  });

  it('marks emoji, CJK and Arabic it cannot draw with ? and says the text was altered', () => {
    const p = printable('you 🤡 你好 مرحبا', 100);
    expect(p.text).toBe('you ? ?? ?????');
    expect(p.altered).toBe(true);
  });

  it('shows direction overrides instead of letting them reorder the text silently, and drops invisible joiners', () => {
    expect(printable('file\u202Egnp.exe', 100).text).toBe('file[U+202E]gnp.exe');
    expect(printable('id\u200Biot \u200Fok\uFE0F', 100).text).toBe('idiot ok');
  });

  it('prints look-alike letters used to dodge filters as the plain letters they imitate', () => {
    expect(printable('𝐢𝐝𝐢𝐨𝐭 ｉｄｉｏｔ Łódź ő', 100).text).toBe('idiot idiot Lódz o');
  });

  it('replaces control characters and keeps line breaks', () => {
    expect(printable('a\u0007b\r\nc\u0000\td', 100).text).toBe('a?b\nc?  d');
  });

  it('cuts 100,000 characters down to the limit and counts what it left out', () => {
    const p = printable('x'.repeat(100_000), 5000);
    expect(p.text.length).toBe(5000);
    expect(p.omitted).toBe(95_000);
  });

  it('never throws on lone surrogates, null or non-strings', () => {
    expect(printable('\uD800a\uDFFF', 10).text).toBe('?a?');
    expect(printable(null, 10).text).toBe('');
    expect(printable(42 as unknown as string, 10).text).toBe('42');
  });

  it('writes PDF strings that are plain ASCII with brackets and backslashes escaped', () => {
    expect(pdfLiteral('a(b)c\\d é€')).toBe('(a\\(b\\)c\\\\d \\351\\200)');
  });
});

describe('wrapping', () => {
  it('breaks an unbroken 5,000-character token so no line is wider than the column', async () => {
    const fonts = await embedReportFonts(await PDFDocument.create());
    const token = 'https://x.example/' + 'a1B2'.repeat(1245);
    const lines = wrapText(`see ${token} now`, fonts.regular, 9, 300);
    expect(lines.join('').replace(/ /g, '')).toBe(`see${token}now`);
    expect(lines.length).toBeGreaterThan(50);
    for (const l of lines) expect(textWidth(fonts.regular, l, 9)).toBeLessThanOrEqual(300);
  });

  it('wraps words at spaces and keeps paragraphs', async () => {
    const fonts = await embedReportFonts(await PDFDocument.create());
    const lines = wrapText('one two three four five six\nseven', fonts.regular, 10, textWidth(fonts.regular, 'one two three', 10));
    expect(lines).toEqual(['one two three', 'four five six', 'seven']);
  });
});
