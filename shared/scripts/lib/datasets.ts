import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './csv.ts';

/** A labelled example. `abusive` is the binary label used for F1; `threat` marks threat-labelled cases. */
export interface Example {
  id: string;
  text: string;
  subject?: string;
  abusive: boolean;
  threat: boolean;
  group: string;
  /** Held out from training (evaluation only). */
  heldOut: boolean;
  /** Which corpus it came from (for source-held-out evaluation). */
  source?: string;
  /** Toxic Spans only: every annotator's typed span, as UTF-16 offsets into `text` (a test of evidence spans). */
  spans?: Span[];
  /** Label too weak to use either way (e.g. one Toxic Spans annotator of several saw a threat). */
  unsure?: boolean;
}

export interface Span {
  start: number;
  end: number;
  type: string;
  /** Annotation id: one annotator's pass over the comment. */
  annotation: string;
}

const HERE = dirname(fileURLToPath(import.meta.url));
/** Repo root is two levels above shared/scripts/lib; the data sits beside the checkout. */
export const REPO_ROOT = join(HERE, '..', '..', '..');
export const DATA_DIR = join(REPO_ROOT, '..', 'shared', 'data');
export const SCRIPT_DATA_DIR = join(HERE, '..', 'data');

function read(rel: string): string {
  const path = join(DATA_DIR, rel);
  if (!existsSync(path)) throw Object.assign(new Error(`missing dataset ${path}`), { code: 'DATA_MISSING' });
  return readFileSync(path, 'utf8');
}

/** Deterministic pseudo-random split: the same id always lands in the same fold. */
export function fold(id: string, folds: number): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % folds;
}

// Threat and obfuscation functionalities test the rules and normaliser; the model never sees them.
export const HATECHECK_NEVER_TRAIN = /^(?:threat_|spell_)/;

/** HateCheck: label hateful → abusive. One template in four is held out of training. */
export function loadHateCheck(): Example[] {
  return parseCsv(read('hatecheck/test_suite_cases.csv')).map((r) => ({
    id: `hatecheck:${r['case_id']}`,
    text: (r['test_case'] ?? '').trim(),
    abusive: r['label_gold'] === 'hateful',
    threat: (r['functionality'] ?? '').startsWith('threat_'),
    group: r['functionality'] ?? '',
    heldOut: HATECHECK_NEVER_TRAIN.test(r['functionality'] ?? '') || Number(r['templ_id']) % 4 === 0,
  }));
}

/**
 * Davidson et al.: class 0 hate, 1 offensive, 2 neither. Both 0 and 1 count as abusive for F1
 * (the label means "offensive language", mostly casual swearing). One tweet in five is held out.
 */
export function loadDavidson(): Example[] {
  return parseCsv(read('davidson/labeled_data.csv')).map((r) => {
    const id = `davidson:${r[''] ?? r['id']}`;
    return {
      id,
      text: decodeEntities(r['tweet'] ?? ''),
      abusive: r['class'] !== '2',
      threat: false,
      group: r['class'] === '0' ? 'hate' : r['class'] === '1' ? 'offensive' : 'neither',
      heldOut: fold(id, 5) === 0,
    };
  });
}

/**
 * Gab Hate Corpus (Kennedy et al. 2022): `cv` (call for violence) → threat; `hd` (assault on
 * human dignity), `vo` (vulgarity/offensive) or `cv` → abusive. Labels are the corpus's majority
 * labels. The `test` split is held out (`heldOut`): training never sees it.
 */
export function loadGabHate(): Example[] {
  const out: Example[] = [];
  for (const split of ['train', 'test'] as const) {
    parseCsv(read(`gab-hate-corpus/ghc_${split}.tsv`), '\t').forEach((r, i) => {
      const cv = r['cv'] === '1';
      const abusive = cv || r['hd'] === '1' || r['vo'] === '1';
      out.push({
        id: `ghc-${split}:${i}`,
        text: (r['text'] ?? '').trim(),
        abusive,
        threat: cv,
        group: cv ? 'cv' : r['hd'] === '1' ? 'hd' : r['vo'] === '1' ? 'vo' : 'none',
        heldOut: split === 'test',
        source: 'ghc',
      });
    });
  }
  return out.filter((e) => e.text !== '');
}

