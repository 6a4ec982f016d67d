// `npm run eval`: Wardguard next to four npm profanity filters, same data, same run.
import { classify } from '../src/classify/index.ts';
import type { Verdict } from '../src/classify/index.ts';
import { createBaselines } from './lib/baselines.ts';
import type { Example } from './lib/datasets.ts';
import { loadCouncillorEmails, loadDavidson, loadHateCheck, loadPetitions, loadPlaces } from './lib/datasets.ts';
import { f3, pct, score, table } from './lib/metrics.ts';
import { readLabels } from './lib/datasets.ts';
import { makeEmailBodies, measure } from './lib/throughput.ts';
import { loadGabHate, loadLatentHatred, loadProbeSets, loadToxicSpans } from './lib/datasets.ts';
import { probeTable } from './lib/probe-table.ts';
import { headFile, privateTestGuard, sourceOf, threatCandidates, trainThreatHead } from './lib/linear.ts';
import { createModel } from '../src/classify/model.ts';
import type { ModelFile } from '../src/classify/model.ts';
import shippedWeights from '../src/classify/model-weights.json' with { type: 'json' };

const ABUSIVE = new Set(['abuse', 'threat', 'threat_to_life']);
const ANY_FLAG = new Set(['profanity', 'abuse', 'threat', 'threat_to_life']);
const THREAT = new Set(['threat', 'threat_to_life']);

interface System {
  name: string;
  /** Flag as abusive; `strictness` picks how Wardguard's severities map to the dataset's label. */
  flags(ex: Example, mapping: 'abusive' | 'any'): boolean;
  flagsThreat(ex: Example): boolean;
}

const cache = new Map<string, Verdict>();
const verdictOf = (ex: Example): Verdict => {
  let v = cache.get(ex.id);
  if (!v) {
    v = classify(ex.subject ? { subject: ex.subject, body: ex.text } : { body: ex.text });
    cache.set(ex.id, v);
  }
  return v;
};

const wardguard: System = {
  name: 'Wardguard',
  flags: (ex, mapping) => (mapping === 'any' ? ANY_FLAG : ABUSIVE).has(verdictOf(ex).severity),
  flagsThreat: (ex) => THREAT.has(verdictOf(ex).severity),
};
const systems: System[] = [
  wardguard,
  ...createBaselines().map((b) => ({
    name: b.name,
    flags: (ex: Example) => b.flags([ex.subject, ex.text].filter(Boolean).join('\n')),
    flagsThreat: (ex: Example) => b.flags([ex.subject, ex.text].filter(Boolean).join('\n')),
  })),
];

const hatecheck = loadHateCheck();
const davidson = loadDavidson().filter((e) => e.heldOut);
const councillor = loadCouncillorEmails();
const fresh = loadCouncillorEmails('councillor-emails-fresh.jsonl');
const petitions = loadPetitions();

