export interface Segment {
  text: string;
  mark: null | { category: string; why: string };
}

type Span = { phrase: string; category: string; rule?: string; source: string; field?: string; start?: number; end?: number };

/**
 * Splits text into plain and highlighted segments for the classifier's evidence. The mail
 * filter and the Worker read a message with the one shared parser, so a body phrase is marked
 * at the classifier's own offsets when the text there is that phrase: only the occurrence it
 * scored. Other phrases (the subject's, an attached message's, which refer to other text, or a
 * record filed before both sides shared a parser) are found by search, every occurrence.
 */
export function highlight(text: string, spans: Span[]): Segment[] {
  const marks: { start: number; end: number; category: string; why: string }[] = [];
  const free = (start: number, end: number) => !marks.some((m) => start < m.end && end > m.start);
  const searched: Span[] = [];
  for (const s of spans) {
    const { start, end } = s;
    const fits = s.field === 'body' && start !== undefined && end !== undefined && end > start && text.slice(start, end) === s.phrase;
    if (!fits) searched.push(s);
    else if (free(start, end)) marks.push({ start, end, category: s.category, why: s.rule ?? s.source });
  }
  const lower = text.toLowerCase();
  for (const s of searched) {
    const phrase = s.phrase.trim().toLowerCase();
    if (phrase.length < 2) continue;
    let from = 0;
    for (let i = lower.indexOf(phrase, from); i >= 0; i = lower.indexOf(phrase, from)) {
      const end = i + phrase.length;
      if (free(i, end)) marks.push({ start: i, end, category: s.category, why: s.rule ?? s.source });
      from = end;
    }
  }
  marks.sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start > at) out.push({ text: text.slice(at, m.start), mark: null });
    out.push({ text: text.slice(m.start, m.end), mark: { category: m.category, why: m.why } });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: null });
  return out;
}
