import { utf8Decode } from '../encoding/utf8.ts';
import type { Header } from './parse-email.ts';

/** Where the top header block is looked for: a header block, never a message's parts. */
const MAX_HEAD_BYTES = 1024 * 1024;

/**
 * The top header block of a message, read by hand (folded lines joined, values as sent, bytes
 * as UTF-8), for a message the parser refuses (nested or headed past its limits): the reader
 * still sees who sent it, when and under which Message-ID. Never throws.
 *
 * @example
 * const headers = await parseEmail(eml).then((p) => p.headers, () => rawHeaders(eml));
 */
export function rawHeaders(eml: Uint8Array): Header[] {
  const head = utf8Decode(eml.subarray(0, MAX_HEAD_BYTES), { fatal: false });
  const end = head.search(/\r?\n\r?\n/);
  const block = end < 0 ? head : head.slice(0, end);
  const out: Header[] = [];
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const originalKey = line.slice(0, colon).trim();
    out.push({ key: originalKey.toLowerCase(), originalKey, value: line.slice(colon + 1).trim() });
  }
  return out;
}