console.log(`# Wardguard classifier evaluation (${new Date().toISOString().slice(0, 10)})

Label mapping ("abusive" for precision/recall/F1):
- HateCheck: label_gold = hateful. Wardguard counts as flagging when severity is abuse, threat or
  threat_to_life (profanity alone is NOT a flag: HateCheck's profanity_nh cases are non-hateful swearing).
- Davidson: classes 0 (hate) and 1 (offensive language) are positive. Their "offensive" label is mostly
  casual swearing ("bitch", "hoe"), so here Wardguard's profanity severity ALSO counts as a flag; the
  strict row (Wardguard ≥ abuse) shows how much of it we treat as real abuse.
- Councillor emails (our own hand-written sets): abuse/threat/threat_to_life are positive; profanity-only,
  self-harm, idioms, reported speech and angry criticism are negative. Wardguard flags at ≥ abuse.
  The "dev set" (218) was used while writing the rules, so its score is optimistic. The "fresh" set (60)
  was written after the rules were frozen; its first, untuned run scored R 0.267 / F1 0.421 / threat
  recall 25 %. The back-off threat rule and a few patterns were then added while looking at its misses,
  so the fresh numbers below are no longer untuned either. A second round from its remaining misses
  (R 0.733, threat recall 83.3 %) added pattern families, each tested on other phrasings and their
  benign twins: a vehicle as the weapon, "you'll need police protection", an ominous "seeing you very
  soon", the family's routine + "just so you know", "go back to where you came from", "bend you over".
- npm filters: a flag is any match; for "threat recall" a filter gets credit for any flag on a threat.
Held out from model training: HateCheck templates with templ_id % 4 = 0 and all threat_*/spell_* cases;
Davidson rows with fold 0 of 5 (only those are scored here); all petitions; all councillor emails; all places.
The rules were written while looking at HateCheck threat_*/spell_* failures and the councillor dev set, so
those numbers measure the rules on data they were developed against. The petitions were not trained on,
but three rules were tightened after seeing their first false flags ("or else", "human waste", bare
"death to"), and the abuse head's threshold moved from 0.75 to a 1 % validation-FPR choice (0.845), then
to a 0.5 % choice (0.885) when the private-test guard's drops shifted the 1 % choice to 0.81 and two
neutral group-naming sentences (a unit test and one councillor-fresh criticism) came back as hate.

What was tuned on (a score on these is a DEV score, not a held-out one):
- Rules (threat.ts, threat-lexicon.ts, backoff.ts, normalise.ts): written and tuned on HateCheck
  (esp. threat_*/spell_*), the councillor dev and fresh sets (shared/scripts/data), and Latent Hatred
  stage-2 "threatening" posts, and probe sets of threats to UK officials paraphrased by the team in
  the style of court reports (kept out of the repo; each was scored untouched before it was tuned on,
  then became dev data). NOT on the Gab Hate Corpus or Toxic Spans.
- Model, abuse head: trained on HateCheck training templates + 4/5 of Davidson; threshold on their
  validation fold.
- Model, threat head (shipped): trained on Gab Hate Corpus train split (cv), Latent Hatred, Toxic Spans
  (Threat spans from >= 2 annotators), Davidson 4/5 and HateCheck non-threat training templates as
  negatives, and our probe sets 2-17 (threats positive; clean messages and their sentences negative,
  domain-balanced); threshold on their validation fold (benign flagged <= 0.2 %, non-threats <= 0.5 %,
  probe clean mail <= 1 %). So the probe table is DEV for the head too, and the
  tables above use a threat head that has seen LH and Toxic Spans: only the source-held-out table
  below gives held-out threat-head numbers.
- Everything trained or tuned on passed ../shared/tools/private-test-guard.mjs first.
Source-held-out table: the threat head is retrained here, in memory, once per row group, on the OTHER
sources only (same recipe and threshold rule). Gab Hate Corpus test split and Toxic Spans are held out
for rules and model alike; the Latent Hatred row is held out for the model but a DEV number for the rules.
`);

function datasetRows(name: string, examples: Example[], mapping: 'abusive' | 'any'): string[][] {
  const threats = examples.filter((e) => e.threat);
  return systems.map((s) => {
    const m = score(examples.map((e) => ({ label: e.abusive, predicted: s.flags(e, s === wardguard ? mapping : 'any') })));
    const tr = threats.length ? pct(threats.filter((e) => s.flagsThreat(e)).length / threats.length) : '-';
    return [name, s.name, String(m.n), f3(m.precision), f3(m.recall), f3(m.f1), tr, pct(m.flagRateOnNegatives)];
  });
}

const rows = [
  ...datasetRows(
    'HateCheck held-out',
    hatecheck.filter((e) => e.heldOut),
    'abusive',
  ),
  ...datasetRows('HateCheck all', hatecheck, 'abusive'),
  ...datasetRows('Davidson test 20%', davidson, 'any'),
  ...datasetRows('Davidson strict', davidson, 'abusive')
    .slice(0, 1)
    .map((r) => [r[0]!, 'Wardguard ≥ abuse', ...r.slice(2)]),
  ...datasetRows('Councillor dev set', councillor, 'abusive'),
  ...datasetRows('Councillor fresh', fresh, 'abusive'),
];
console.log('## Abusive vs not\n');
console.log(table(['dataset', 'system', 'n', 'P', 'R', 'F1', 'threat R', 'FP rate'], rows));