/**
 * Latent Hatred (ElSherief et al. 2021). Stage 1: explicit_hate / implicit_hate → abusive,
 * not_hate → negative. Stage 2 (implicit hate only, matched to stage 1 by post text):
 * `threatening` (as primary or extra class) → threat. `incitement` is NOT a threat here: in this
 * corpus it is incitement to hate (rallying, "we must have an all-white America"), not a call to
 * violence against a person; it stays abusive (implicit hate). `group` is the stage-2 class
 * when there is one, else the stage-1 class.
 */
export function loadLatentHatred(): Example[] {
  const key = (p: string) => p.replace(/\s+/g, ' ').trim();
  const stage2 = new Map<string, { cls: string; extra: string }>();
  for (const r of parseCsv(read('latent-hatred/implicit_hate_v1_stg2_posts.tsv'), '\t')) {
    stage2.set(key(r['post'] ?? ''), { cls: r['implicit_class'] ?? '', extra: r['extra_implicit_class'] ?? '' });
  }
  const seen = new Set<string>();
  const out: Example[] = [];
  const push = (id: string, post: string, cls1: string) => {
    const text = tidyTweet(post);
    const k = key(post);
    if (text === '' || seen.has(k)) return;
    seen.add(k);
    const s2 = stage2.get(k);
    const threat = s2 !== undefined && (s2.cls === 'threatening' || s2.extra === 'threatening');
    out.push({
      id,
      text,
      abusive: cls1 !== 'not_hate' || s2 !== undefined,
      threat,
      group: threat ? 'threatening' : (s2?.cls ?? cls1),
      heldOut: false,
      source: 'lh',
    });
  };
  parseCsv(read('latent-hatred/implicit_hate_v1_stg1_posts.tsv'), '\t').forEach((r, i) => push(`lh:${i}`, r['post'] ?? '', r['class'] ?? ''));
  // Stage-2 posts missing from stage 1 (the text differs slightly): implicit hate.
  let n = 0;
  for (const [post] of stage2) push(`lh2:${n++}`, post, 'implicit_hate');
  return out;
}

