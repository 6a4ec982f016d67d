import type { SnippetPart } from '@wardguard/shared/api/search';

/** What FTS5's snippet() puts around each matched word (control characters a record's text cannot usefully hold). */
export const MATCH_OPEN = '\u0002';
export const MATCH_CLOSE = '\u0003';

/**
 * Splits a snippet() string into plain-text parts, the matched words marked. Text is never
 * HTML here: the dashboard renders each part as a text node. A marker character that was in the
 * record's own text cannot open a match past the end or make a part the caller must parse again.
 */
export function snippetParts(raw: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let text = '';
  const push = () => {
    if (text) parts.push({ text, match });
    text = '';
  };
  for (const ch of raw) {
    if (ch === MATCH_OPEN || ch === MATCH_CLOSE) {
      push();
      match = ch === MATCH_OPEN;
    } else text += ch;
  }
  match = false;
  push();
  // Adjacent parts of the same kind (an empty match, a stray marker) read as one.
  return parts.reduce<SnippetPart[]>((out, p) => {
    const prev = out[out.length - 1];
    if (prev && prev.match === p.match) prev.text += p.text;
    else out.push({ ...p });
    return out;
  }, []);
}
