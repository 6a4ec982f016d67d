export interface Scores {
  n: number;
  precision: number;
  recall: number;
  f1: number;
  flagRateOnNegatives: number;
}

export function score(pairs: Array<{ label: boolean; predicted: boolean }>): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let neg = 0;
  for (const { label, predicted } of pairs) {
    if (label && predicted) tp++;
    else if (!label && predicted) fp++;
    else if (label) fn++;
    if (!label) neg++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { n: pairs.length, precision, recall, f1, flagRateOnNegatives: neg === 0 ? 0 : fp / neg };
}

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
export const f3 = (x: number) => x.toFixed(3);

/** Render rows as an aligned plain-text table. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
