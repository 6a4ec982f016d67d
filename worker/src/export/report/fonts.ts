import { StandardFonts, type PDFDocument, type PDFRef } from 'pdf-lib';
import { winAnsiCode } from './text.ts';

export type FontName = 'regular' | 'bold' | 'italic' | 'mono';

export interface ReportFont {
  /** The resource name every page uses for this font (`/F1`…). */
  key: string;
  ref: PDFRef;
  /** Glyph widths in 1/1000 em, by WinAnsi byte. */
  widths: Float32Array;
}
export type ReportFonts = Record<FontName, ReportFont>;

const STANDARD: Record<FontName, [StandardFonts, string]> = {
  regular: [StandardFonts.Helvetica, 'F1'],
  bold: [StandardFonts.HelveticaBold, 'F2'],
  italic: [StandardFonts.HelveticaOblique, 'F3'],
  mono: [StandardFonts.Courier, 'F4'],
};

/**
 * The four standard fonts, with width tables built once. Standard fonts are not embedded, so
 * they cost nothing in the file; measuring through pdf-lib's `widthOfTextAtSize` on every line
 * (it looks up kerning pairs that `Tj` never applies) took most of the render time.
 */
export async function embedReportFonts(doc: PDFDocument): Promise<ReportFonts> {
  const entries = await Promise.all(
    (Object.keys(STANDARD) as FontName[]).map(async (name) => {
      const [std, key] = STANDARD[name];
      const font = await doc.embedFont(std);
      const widths = new Float32Array(256);
      for (const cp of font.getCharacterSet()) {
        const code = winAnsiCode(cp);
        if (code !== null) widths[code] = font.widthOfTextAtSize(String.fromCodePoint(cp), 1000);
      }
      return [name, { key, ref: font.ref, widths }] as const;
    }),
  );
  return Object.fromEntries(entries) as ReportFonts;
}

/** Width in points of printable text (see text.ts) at `size`. */
export function textWidth(font: ReportFont, text: string, size: number): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) w += font.widths[winAnsiCode(text.charCodeAt(i)) ?? 0x3f]!;
  return (w * size) / 1000;
}
