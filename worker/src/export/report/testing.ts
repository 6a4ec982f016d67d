// Helpers for the report's tests only: reading back what a rendered PDF says and shows.
import UPNG from '@pdf-lib/upng';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFPage } from 'pdf-lib';
import { winAnsiCode } from './text.ts';

/**
 * A PNG made by UPNG, the encoder pdf-lib itself ships, rather than by our own code: it picks
 * the colour type from the pixels (RGB, RGBA or palette) and the best of the five row filters
 * per row, so a mistake in our decoder cannot cancel out a matching one in the encoder.
 */
export function makePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rgba.set(pixel(x, y), (y * width + x) * 4);
  return new Uint8Array(UPNG.encode([rgba.buffer], width, height, 0));
}

const FROM_WIN_ANSI = (() => {
  const map = new Map<number, string>();
  for (let cp = 0; cp < 0x2200; cp++) {
    const code = winAnsiCode(cp);
    if (code !== null) map.set(code, String.fromCharCode(cp));
  }
  return map;
})();

export interface TextRun {
  text: string;
  x: number;
  size: number;
  font: string;
}

/** Every string each page draws, in drawing order, decoded from the compressed content streams. */
export async function pageRuns(pdf: Uint8Array): Promise<TextRun[][]> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((page) => {
    const runs: TextRun[] = [];
    for (const content of contentStreams(doc, page)) {
      const ops = latin1(content);
      for (const m of ops.matchAll(/\/(F\d) ([\d.]+) Tf ([\d.]+) [\d.-]+ Td \(((?:\\[0-7]{3}|\\.|[^\\)])*)\) Tj/g)) {
        runs.push({ font: m[1]!, size: Number(m[2]), x: Number(m[3]), text: unescapePdf(m[4]!) });
      }
    }
    return runs;
  });
}

/** Each page's text, one drawn string per line. */
export async function pageTexts(pdf: Uint8Array): Promise<string[]> {
  return (await pageRuns(pdf)).map((runs) => runs.map((r) => r.text).join('\n'));
}

function contentStreams(doc: PDFDocument, page: PDFPage): Uint8Array[] {
  const contents = page.node.get(PDFName.of('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  return refs.map((ref) => {
    const stream = doc.context.lookup(ref as PDFRef);
    if (!(stream instanceof PDFRawStream)) throw new Error('content stream is not a raw stream');
    return decodePDFRawStream(stream).decode();
  });
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

function unescapePdf(s: string): string {
  return s
    .replace(/\\([0-7]{3}|.)/g, (_, e: string) => (e.length === 3 ? String.fromCharCode(parseInt(e, 8)) : e))
    .replace(/[\x80-\xff]/g, (c) => FROM_WIN_ANSI.get(c.charCodeAt(0)) ?? c);
}

/** The distinct image XObjects the pages draw (a soft mask is part of its image, not counted). */
export async function drawnImages(pdf: Uint8Array): Promise<{ width: number; height: number; bytes: number; dict: PDFDict }[]> {
  const doc = await PDFDocument.load(pdf);
  const seen = new Map<string, { width: number; height: number; bytes: number; dict: PDFDict }>();
  for (const page of doc.getPages()) {
    const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    for (const [, ref] of xobjects?.entries() ?? []) {
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof PDFRawStream) || seen.has(String(ref))) continue;
      const num = (k: string) => Number(String(stream.dict.get(PDFName.of(k))));
      seen.set(String(ref), { width: num('Width'), height: num('Height'), bytes: stream.contents.length, dict: stream.dict });
    }
  }
  return [...seen.values()];
}

export async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'))).arrayBuffer());
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}
export async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'))).arrayBuffer());
}
