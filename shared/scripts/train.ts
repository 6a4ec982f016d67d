// `npm run train`: fit the linear model in shared/src/classify/model-weights.json from
// ../shared/data. Deterministic (seeded shuffle, fixed epochs): re-running gives the same file.
//
// Two heads over the same hashed features, one file:
// - abuse head (identity-based hate, insults): HateCheck + Davidson, as before.
// - threat head: Gab Hate Corpus `cv` (train split), Latent Hatred `threatening`, Toxic Spans
//   Threat spans (≥ 2 annotators) as positives; everything else of those sources, Davidson and
//   HateCheck non-threat cases as negatives; plus our probe sets of mail to UK officials (threats
//   positive; clean messages AND each of their sentences negative, weighing as much in total as
//   the probe threats, so casework words cannot stand in for "threat": lib/probe-training.ts).
//   `npx tsx shared/scripts/threat-loso.ts` checks that recipe leave-one-probe-set-out.
// Every training text first passes ../shared/tools/private-test-guard.mjs (run as a subprocess).
//
// Held out, never trained on: one HateCheck template in four, every HateCheck threat_* and
// spell_* functionality (rules and normaliser territory), one Davidson tweet in five, the Gab
// Hate Corpus test split, all petitions, and our own councillor-email sets. Thresholds are
// chosen on a validation fold of the training data, never on held-out data.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURE_BITS } from '../src/classify/features.ts';
import { encodeWeights } from '../src/classify/model.ts';
import type { ModelFile } from '../src/classify/model.ts';
import { loadDavidson, loadHateCheck, REPO_ROOT } from './lib/datasets.ts';
import type { Example } from './lib/datasets.ts';
import { PROBE_NEGATIVE_RATIO, PROBE_POSITIVE_WEIGHT } from './lib/probe-training.ts';
import {
  ABUSE_FIT,
  chooseF1Threshold,
  fit,
  headFile,
  isValidation,
  privateTestGuard,
  quantise,
  SEED,
  sourceOf,
  threatCandidates,
  THREAT_MAX_FPR_BENIGN,
  THREAT_MAX_FPR_DOMAIN,
  THREAT_MAX_FPR_NON_THREAT,
  toRows,
  trainThreatHead,
} from './lib/linear.ts';

// Abuse head: best-F1 threshold with validation false-positive rate ≤ 0.5 % (was 1 %). With the
// private-test guard's drops the 1 % choice fell from 0.845 to 0.81 and the head began calling
// neutral sentences that name a group ("Our ward has more disabled people than most.") hate;
// benign text flagged is over target (#12), so the constraint was tightened.
const MAX_VALIDATION_FPR = 0.005;
const OUT = join(REPO_ROOT, 'shared', 'src', 'classify', 'model-weights.json');

/**
 * The abuse head learns identity-based hate and dehumanising language. Davidson "offensive"
 * (casual swearing) is a negative here on purpose: swearing is the lexicon's job, and a model
 * that equates swearing with hate would flag angry constituents.
 */
function abuseExamples(): Array<{ ex: Example; y: number }> {
  const hc = loadHateCheck()
    .filter((e) => !e.heldOut && e.group !== 'target_indiv_nh')
    .map((ex) => ({ ex, y: ex.abusive ? 1 : 0 }));
  const dv = loadDavidson()
    .filter((e) => !e.heldOut)
    .map((ex) => ({ ex, y: ex.group === 'hate' ? 1 : 0 }));
  return [...hc, ...dv];
}

function guarded<T extends { ex: Example }>(name: string, items: T[]): T[] {
  const { kept, dropped, report } = privateTestGuard(items.map((i) => i.ex));
  const keep = new Set(kept);
  console.error(`${name}: private-test guard kept ${kept.length} of ${items.length}, dropped ${dropped} (${report})`);
  return items.filter((i) => keep.has(i.ex));
}

// Abuse head.
const items = guarded('abuse head', abuseExamples());
const trainRows = toRows(items.filter((i) => !isValidation(i.ex)));
const valRows = toRows(items.filter((i) => isValidation(i.ex)));
console.error(`abuse head: training on ${trainRows.length} examples, validating on ${valRows.length}`);
const chosen = chooseF1Threshold(fit(trainRows, ABUSE_FIT), valRows, MAX_VALIDATION_FPR);
console.error(`abuse head validation: threshold ${chosen.t.toFixed(3)}, F1 ${chosen.f1.toFixed(3)} (FPR ≤ ${MAX_VALIDATION_FPR})`);
const final = fit([...trainRows, ...valRows], ABUSE_FIT);
const { scale, bytes } = quantise(final.w);

// Threat head.
const threatItems = guarded('threat head', threatCandidates());
const counts = new Map<string, { pos: number; neg: number }>();
for (const i of threatItems) {
  const c = counts.get(sourceOf(i.ex)) ?? { pos: 0, neg: 0 };
  if (i.y === 1) c.pos++;
  else c.neg++;
  counts.set(sourceOf(i.ex), c);
}
for (const [s, c] of counts) console.error(`  ${s}: ${c.pos} threats, ${c.neg} non-threats`);
const threat = trainThreatHead(threatItems, (s) => console.error(s));

const file: ModelFile = {
  version: `linear-h${FEATURE_BITS}-s${SEED}-threat`,
  featureBits: FEATURE_BITS,
  bias: Math.round(final.bias * 1e4) / 1e4,
  scale: Number(scale.toPrecision(6)),
  weights: encodeWeights(bytes),
  threshold: chosen.t,
  trainedOn: [
    'HateCheck (Röttger et al., ACL 2021, CC BY 4.0): templates with templ_id % 4 != 0, excluding threat_*, spell_*, target_indiv_nh',
    'Davidson et al. (ICWSM 2017, MIT): 4 in 5 tweets; hate = positive, offensive and neither = negative',
  ],
  threat: headFile(threat.weights, threat.threshold, [
    'Gab Hate Corpus (Kennedy et al., LRE 2022, CC BY 4.0): train split; cv (call for violence) = positive, all else negative',
    'Latent Hatred (ElSherief et al., EMNLP 2021, CC BY 4.0): stage-2 threatening = positive (incitement is not), all else negative',
    'Toxic Spans (Pavlopoulos et al., ACL 2022, CC0): Threat span from >= 2 annotators (and >= 30 %) = positive; one annotator = unused; other comments negative',
    'Davidson et al. (MIT): 4 in 5 tweets, negative; HateCheck (CC BY 4.0): training templates, non-threat cases, negative',
    `Our probe sets 2-17 (mail to UK officials written by the team): threat = positive (weight ${PROBE_POSITIVE_WEIGHT}); clean messages and each of their sentences negative, weighing ${PROBE_NEGATIVE_RATIO}x the probe threats in total`,
    `All text passed ../shared/tools/private-test-guard.mjs. Threshold: lowest with validation benign flagged <= ${THREAT_MAX_FPR_BENIGN * 100} %, non-threats flagged <= ${THREAT_MAX_FPR_NON_THREAT * 100} % and probe clean mail flagged <= ${THREAT_MAX_FPR_DOMAIN * 100} %`,
  ]),
};
const json = JSON.stringify(file) + '\n';
writeFileSync(OUT, json);
console.error(`wrote ${OUT} (${(json.length / 1024).toFixed(0)} KB)`);
