import { PDFName, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import { deflateText } from './deflate.ts';
import { textWidth, type FontName, type ReportFonts } from './fonts.ts';
import { thousands } from './format.ts';
import { pdfLiteral, printable, printableLine } from './text.ts';
import { wrapText } from './wrap.ts';

/** A4 in points. */
export const PAGE = { width: 595.28, height: 841.89, margin: 50, top: 800, bottom: 58 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Where a field's value starts, after its label. */
export const LABEL_WIDTH = 128;

export type Rgb = readonly [number, number, number];
export const INK: Rgb = [0.1, 0.1, 0.12];
export const GREY: Rgb = [0.38, 0.38, 0.42];
export const ALERT: Rgb = [0.6, 0.1, 0.1];

export interface TextStyle {
  font?: FontName;
  size?: number;
  color?: Rgb;
  indent?: number;
  /** Longest text printed before a "not printed" note. */
  maxChars?: number;
}

const n = (v: number): string => (Math.round(v * 100) / 100).toString();
const rgb = (c: Rgb): string => `${n(c[0])} ${n(c[1])} ${n(c[2])}`;

/**
 * Writes the report's pages as hand-built content streams. pdf-lib's drawText keeps every
 * operator as objects until save (about 200 MB for a thousand exhibit pages, past a Worker's
 * 128 MB); here each finished page is one compressed byte string.
 */
export class ReportWriter {
  /** Set when some text had to be changed or cut to print; sections reset it to add their note. */
  altered = false;
  /** Printed at the top of every page after the first of a section ("AB/1, continued"). */
  runningHead: string | null = null;
  private page: PDFPage | null = null;
  private ops: string[] = [];
  private images = 0;
  private y: number = PAGE.top;
  private readonly pending: { page: PDFPage; content: string }[] = [];
  private readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: ReportFonts,
  ) {}

  /** Points left above the footer on this page. */
  get room(): number {
    return this.page ? this.y - PAGE.bottom : 0;
  }

  newPage(): void {
    this.endPage();
    const page = this.doc.addPage([PAGE.width, PAGE.height]);
    for (const f of Object.values(this.fonts)) page.node.setFontDictionary(PDFName.of(f.key), f.ref);
    this.page = page;
    this.y = PAGE.top;
    this.images = 0;
    if (this.runningHead) {
      this.line(this.runningHead, { font: 'italic', size: 8, color: GREY });
      this.gap(6);
    }
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (!this.page || this.y - height < PAGE.bottom) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** Wrapped, sanitised text; a long text ends with a visible note saying how much was left out. */
  paragraph(raw: string | null | undefined, style: TextStyle = {}): void {
    const { font = 'regular', size = 9, indent = 0, maxChars = 4000 } = style;
    const p = printable(raw, maxChars);
    this.altered ||= p.altered || p.omitted > 0;
    for (const text of wrapText(p.text, this.fonts[font], size, CONTENT_WIDTH - indent)) this.line(text, { ...style, font, size, indent });
    if (p.omitted > 0) this.omitted(p.omitted, indent);
  }

  /** A labelled value: the label in a narrow column, the value wrapped beside it; null prints a dash. */
  field(label: string, raw: string | null | undefined, style: TextStyle = {}): void {
    const { font = 'regular', size = 9, maxChars = 1000 } = style;
    const p = raw == null || raw === '' ? { text: '-', altered: false, omitted: 0 } : printable(raw, maxChars);
    this.altered ||= p.altered || p.omitted > 0;
    const lines = wrapText(p.text, this.fonts[font], size, CONTENT_WIDTH - LABEL_WIDTH);
    const height = size * 1.35;
    lines.forEach((text, i) => {
      this.ensure(height);
      if (i === 0) this.put(label, PAGE.margin, 'bold', 8, GREY);
      this.put(text, PAGE.margin + LABEL_WIDTH, font, size, style.color ?? INK);
      this.y -= height;
    });
    if (p.omitted > 0) this.omitted(p.omitted, LABEL_WIDTH);
  }

  /** One line (headings, running heads); text too wide for it ends in "..." rather than wrapping. */
  line(raw: string, style: TextStyle = {}): void {
    const { font = 'regular', size = 9, indent = 0, color = INK } = style;
    const p = printableLine(raw, 400);
    const text = this.fit(p.text, font, size, CONTENT_WIDTH - indent);
    this.altered ||= p.altered || text !== p.text;
    const height = size * 1.35;
    this.ensure(height);
    this.put(text, PAGE.margin + indent, font, size, color);
    this.y -= height;
  }

  /** An empty box to tick by hand, with its label beside it. */
  checkbox(label: string, detail: string): void {
    this.ensure(24);
    const top = this.y - 1;
    this.ops.push(`0.2 0.2 0.2 RG 0.8 w ${n(PAGE.margin)} ${n(top - 9)} 9 9 re S`);
    this.line(label, { font: 'bold', size: 9, indent: 16 });
    this.paragraph(detail, { size: 8, indent: 16, color: GREY });
    this.gap(4);
  }

  rule(): void {
    this.ensure(8);
    this.ops.push(`0.75 0.75 0.78 RG 0.5 w ${n(PAGE.margin)} ${n(this.y - 3)} m ${n(PAGE.width - PAGE.margin)} ${n(this.y - 3)} l S`);
    this.y -= 8;
  }

  /** Room for an image on a page of its own (below the running head). */
  get pageRoom(): number {
    return PAGE.top - PAGE.bottom - (this.runningHead ? 20 : 0);
  }

  /**
   * Draws an image XObject scaled to `width` × `height` points at the cursor, or the band of it
   * from `offset` points below its top that is `visible` points tall: a tall screenshot is
   * embedded once and shown page by page through a clip (the caller makes room).
   */
  image(ref: PDFRef, width: number, height: number, offset = 0, visible = height): void {
    this.ensure(visible);
    const name = `Im${++this.images}`;
    this.page!.node.setXObject(PDFName.of(name), ref);
    const x = PAGE.margin;
    const bottom = this.y - visible;
    this.ops.push(
      `q ${n(x)} ${n(bottom)} ${n(width)} ${n(visible)} re W n ${n(width)} 0 0 ${n(height)} ${n(x)} ${n(this.y + offset - height)} cm /${name} Do Q`,
    );
    this.ops.push(`0.6 0.6 0.6 RG 0.5 w ${n(x)} ${n(bottom)} ${n(width)} ${n(visible)} re S`);
    this.y = bottom - 6;
  }

  /** Compresses the pages finished so far, so their text does not pile up in memory. */
  async flush(): Promise<void> {
    for (const { page, content } of this.pending.splice(0)) {
      const bytes = await deflateText(content);
      page.node.addContentStream(this.doc.context.register(this.doc.context.stream(bytes, { Filter: 'FlateDecode' })));
    }
  }

  /** Ends the last page and stamps every page with the pack ID and "page n of N". */
  async finish(footer: string): Promise<void> {
    this.endPage();
    await this.flush();
    const total = this.pages.length;
    const left = this.fit(printableLine(footer, 200).text, 'regular', 7, CONTENT_WIDTH - 80);
    this.pages.forEach((page, i) => {
      const right = `Page ${thousands(i + 1)} of ${thousands(total)}`;
      const rightX = PAGE.width - PAGE.margin - textWidth(this.fonts.regular, right, 7);
      const y = PAGE.bottom - 24;
      const ops = [
        `0.75 0.75 0.78 RG 0.5 w ${n(PAGE.margin)} ${n(y + 10)} m ${n(PAGE.width - PAGE.margin)} ${n(y + 10)} l S`,
        this.textOp(left, PAGE.margin, y, 'regular', 7, GREY),
        this.textOp(right, rightX, y, 'regular', 7, GREY),
      ];
      page.node.addContentStream(this.doc.context.register(this.doc.context.stream(ops.join('\n'))));
    });
  }

  private fit(text: string, font: FontName, size: number, width: number): string {
    if (textWidth(this.fonts[font], text, size) <= width) return text;
    let cut = wrapText(text, this.fonts[font], size, width - textWidth(this.fonts[font], '...', size))[0] ?? '';
    if (cut.length >= text.length) cut = cut.slice(0, -1);
    return `${cut}...`;
  }

  private omitted(count: number, indent: number): void {
    this.line(`[${thousands(count)} more characters not printed; the full text is in index.json and the original files]`, {
      font: 'italic',
      size: 8,
      color: ALERT,
      indent,
    });
  }

  private put(text: string, x: number, font: FontName, size: number, color: Rgb): void {
    this.ops.push(this.textOp(text, x, this.y - size, font, size, color));
  }

  private textOp(text: string, x: number, baseline: number, font: FontName, size: number, color: Rgb): string {
    return `BT ${rgb(color)} rg /${this.fonts[font].key} ${n(size)} Tf ${n(x)} ${n(baseline)} Td ${pdfLiteral(text)} Tj ET`;
  }

  private endPage(): void {
    if (!this.page) return;
    this.pending.push({ page: this.page, content: this.ops.join('\n') });
    this.pages.push(this.page);
    this.page = null;
    this.ops = [];
  }
}