// Pooled threat recall across every threat-labelled example we have.
const allThreats = [...hatecheck, ...councillor, ...fresh].filter((e) => e.threat);
console.log(`\n## Threat recall, pooled (HateCheck threat_* + both councillor sets, n=${allThreats.length})\n`);
console.log(
  table(
    ['system', 'threat recall', 'threats flagged as threat_to_life'],
    systems.map((s) => [
      s.name,
      pct(allThreats.filter((e) => s.flagsThreat(e)).length / allThreats.length),
      s === wardguard ? pct(allThreats.filter((e) => verdictOf(e).severity === 'threat_to_life').length / allThreats.length) : '-',
    ]),
  ),
);
// Threats to life in our sets: the threat_to_life label.
const lifeLabel = (e: Example) => e.threat && e.group !== '' && LIFE_IDS.has(e.id);
const LIFE_IDS = new Set<string>();
for (const file of ['councillor-emails.jsonl', 'councillor-emails-fresh.jsonl']) {
  readLabels(file).forEach((label, i) => label === 'threat_to_life' && LIFE_IDS.add(`${file.replace(/\.jsonl$/, '')}:${i}`));
}
for (const [name, set] of [
  ['dev set', councillor],
  ['fresh', fresh],
] as const) {
  const life = set.filter(lifeLabel);
  console.log(
    `Councillor ${name}, threats to life (n=${life.length}): Wardguard says threat_to_life ${pct(life.filter((e) => verdictOf(e).severity === 'threat_to_life').length / Math.max(life.length, 1))}, any threat ${pct(life.filter((e) => wardguard.flagsThreat(e)).length / Math.max(life.length, 1))}`,
  );
}
const missedFresh = fresh.filter((e) => e.abusive !== wardguard.flags(e, 'abusive') || (e.threat && !wardguard.flagsThreat(e)));
console.log(`Fresh-set errors (${missedFresh.length}):`);
for (const e of missedFresh) console.log(`  [${e.abusive ? 'abusive' : 'ok'}:${e.group}] Wardguard ${verdictOf(e).severity}: ${e.text}`);

console.log('\n## HateCheck per functionality (share of cases where the system agrees with the label)\n');
const funcs = [...new Set(hatecheck.map((e) => e.group))].sort();
console.log(
  table(
    ['functionality', 'n', 'label', ...systems.map((s) => s.name.split(' ')[0]!)],
    funcs.map((f) => {
      const ex = hatecheck.filter((e) => e.group === f);
      const hateful = ex[0]!.abusive;
      return [
        f + (/^(?:threat_|spell_)/.test(f) ? ' *' : ''),
        String(ex.length),
        hateful ? 'hateful' : 'not',
        ...systems.map((s) => pct(ex.filter((e) => s.flags(e, 'abusive') === e.abusive).length / ex.length)),
      ];
    }),
  ),
);
console.log('(* never used in training)');

console.log('\n## Councillor emails by group (share flagged at ≥ abuse; threats: share flagged as threat)\n');
const groups = [...new Set(councillor.map((e) => `${e.abusive ? 'abusive' : 'ok'}:${e.group}`))].sort();
console.log(
  table(
    ['label:group', 'n', ...systems.map((s) => s.name.split(' ')[0]!)],
    groups.map((g) => {
      const ex = councillor.filter((e) => `${e.abusive ? 'abusive' : 'ok'}:${e.group}` === g);
      return [g, String(ex.length), ...systems.map((s) => pct(ex.filter((e) => s.flags(e, 'abusive')).length / ex.length))];
    }),
  ),
);
const welfare = councillor.filter((e) => e.group === 'welfare');
console.log(
  `Self-harm messages with welfare flag: ${welfare.filter((e) => verdictOf(e).welfare).length}/${welfare.length}; flagged as a threat: ${welfare.filter((e) => wardguard.flagsThreat(e)).length}`,
);

