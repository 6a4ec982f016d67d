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
