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

// Building PNGs byte by byte, with valid checksums.

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (b: Uint8Array) => {
  let c = 0xffffffff;
  for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  out.set(
    [...type].map((c) => c.charCodeAt(0)),
    4,
  );
  out.set(data, 8);
  v.setUint32(8 + data.length, crc(out.subarray(4, 8 + data.length)));
  return out;
}

export function chunks(png: Uint8Array): { type: string; data: Uint8Array }[] {
  const out = [];
  const v = new DataView(png.buffer, png.byteOffset);
  for (let at = 8; at < png.length; ) {
    const len = v.getUint32(at);
    out.push({ type: String.fromCharCode(...png.subarray(at + 4, at + 8)), data: png.subarray(at + 8, at + 8 + len) });
    at += 12 + len;
  }
  return out;
}

export function buildPng(parts: { type: string; data: Uint8Array }[]): Uint8Array {
  return concat([png8(), ...parts.map((p) => chunk(p.type, p.data))]);
}
export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}
const png8 = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'))).arrayBuffer());
}

/**
 * An RGBA PNG whose row y uses filter y % 5, written from the PNG specification's definitions
 * (UPNG only ever chose "Up" for our test images, which left Sub, Average and Paeth untested).
 */
export async function makeFilteredPng(width: number, height: number, rgba: Uint8Array): Promise<Uint8Array> {
  const stride = width * 4;
  const raw = new Uint8Array(height * (1 + stride));
  for (let y = 0; y < height; y++) {
    const filter = y % 5;
    raw[y * (1 + stride)] = filter;
    for (let i = 0; i < stride; i++) {
      const x = rgba[y * stride + i]!;
      const left = i >= 4 ? rgba[y * stride + i - 4]! : 0;
      const up = y > 0 ? rgba[(y - 1) * stride + i]! : 0;
      const upLeft = y > 0 && i >= 4 ? rgba[(y - 1) * stride + i - 4]! : 0;
      const predictor = [0, left, up, Math.floor((left + up) / 2), paethPredictor(left, up, upLeft)][filter]!;
      raw[y * (1 + stride) + 1 + i] = (x - predictor + 256) % 256;
    }
  }
  const header = new Uint8Array(13);
  new DataView(header.buffer).setUint32(0, width);
  new DataView(header.buffer).setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8);
  return buildPng([
    { type: 'IHDR', data: header },
    { type: 'IDAT', data: await deflate(raw) },
    { type: 'IEND', data: new Uint8Array() },
  ]);
}

// As the PNG specification writes it: the neighbour nearest to left + up - upLeft, ties to left then up.
function paethPredictor(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const distances = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
  const nearest = Math.min(...distances);
  return [left, up, upLeft][distances.indexOf(nearest)]!;
}