/** The tweets were exported with stray runs of quotes at either end; drop them, keep the words. */
function tidyTweet(s: string): string {
  return s
    .replace(/(?:\s*"+\s*)+$/g, '')
    .replace(/^(?:\s*"+\s*)+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Toxic Spans threat label: at least this many annotators marked a Threat span… */
export const TOXIC_SPANS_MIN_THREAT_ANNOTATORS = 2;
/** …and at least this share of the comment's annotators did. */
export const TOXIC_SPANS_MIN_THREAT_SHARE = 0.3;

/**
 * Toxic Spans (Pavlopoulos et al. 2022), Civil Comments. A comment is a threat when at least two
 * annotators, and at least 30 % of its annotators, marked a Threat span. One annotator alone is
 * too noisy to use (1,317 comments; their "Threat" spans include "stupidity", "sociopath",
 * "cut the crap"): those are `unsure` (neither threat nor negative). A comment with no span of
 * any type and a majority of "not toxic" answers is a negative; any other comment with spans is
 * abusive-not-threat. Every span (all types, all annotators) is kept in `spans` with its offsets.
 */
export function loadToxicSpans(): Example[] {
  const comments = parseCsv(read('toxic-spans/comments.csv'));
  const annotations = parseCsv(read('toxic-spans/annotations.csv'));
  const spans = parseCsv(read('toxic-spans/spans.csv'));
  const commentOf = new Map<string, string>();
  const annotators = new Map<string, number>();
  const notToxic = new Map<string, number>();
  for (const a of annotations) {
    const c = a['comment_id'] ?? '';
    commentOf.set(a['annotation'] ?? '', c);
    annotators.set(c, (annotators.get(c) ?? 0) + 1);
    if (a['not toxic'] === 'True') notToxic.set(c, (notToxic.get(c) ?? 0) + 1);
  }
  const spansOf = new Map<string, Span[]>();
  for (const s of spans) {
    const c = commentOf.get(s['annotation'] ?? '');
    if (c === undefined) continue;
    const list = spansOf.get(c) ?? [];
    list.push({ start: Number(s['start']), end: Number(s['end']), type: s['type'] ?? '', annotation: s['annotation'] ?? '' });
    spansOf.set(c, list);
  }
  return comments
    .map((r): Example => {
      const c = r['comment_id'] ?? '';
      const sp = spansOf.get(c) ?? [];
      const threatAnnotators = new Set(sp.filter((s) => s.type === 'Threat').map((s) => s.annotation)).size;
      const total = annotators.get(c) ?? 0;
      const threat = threatAnnotators >= TOXIC_SPANS_MIN_THREAT_ANNOTATORS && threatAnnotators >= TOXIC_SPANS_MIN_THREAT_SHARE * total;
      const negative = sp.length === 0 && (notToxic.get(c) ?? 0) * 2 > total;
      const ex: Example = {
        id: `toxic-spans:${c}`,
        text: r['comment_text'] ?? '',
        abusive: !negative,
        threat,
        group: threat ? 'threat' : threatAnnotators > 0 ? 'threat-1' : negative ? 'clean' : sp.length > 0 ? 'toxic' : 'unlabelled',
        heldOut: false,
        source: 'toxic-spans',
        spans: sp,
      };
      // One threat annotator, or no span without a "not toxic" majority: no usable label.
      if ((!threat && threatAnnotators > 0) || (!negative && sp.length === 0)) ex.unsure = true;
      return ex;
    })
    .filter((e) => e.text.trim() !== '');
}

/** UK Parliament petitions: legitimate, often angry political text. All negative, never trained on. */
export function loadPetitions(): Example[] {
  return parseCsv(read('petitions/petitions.csv')).map((r) => ({
    id: `petitions:${r['id']}`,
    text: [r['action'], r['background'], r['additional_details']].filter(Boolean).join('\n\n'),
    abusive: false,
    threat: false,
    group: 'petition',
    heldOut: true,
  }));
}

/**
 * Our own councillor-email examples. Never trained on. `councillor-emails.jsonl` was used
 * while writing the rules (a development set); `councillor-emails-fresh.jsonl` was written
 * after the rules were frozen (its first run is quoted in eval.ts; later rules saw its misses).
 */
export function loadCouncillorEmails(file = 'councillor-emails.jsonl'): Example[] {
  const prefix = file.replace(/\.jsonl$/, '');
  const text = readFileSync(join(SCRIPT_DATA_DIR, file), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const r = JSON.parse(l) as { text: string; subject?: string; label: string; group: string };
      const ex: Example = {
        id: `${prefix}:${i}`,
        text: r.text,
        abusive: r.label === 'abuse' || r.label === 'threat' || r.label === 'threat_to_life',
        threat: r.label === 'threat' || r.label === 'threat_to_life',
        group: r.group,
        heldOut: true,
      };
      if (r.subject) ex.subject = r.subject;
      return ex;
    });
}

/**
 * Our own probe sets (shared/scripts/data/probe-sets.jsonl): threats to UK officials written by the
 * team without looking at the rules, in the style of court reports, news and social media, with
 * angry-but-legitimate and everyday messages as negatives. Each set was scored untouched once and
 * then tuned on (sets 15, 16 and 17 only scored), so these are DEV numbers for the rules. The threat head is
 * trained on them too, domain-balanced (lib/probe-training.ts: trained on plainly, it flagged
 * casework like "could I book a slot at your next surgery?" as a threat); threat-loso.ts scores
 * that leave-one-set-out. Every line passed the private-test guard.
 */
export function loadProbeSets(): Example[] {
  return readFileSync(join(SCRIPT_DATA_DIR, 'probe-sets.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const r = JSON.parse(l) as { set: number; text: string; subject?: string; label: string; group: string };
      const threat = r.label === 'threat';
      const ex: Example = { id: `probe-${r.set}:${i}`, text: r.text, abusive: threat, threat, group: r.group, heldOut: false, source: 'probe' };
      if (r.subject) ex.subject = r.subject;
      return ex;
    });
}

export function loadPlaces(): string[] {
  return readFileSync(join(SCRIPT_DATA_DIR, 'uk-places.txt'), 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
}

function decodeEntities(s: string): string {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)));
}

/** The raw label of each line of one of our JSONL sets, in order. */
export function readLabels(file: string): string[] {
  return readFileSync(join(SCRIPT_DATA_DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { label: string }).label);
}
