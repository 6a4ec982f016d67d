// The real saved pages in ../shared/data/pages (beside the checkout, never copied into the repo)
// and how an extraction is scored against their expected.json. Used by `npm run extract:eval`
// and by src/extract/real-pages.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PostMetadata } from '@wardguard/shared/evidence/post-metadata';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Repo root is three levels above extension/scripts/lib; the data sits beside the checkout. */
export const REPO_ROOT = join(HERE, '..', '..', '..');
export const PAGES_DIR = join(REPO_ROOT, '..', 'shared', 'data', 'pages');

export const FIELDS = ['authorHandle', 'authorDisplayName', 'postId', 'postTimestamp', 'postText'] as const;
export type Field = (typeof FIELDS)[number];
export type Outcome = 'right' | 'wrong' | 'missing';

export interface CorpusPage {
  file: string;
  platform: string;
  url: string | null;
  expected: {
    authorHandle: string | null;
    authorDisplayName: string | null;
    postId: string | null;
    postTimestamp: string | null;
    postTextStartsWith: string | null;
  };
}

/**
 * Held out while tuning, fixed before any page's markup was read: every page whose number is a
 * multiple of 3, and the last page of a platform with fewer than three pages.
 */
export function isHeldOut(page: CorpusPage, all: readonly CorpusPage[]): boolean {
  const n = Number(/-(\d+)\.html$/.exec(page.file)?.[1] ?? 0);
  const count = all.filter((p) => p.platform === page.platform).length;
  return n % 3 === 0 || (count < 3 && n === count);
}

export function corpusAvailable(): boolean {
  return existsSync(join(PAGES_DIR, 'expected.json'));
}

export function loadCorpus(): CorpusPage[] {
  return JSON.parse(readFileSync(join(PAGES_DIR, 'expected.json'), 'utf8')) as CorpusPage[];
}

export function readPage(page: CorpusPage): string {
  return readFileSync(join(PAGES_DIR, page.file), 'utf8');
}

const collapse = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const bareHandle = (s: string): string =>
  collapse(s)
    .replace(/^(@|u\/)/i, '')
    .toLowerCase();

function sameTime(expected: string, got: string): boolean {
  // Date-only expectations (older YouTube pages) are compared as dates.
  if (/^\d{4}-\d{2}-\d{2}$/.test(expected)) return got.slice(0, 10) === expected;
  return Date.parse(expected) === Date.parse(got);
}

/** Right: matches (or both empty). Wrong: a value that is not the expected one. Missing: expected a value, got none. */
export function scoreField(field: Field, page: CorpusPage, got: PostMetadata): Outcome {
  const expected = field === 'postText' ? page.expected.postTextStartsWith : page.expected[field];
  const value = got[field];
  if (value === null || value === undefined || value === '') return expected === null ? 'right' : 'missing';
  if (expected === null) return 'wrong';
  switch (field) {
    case 'authorHandle':
      return bareHandle(value) === bareHandle(expected) ? 'right' : 'wrong';
    case 'postTimestamp':
      return sameTime(expected, value) ? 'right' : 'wrong';
    case 'postText':
      return collapse(value).startsWith(collapse(expected)) ? 'right' : 'wrong';
    default:
      return collapse(value) === collapse(expected) ? 'right' : 'wrong';
  }
}

export type Tally = Record<Outcome, number>;
export interface PageResult {
  page: CorpusPage;
  heldOut: boolean;
  metadata: PostMetadata;
  outcomes: Record<Field, Outcome>;
}

export function scorePage(page: CorpusPage, metadata: PostMetadata, heldOut: boolean): PageResult {
  const outcomes = Object.fromEntries(FIELDS.map((f) => [f, scoreField(f, page, metadata)])) as Record<Field, Outcome>;
  return { page, heldOut, metadata, outcomes };
}

export function tally(results: readonly PageResult[], field?: Field): Tally {
  const t: Tally = { right: 0, wrong: 0, missing: 0 };
  for (const r of results) for (const f of field ? [field] : FIELDS) t[r.outcomes[f]]++;
  return t;
}

export function rightRate(t: Tally): number {
  const n = t.right + t.wrong + t.missing;
  return n === 0 ? 1 : t.right / n;
}

/** Pages where the extracted author handle is a value, and not the expected one. */
export function wrongAuthors(results: readonly PageResult[]): PageResult[] {
  return results.filter((r) => r.outcomes.authorHandle === 'wrong' || r.outcomes.authorDisplayName === 'wrong');
}
