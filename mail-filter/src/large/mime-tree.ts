/**
 * Just enough MIME to find a message's parts by byte range, so a copy can be made with some
 * parts swapped out and every other byte left as it was. Works on a latin1 string (one char
 * per byte), so binary content and 8-bit headers survive unchanged. Never throws: what it
 * cannot split (no boundary, unclosed parts) is one leaf.
 */
export interface MimeEntity {
  /** [start, end) of the whole entity (headers + body) in the source. */
  start: number;
  end: number;
  bodyStart: number;
  /** Lower-case header names, first occurrence, folded lines joined. */
  headers: Map<string, string>;
  mediaType: string;
  children: MimeEntity[];
}

const MAX_DEPTH = 20;

function headerBlockEnd(s: string, start: number, end: number): { headersEnd: number; bodyStart: number } {
  if (s.startsWith('\r\n', start)) return { headersEnd: start, bodyStart: start + 2 };
  if (s.startsWith('\n', start)) return { headersEnd: start, bodyStart: start + 1 };
  const crlf = s.indexOf('\r\n\r\n', start);
  const lf = s.indexOf('\n\n', start);
  const candidates = [
    crlf >= 0 && crlf < end ? { headersEnd: crlf, bodyStart: crlf + 4 } : null,
    lf >= 0 && lf < end ? { headersEnd: lf, bodyStart: lf + 2 } : null,
  ].filter((c) => c !== null);
  if (candidates.length === 0) return { headersEnd: end, bodyStart: end };
  return candidates.reduce((a, b) => (a.headersEnd <= b.headersEnd ? a : b));
}

function parseHeaders(block: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!out.has(name)) out.set(name, line.slice(colon + 1).trim());
  }
  return out;
}

/** A header parameter (`boundary`, `filename`, `name`), including RFC 2231 `name*=utf-8''…`. */
export function headerParam(value: string | undefined, param: string): string | null {
  if (!value) return null;
  const extended = new RegExp(`;\\s*${param}\\*(?:0\\*)?=\\s*([^;]+)`, 'i').exec(value);
  if (extended) {
    const [, raw] = extended;
    const m = /^([^']*)'[^']*'(.*)$/.exec(raw!.trim().replace(/^"|"$/g, ''));
    try {
      return m ? decodeURIComponent(m[2]!) : raw!.trim();
    } catch {
      return raw!.trim();
    }
  }
  const plain = new RegExp(`;\\s*${param}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`, 'i').exec(value);
  if (!plain) return null;
  return plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : plain[2]!;
}

/** Where each `--boundary` line starts, and whether it closes the multipart. */
function delimiters(s: string, from: number, end: number, boundary: string): Array<{ at: number; after: number; close: boolean }> {
  const marker = `--${boundary}`;
  const out: Array<{ at: number; after: number; close: boolean }> = [];
  let i = from;
  while (i < end) {
    const at = s.indexOf(marker, i);
    if (at < 0 || at >= end) break;
    i = at + marker.length;
    if (at !== from && s[at - 1] !== '\n') continue;
    const eol = s.indexOf('\n', i);
    const lineEnd = eol < 0 || eol >= end ? end : eol;
    const rest = s.slice(i, lineEnd);
    const close = rest.startsWith('--');
    if (!close && rest.trim() !== '') continue;
    out.push({ at, after: Math.min(lineEnd + 1, end), close });
    if (close) break;
    i = lineEnd;
  }
  return out;
}

/** The line break before a delimiter belongs to it, not to the part before. */
const trimBreak = (s: string, at: number, floor: number): number =>
  at - 2 >= floor && s.slice(at - 2, at) === '\r\n' ? at - 2 : at - 1 >= floor && s[at - 1] === '\n' ? at - 1 : at;

export function parseEntity(s: string, start = 0, end = s.length, depth = 0): MimeEntity {
  const { headersEnd, bodyStart } = headerBlockEnd(s, start, end);
  const headers = parseHeaders(s.slice(start, headersEnd));
  const mediaType = (headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() || 'text/plain').slice(0, 255);
  const entity: MimeEntity = { start, end, bodyStart, headers, mediaType, children: [] };
  if (depth >= MAX_DEPTH) return entity;
  if (mediaType.startsWith('multipart/')) {
    const boundary = headerParam(headers.get('content-type'), 'boundary');
    if (!boundary) return entity;
    const ds = delimiters(s, bodyStart, end, boundary);
    for (let k = 0; k < ds.length; k++) {
      const d = ds[k]!;
      if (d.close) break;
      const next = ds[k + 1];
      const partEnd = next ? trimBreak(s, next.at, d.after) : end;
      entity.children.push(parseEntity(s, d.after, partEnd, depth + 1));
    }
  } else if (mediaType === 'message/rfc822' && !/base64|quoted-printable/i.test(headers.get('content-transfer-encoding') ?? '')) {
    // A forwarded message: its own parts can be replaced while its text stays.
    entity.children.push(parseEntity(s, bodyStart, end, depth + 1));
  }
  return entity;
}

/** Every leaf (no children) in document order. */
export function leaves(e: MimeEntity): MimeEntity[] {
  return e.children.length === 0 ? [e] : e.children.flatMap(leaves);
}

function decodeQuotedPrintable(body: string): Buffer {
  const soft = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft[i] === '=' ? soft.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(soft.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

/** A leaf's content after transfer decoding: the bytes an attachment would be saved as. */
export function decodedBody(s: string, e: MimeEntity): Buffer {
  const body = s.slice(e.bodyStart, e.end);
  const cte = (e.headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  if (cte === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/]/g, ''), 'base64');
  if (cte === 'quoted-printable') return decodeQuotedPrintable(body);
  return Buffer.from(body, 'latin1');
}

/** `=?charset?B|Q?…?=` words in a file name, for utf-8 and latin1 (others left as sent). */
function decodeWords(v: string): string {
  return v.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (all, charset: string, enc: string, text: string) => {
    const cs = charset.toLowerCase().split('*')[0];
    if (cs !== 'utf-8' && cs !== 'utf8' && cs !== 'iso-8859-1' && cs !== 'us-ascii') return all;
    const bytes = enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : decodeQuotedPrintable(text.replace(/_/g, ' '));
    return bytes.toString(cs === 'iso-8859-1' ? 'latin1' : 'utf8');
  });
}

/** The leaf's file name as the sender gave it (disposition `filename`, else type `name`), or null. */
export function fileName(e: MimeEntity): string | null {
  const raw = headerParam(e.headers.get('content-disposition'), 'filename') ?? headerParam(e.headers.get('content-type'), 'name');
  if (raw === null) return null;
  // Header bytes were read as latin1: 8-bit UTF-8 names are re-read as UTF-8.
  const utf8 = Buffer.from(raw, 'latin1').toString('utf8');
  return decodeWords(utf8.includes('\uFFFD') ? raw : utf8);
}

/** A text body (not an attachment) a reader sees: kept in the first reduction. */
export function isBodyText(e: MimeEntity): boolean {
  const attachment = /^\s*attachment/i.test(e.headers.get('content-disposition') ?? '');
  return !attachment && (e.mediaType === 'text/plain' || e.mediaType === 'text/html');
}
