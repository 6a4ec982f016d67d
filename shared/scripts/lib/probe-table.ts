import type { Verdict } from '../../src/classify/index.ts';
import type { Example } from './datasets.ts';
import { pct, table } from './metrics.ts';

/** First-run (untouched) threat recall of each probe set, recorded when it was written. */
export const UNTOUCHED: Readonly<Record<string, string>> = {
  '4': '63 %',
  '5': '40 %',
  '6': '25 %',
  '7': '44 %',
  '8': '42.5 %',
  '9': '25 %',
  '10': '43 %',
  '11': '47 %',
  '12': '64 %',
  '13': '36 %',
  '14': '24 %',
  '15': '41 %',
  // Scored once by the shipped code (36 %) and once by the new threat head before it was chosen (43 %).
  '16': '36 %',
  // Scored once by the shipped code (31 of 80), then by the sentence-level warning signs (also 31) before they were kept.
  '17': '39 %',
};

const THREAT = new Set(['threat', 'threat_to_life']);

/** Per probe set: threats caught, flagged at all, negatives flagged; beside the untouched first run. */
export function probeTable(examples: Example[], verdictOf: (e: Example) => Verdict): string {
  const sets = [...new Set(examples.map((e) => e.id.slice(0, e.id.indexOf(':'))))];
  const rows = sets.map((set) => {
    const own = examples.filter((e) => e.id.startsWith(`${set}:`));
    const pos = own.filter((e) => e.threat);
    const neg = own.filter((e) => !e.threat);
    const caught = pos.filter((e) => THREAT.has(verdictOf(e).severity)).length;
    const flagged = pos.filter((e) => verdictOf(e).severity !== 'clean').length;
    const negFlagged = neg.filter((e) => verdictOf(e).severity !== 'clean').length;
    const n = set.replace('probe-', '');
    return [n, String(pos.length), pct(caught / pos.length), pct(flagged / pos.length), String(neg.length), pct(negFlagged / neg.length), UNTOUCHED[n] ?? '—'];
  });
  return table(['set', 'threats', 'threat R', 'flagged R', 'negatives', 'neg flagged', 'untouched threat R'], rows);
}
