import { base64ToBytes, utf8Decode } from '@wardguard/shared/encoding';
import { type PostMetadata, WARNINGS_MAX } from '@wardguard/shared/evidence/post-metadata';
import { extractPost } from './index.ts';
import { describeSource, locatePage, unwrapWayback, type PageSource } from './page-source.ts';
import type { ExtractOptions } from './types.ts';

/** MHTML files bigger than this are not searched for their HTML part. */
const MHTML_MAX_CHARS = 50_000_000;
const LINK_ATTRS: [string, string][] = [
  ['a[href]', 'href'],
  ['link[href]', 'href'],
  ['img[src]', 'src'],
  ['video[src]', 'src'],
];
const REWRITTEN_MAX = 20_000;

function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const text = body.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '=' ? /^[0-9A-Fa-f]{2}$/.exec(text.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(Number.parseInt(hex[0], 16));
      i += 2;
    } else {
      bytes.push(...new TextEncoder().encode(text[i]));
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/**
 * Reads a Chromium "save as MHTML" file: the `Snapshot-Content-Location` header and the first
 * text/html part, decoded. Returns null when the text is not MHTML.
 */
export function readMhtml(text: string): { html: string; location: string | null } | null {
  const headerEnd = text.search(/\r?\n\r?\n/);
  if (headerEnd < 0 || text.length > MHTML_MAX_CHARS) return null;
  const header = text.slice(0, headerEnd);
  if (!/^content-type:\s*multipart\/related/im.test(header)) return null;
  const location = /^snapshot-content-location:\s*(\S+)/im.exec(header)?.[1] ?? null;
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(header)?.[1];
  if (!boundary) return { html: '', location };
  for (const part of text.split(`--${boundary}`).slice(1)) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const partHeader = part.slice(0, split);
    if (!/^content-type:\s*text\/html/im.test(partHeader)) continue;
    const body = part
      .slice(split)
      .replace(/^\r?\n\r?\n/, '')
      .replace(/\r?\n$/, '');
    const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(partHeader)?.[1]?.toLowerCase();
    if (encoding === 'quoted-printable') return { html: decodeQuotedPrintable(body), location };
    if (encoding === 'base64') return { html: utf8Decode(base64ToBytes(body) ?? new Uint8Array(), { fatal: false }), location };
    return { html: body, location };
  }
  return { html: '', location };
}

/** In a Wayback Machine copy every link points into the archive: point them back at the original addresses. */
function unwrapArchiveLinks(doc: Document): void {
  let done = 0;
  for (const [selector, attr] of LINK_ATTRS) {
    for (const el of Array.from(doc.querySelectorAll(selector))) {
      if (done++ >= REWRITTEN_MAX) return;
      const value = el.getAttribute(attr) ?? '';
      const absolute = value.startsWith('/web/') ? `https://web.archive.org${value}` : value;
      const original = unwrapWayback(absolute);
      if (original) el.setAttribute(attr, original.original);
    }
  }
}

export interface SavedPageResult {
  metadata: PostMetadata;
  source: PageSource;
}

/**
 * Extracts the post from a saved page file (HTML or MHTML) whose address may be unknown: the
 * address is read from the page (see `locatePage`) and every such finding is put in the warnings.
 * `parse` turns HTML into a Document (linkedom in Node, DOMParser in a browser).
 *
 * @example
 * const { metadata, source } = extractSavedPage(text, (html) => parseHTML(html).document);
 */
export function extractSavedPage(text: string, parse: (html: string) => Document, options: ExtractOptions & { url?: string } = {}): SavedPageResult {
  const mhtml = readMhtml(text);
  const html = mhtml ? mhtml.html : text;
  const doc = parse(html);
  const source: PageSource = options.url
    ? { ...locatePage(doc, html, { mhtmlLocation: options.url }), how: 'given', inferred: false }
    : locatePage(doc, html, { mhtmlLocation: mhtml?.location });
  if (source.archive || /web\.archive\.org\/web\//.test(html.slice(0, 200_000))) unwrapArchiveLinks(doc);
  const { url: _url, ...extractOptions } = options;
  const metadata = extractPost(doc, source.url ?? 'about:blank', extractOptions);
  const notes = describeSource(source);
  metadata.warnings = [...notes, ...metadata.warnings].slice(0, WARNINGS_MAX);
  return { metadata, source };
}