console.log('\n## Legitimate political text: UK Parliament petitions (must stay clean)\n');
console.log(
  table(
    ['system', 'n', 'flagged ≥ abuse', 'any flag'],
    systems.map((s) => [
      s.name,
      String(petitions.length),
      pct(petitions.filter((e) => s.flags(e, 'abusive')).length / petitions.length),
      pct(petitions.filter((e) => s.flags(e, 'any')).length / petitions.length),
    ]),
  ),
);
const petitionFlags = petitions.filter((e) => wardguard.flags(e, 'any'));
for (const e of petitionFlags.slice(0, 5)) {
  const v = verdictOf(e);
  console.log(`  Wardguard ${v.severity}: ${v.evidence.map((x) => `"${x.phrase}" (${x.rule})`).join(', ')}`);
}

const places = loadPlaces();
const TEMPLATES = [
  'The next ward surgery will be held in {p} on Tuesday.',
  '{p} has a new bus timetable from Monday.',
  'My aunt moved to {p} last year and loves it.',
];
const placeExamples: Example[] = places.flatMap((p, i) =>
  TEMPLATES.map((t, j) => ({ id: `place:${i}:${j}`, text: t.replace('{p}', p), abusive: false, threat: false, group: p, heldOut: true })),
);
console.log(`\n## UK place names in neutral sentences (${places.length} places × ${TEMPLATES.length} sentences)\n`);
console.log(
  table(
    ['system', 'sentences flagged (any severity)', 'places flagged'],
    systems.map((s) => {
      const flagged = placeExamples.filter((e) => s.flags(e, 'any'));
      return [
        s.name,
        `${flagged.length}/${placeExamples.length} (${pct(flagged.length / placeExamples.length)})`,
        String(new Set(flagged.map((e) => e.group)).size),
      ];
    }),
  ),
);
const wgPlaces = [...new Set(placeExamples.filter((e) => wardguard.flags(e, 'any')).map((e) => e.group))];
console.log(`Wardguard flagged: ${wgPlaces.join(', ') || 'none'}`);

console.log(
  '\n## Our probe sets: threats to UK officials written by the team (DEV: rules tuned on sets 2-14; threat head trained on all; sets 15, 16 and 17 were scored untouched first)\n',
);
console.log(probeTable(loadProbeSets(), verdictOf));
console.log(
  'Each set was scored once untouched (last column), then rules were written for its misses. The untouched\n' +
    'column is the honest estimate of how the rules meet new phrasing; the others are dev numbers. The threat\n' +
    'head is trained on every set: its held-out numbers come from shared/scripts/threat-loso.ts (one set out at a time).',
);

console.log('\n## Throughput, ~3 KB email bodies, one core\n');
const bodies = makeEmailBodies();
const wgRate = measure((b) => classify({ body: b }), bodies);
console.log(
  table(
    ['system', 'emails/s', 'Wardguard ÷ system'],
    [
      ['Wardguard', wgRate.toFixed(0), '1.00'],
      ...createBaselines().map((b) => {
        const r = measure((t) => b.flags(t), bodies, 800);
        return [b.name, r.toFixed(0), (wgRate / r).toFixed(2)];
      }),
    ],
  ),
);

