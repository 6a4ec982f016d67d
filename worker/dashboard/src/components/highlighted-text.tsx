import { highlight } from '../lib/highlight.ts';
import type { EvidenceSpan } from '../lib/types.ts';

export function HighlightedText({ text, spans }: { text: string; spans: EvidenceSpan[] }) {
  return (
    <pre class="message-text">
      {highlight(text, spans).map((s, i) =>
        s.mark ? (
          <mark key={i} class={`cat-${s.mark.category}`} title={`${s.mark.category} (${s.mark.why})`}>
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </pre>
  );
}
