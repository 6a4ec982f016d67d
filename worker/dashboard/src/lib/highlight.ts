export interface Segment {
  text: string;
  mark: null | { category: string; why: string };
}

/**
 * Splits text into plain and highlighted segments for the classifier's evidence
 * phrases. Phrases are located by search rather than by offset, because the text the
 * officer reads (the parsed body) need not be byte-identical to what was scored.
 */
export function highlight(text: string, spans: { phrase: string; category: string; rule?: string; source: string }[]): Segment[] {
  const lower = text.toLowerCase();
  const marks: { start: number; end: number; category: string; why: string }[] = [];
  for (const s of spans) {
    const phrase = s.phrase.trim().toLowerCase();
    if (phrase.length < 2) continue;
    let from = 0;
    for (let i = lower.indexOf(phrase, from); i >= 0; i = lower.indexOf(phrase, from)) {
      const end = i + phrase.length;
      if (!marks.some((m) => i < m.end && end > m.start)) marks.push({ start: i, end, category: s.category, why: s.rule ?? s.source });
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