// ---------------------------------------------------------------------------------------------
// Source-held-out: each real source in turn is held out of the threat head's training (trained
// here, in memory, on the other sources) and scored as rules only and rules + model.
console.log('\n## Source-held-out threat detection (threat head retrained without the held-out source)\n');
const heldT0 = Date.now();
const candidates = threatCandidates();
const guard = privateTestGuard(candidates.map((c) => c.ex));
const guardKept = new Set(guard.kept);
const guardedCandidates = candidates.filter((c) => guardKept.has(c.ex));
console.log(`Private-test guard on the training candidates: kept ${guard.kept.length} of ${candidates.length}, dropped ${guard.dropped}.`);
const HOLDOUTS: Array<{ name: string; source: string; examples: Example[] }> = [
  { name: 'Gab Hate Corpus test', source: 'ghc', examples: loadGabHate().filter((e) => e.heldOut) },
  { name: 'Toxic Spans', source: 'toxic-spans', examples: loadToxicSpans().filter((e) => !e.unsure) },
  { name: 'Latent Hatred (rules: dev)', source: 'lh', examples: loadLatentHatred() },
];
const SHIPPED = shippedWeights as ModelFile;
const heldRows: string[][] = [];
const spanNotes: string[] = [];
for (const h of HOLDOUTS) {
  const head = trainThreatHead(guardedCandidates.filter((c) => sourceOf(c.ex) !== h.source));
  const heldModel = createModel({ ...SHIPPED, version: `${SHIPPED.version}-without-${h.source}`, threat: headFile(head.weights, head.threshold, []) });
  const threats = h.examples.filter((e) => e.threat);
  const negatives = h.examples.filter((e) => !e.abusive);
  const nonThreats = h.examples.filter((e) => !e.threat);
  const abuseOnly = createModel({ ...SHIPPED, threat: undefined });
  const systemsHeld = [
    ['rules only', null],
    ['rules + abuse head', abuseOnly],
    [`rules + abuse + threat head (t=${head.threshold.toFixed(3)})`, heldModel],
  ] as const;
  for (const [label, model] of systemsHeld) {
    const sev = new Map<Example, Verdict>();
    for (const e of h.examples) sev.set(e, classify({ body: e.text }, { model }));
    const v = (e: Example) => sev.get(e)!;
    const rate = (xs: Example[], f: (e: Example) => boolean) => (xs.length ? pct(xs.filter(f).length / xs.length) : '-');
    heldRows.push([
      h.name,
      label,
      String(threats.length),
      rate(threats, (e) => THREAT.has(v(e).severity)),
      rate(threats, (e) => v(e).severity !== 'clean'),
      String(negatives.length),
      rate(negatives, (e) => v(e).severity !== 'clean'),
      rate(negatives, (e) => ABUSIVE.has(v(e).severity)),
      rate(nonThreats, (e) => THREAT.has(v(e).severity)),
    ]);
    if (h.source === 'toxic-spans' && model !== abuseOnly) {
      // Evidence spans against the annotators' Threat spans (offsets into the same text).
      const caught = threats.filter((e) => THREAT.has(v(e).severity));
      const agree = caught.filter((e) =>
        v(e).evidence.some((x) => THREAT.has(x.category) && (e.spans ?? []).some((s) => s.type === 'Threat' && x.start < s.end && s.start < x.end)),
      );
      spanNotes.push(
        `Toxic Spans, ${label}: of ${caught.length} threats caught as threat, ${agree.length} have threat evidence overlapping an annotated Threat span.`,
      );
    }
  }
}
console.log(
  table(['held-out source', 'system', 'n threats', 'threat R', 'flagged R', 'n neg', 'neg any flag', 'neg ≥ abuse', 'non-threat → threat'], heldRows),
);
console.log(`threat R: threat or threat_to_life; flagged R: any severity other than clean (incl. review);
negatives: GHC no hd/vo/cv label, Toxic Spans no span and a "not toxic" majority, Latent Hatred not_hate;
non-threat → threat: every non-threat text of the source (incl. abusive) read as a threat.
Threat labels: GHC cv; Toxic Spans Threat span from >= 2 annotators (and >= 30 % of them; comments with one
threat annotator are left out); Latent Hatred stage-2 threatening (incitement is not counted as a threat).`);
for (const note of spanNotes) console.log(note);
console.log(`(source-held-out section: ${((Date.now() - heldT0) / 1000).toFixed(0)} s)`);
