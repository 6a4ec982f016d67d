import type { Hit } from './hit.ts';
import type { Category, Severity } from './verdict.ts';

/** Worst category decides the severity; self-harm alone is a welfare flag, not a threat. */
export function severityOf(categories: ReadonlySet<Category>): Severity {
  if (categories.has('threat_to_life')) return 'threat_to_life';
  if (categories.has('threat') || categories.has('doxxing')) return 'threat';
  if (categories.has('hate') || categories.has('insult') || categories.has('sexual') || categories.has('harassment')) {
    return 'abuse';
  }
  if (categories.has('profanity')) return 'profanity';
  return 'clean';
}

/** Keep one hit per category and span: the longest wins, so evidence is not repeated. */
export function dedupeHits(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.nStart - b.nStart || b.nEnd - b.nStart - (a.nEnd - a.nStart));
  const out: Hit[] = [];
  for (const h of sorted) {
    const clash = out.find((o) => o.category === h.category && h.nStart < o.nEnd && o.nStart < h.nEnd);
    if (!clash) out.push(h);
    else if (h.nEnd - h.nStart > clash.nEnd - clash.nStart) Object.assign(clash, h);
  }
  return out;
}
