import { createHash } from 'node:crypto';
import type { ReplacedPart } from '@wardguard/shared/api/mail';
import { REDUCED_PARTS_MAX } from '@wardguard/shared/api/mail';
import { decodedBody, fileName, isBodyText, leaves, parseEntity, type MimeEntity } from './mime-tree.ts';

/** Parts at most this large (as sent, encoded) are always kept. */
export const KEEP_PART_BYTES = 64 * 1024;

/**
 * How hard to cut: `attachments` replaces oversized attachments and other non-text parts and
 * keeps the text a reader sees; `all` replaces every oversized part, text bodies included
 * (the classifier's verdict already holds the passages that matter).
 */
export const REDUCTIONS = ['attachments', 'all'] as const;
export type Reduction = (typeof REDUCTIONS)[number];

export interface ReducedMessage {
  eml: Buffer;
  parts: ReplacedPart[];
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
// No line breaks or control characters from the sender's file name into our headers or note.
const clean = (v: string, max: number): string =>
  v
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim()
    .slice(0, max);
const STUBBED_HEADERS = new Set(['content-type', 'content-transfer-encoding', 'content-disposition', 'content-length']);

/** The entity's header fields (with folded lines) other than its content headers. */
function otherHeaderFields(s: string, e: MimeEntity, nl: string): string[] {
  const block = s.slice(e.start, e.bodyStart).replace(/\r?\n\r?\n$|\r?\n$/, '');
  if (block.trim() === '') return [];
  const fields: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && fields.length > 0) fields[fields.length - 1] += nl + line;
    else fields.push(line);
  }
  return fields.filter(
    (f) =>
      !STUBBED_HEADERS.has(
        f
          .slice(0, Math.max(f.indexOf(':'), 0))
          .trim()
          .toLowerCase(),
      ),
  );
}

/** The note standing in for one part: its own headers kept, the content replaced (UTF-8, as latin1 chars). */
function stub(s: string, e: MimeEntity, part: ReplacedPart, original: { sha256: string; size: number }, nl: string): string {
  const note = [
    '[Wardguard] This part of the message was too large to file with its record and was replaced by this note.',
    `File name: ${part.name ?? '(none)'}`,
    `Media type: ${part.mediaType}`,
    `Size: ${part.size} bytes`,
    `SHA-256: ${part.sha256}`,
    `The whole original message (${original.size} bytes, SHA-256 ${original.sha256}) is kept unchanged in the mailbox's quarantine folder, and is uploaded whole to Wardguard's storage, where the record shows it once its SHA-256 is checked.`,
    '',
  ].join(nl);
  const headers = [
    ...otherHeaderFields(s, e, nl),
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    'Content-Disposition: inline',
    `X-Wardguard-Replaced-Part: size=${part.size}; sha256=${part.sha256}`,
  ];
  return Buffer.from(`${headers.join(nl)}${nl}${nl}${note}`, 'utf8').toString('latin1');
}

/**
 * A copy of `source` small enough to file: each part over KEEP_PART_BYTES that `how` allows
 * is replaced by a text/plain note stating its file name, media type, decoded size and the
 * SHA-256 of its decoded bytes; every other byte is kept, and an `X-Wardguard-Reduced` header
 * on top names the whole original. Null when there is nothing it may replace.
 *
 * @example
 * const r = reduceMessage(source, 'attachments', { sha256: record.sourceSha256, size: record.sourceSize });
 * if (r) await worker.fileMail({ ...record, reduced: { emlSha256: sha256(r.eml), emlSize: r.eml.byteLength, parts: r.parts } }, r.eml);
 */
export function reduceMessage(source: Buffer, how: Reduction, original: { sha256: string; size: number }): ReducedMessage | null {
  const s = source.toString('latin1');
  const nl = s.includes('\r\n') ? '\r\n' : '\n';
  const root = parseEntity(s);
  const chosen = leaves(root)
    .filter((e) => e.end - e.bodyStart > KEEP_PART_BYTES && (how === 'all' || !isBodyText(e)))
    .slice(0, REDUCED_PARTS_MAX);
  if (chosen.length === 0) return null;
  const parts: ReplacedPart[] = [];
  let out = '';
  let at = 0;
  for (const e of chosen) {
    const bytes = decodedBody(s, e);
    const name = fileName(e);
    const part: ReplacedPart = {
      name: name === null ? null : clean(name, 1000),
      mediaType: clean(e.mediaType, 255),
      size: bytes.byteLength,
      sha256: sha256(bytes),
    };
    parts.push(part);
    out += s.slice(at, e.start) + stub(s, e, part, original, nl);
    at = e.end;
  }
  out += s.slice(at);
  const top = `X-Wardguard-Reduced: original-size=${original.size}; original-sha256=${original.sha256}; replaced-parts=${parts.length}${nl}`;
  return { eml: Buffer.from(top + out, 'latin1'), parts };
}
