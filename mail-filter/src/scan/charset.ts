/**
 * A charset label that does not fit the bytes. Wide labels (UTF-16/32, UCS-2/4) on plain
 * ASCII or UTF-8 bytes decode to CJK-looking nonsense that no classifier can read, so abuse
 * under such a label would pass as clean. These helpers spot the nonsense and relabel.
 */

/** `charset=utf-16` and its kin, in a Content-Type header (or anywhere in the source). */
const WIDE_LABEL = /(charset\s*=\s*["']?)(?:utf-?16(?:le|be)?|utf-?32(?:le|be)?|ucs-?2|ucs-?4|unicode(?:-1-1)?)(?=["';\s]|$)/gim;

/** Characters that 8-bit text misread as UTF-16/32 turns into, and broken decoding leaves. */
const NONSENSE = /[\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7AF\uD800-\uDFFF\uE000-\uF8FF\uF900-\uFAFF\uFFFD\u0000-\u0008\u000E-\u001F]/g;
const CONTROL = /[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const NUL = /\u0000/g;
/** Cheap first look, so ordinary Latin-script mail skips the count. */
const ANY_SUSPECT = /[\u0000-\u0008\u000E-\u001F\u3400-\uFFFF]/;

const share = (text: string, re: RegExp): number => {
  const visible = text.replace(/\s+/g, '');
  return visible.length === 0 ? 0 : (visible.match(re)?.length ?? 0) / visible.length;
};

/** Mostly CJK, private-use, replacement or control characters: how mislabelled 8-bit text reads. */
export const looksMisdecoded = (text: string): boolean => ANY_SUSPECT.test(text) && share(text, NONSENSE) > 0.5;

/** Text a person could read: something there, no broken or control characters, not CJK soup. */
export const looksReadable = (text: string): boolean => text.trim() !== '' && share(text, CONTROL) <= 0.01 && !looksMisdecoded(text);

/** Many NULs when read as 8-bit: the bytes really are UTF-16/32, so the label was right. */
export const looksWide = (text: string): boolean => share(text, NUL) > 0.1;

/** Whether the raw message declares a wide charset anywhere. */
export const declaresWideCharset = (source: Buffer): boolean => {
  WIDE_LABEL.lastIndex = 0;
  return WIDE_LABEL.test(source.toString('latin1'));
};

/** The same bytes with every wide charset label replaced (for a second reading only; never stored). */
export function relabel(source: Buffer, charset: 'utf-8' | 'windows-1252'): Buffer {
  return Buffer.from(source.toString('latin1').replace(WIDE_LABEL, `$1${charset}`), 'latin1');
}
