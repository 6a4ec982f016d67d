// Our probe sets (mail to UK officials) as threat-head training data, weighted so that the
// domain's own words cannot stand in for "threat". Every probe threat is a letter to an official,
// so "councillor", "surgery", "your seat", "see you at the count" co-occur with the threat label
// far more than in the tweets and comments the head otherwise learns from. The probe sets' clean
// messages are the same domain without the threat, so:
// - each clean message is a negative, and so is each of its sentences (the classifier scores the
//   head sentence by sentence, and a short sentence of casework carries more weight per word than
//   the message it came from);
// - the domain's negatives weigh as much in total as its positives, so a word that appears in
//   threats and casework alike nets out near zero.
import { normalise } from '../../src/classify/normalise.ts';
import { sentenceRanges } from '../../src/classify/classify.ts';
import { VOCABULARY } from '../../src/classify/vocabulary.ts';
import type { Example } from './datasets.ts';
import type { ThreatItem } from './linear.ts';

/** Each probe threat's weight: the cap the other sources' threats are up-weighted to. */
export const PROBE_POSITIVE_WEIGHT = 20;
/** Total weight of the probe negatives (messages and sentences) ÷ total weight of the probe threats. */
export const PROBE_NEGATIVE_RATIO = 1;

/** The sentences of a message as the classifier splits them (none when it is one sentence). */
export function sentencesOf(ex: Example): Example[] {
  const n = normalise(ex.text, { vocabulary: VOCABULARY });
  const ranges = sentenceRanges(n.tokens);
  if (ranges.length < 2) return [];
  return ranges.map(([a, b], k) => ({ ...ex, id: `${ex.id}#${k}`, text: ex.text.slice(n.tokens[a]!.start, n.tokens[b - 1]!.end) }));
}

/** Probe-set examples as weighted threat-head items: threats, clean messages and their sentences. */
export function probeThreatItems(examples: Example[]): ThreatItem[] {
  const pos = examples.filter((e) => e.threat);
  const neg = examples.filter((e) => !e.threat).flatMap((e) => [e, ...sentencesOf(e)]);
  const negWeight = (PROBE_NEGATIVE_RATIO * pos.length * PROBE_POSITIVE_WEIGHT) / Math.max(neg.length, 1);
  return [
    ...pos.map((ex) => ({ ex, y: 1, benign: false, domain: true, weight: PROBE_POSITIVE_WEIGHT })),
    ...neg.map((ex) => ({ ex, y: 0, benign: true, domain: true, weight: negWeight })),
  ];
}
