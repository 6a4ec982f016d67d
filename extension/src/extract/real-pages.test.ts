// Runs the extractors over the 42 real saved pages in ../shared/data/pages (read in place, never
// copied into the repo) exactly as `npm run extract` does with no --url. The thresholds are floors
// the code meets today; the scores are computed from the pages on every run.
import { describe, expect, it } from 'vitest';
import {
  corpusAvailable,
  isHeldOut,
  loadCorpus,
  PAGES_DIR,
  readPage,
  rightRate,
  scorePage,
  tally,
  wrongAuthors,
  type PageResult,
} from '../../scripts/lib/page-corpus.ts';
import { parseDocument } from './fixtures/load.ts';
import { extractSavedPage } from './saved-page.ts';

const MIN_RIGHT_RATE = 0.95;
const MIN_HELD_OUT_RIGHT_RATE = 0.9;

// CI runs with a copy of shared/ beside the clone; without the pages this fails rather than skips,
// because a skipped test would read as a pass.
it(`finds the real saved pages at ${PAGES_DIR}`, () => {
  expect(corpusAvailable(), `no saved pages at ${PAGES_DIR}: run the tests from a checkout with ../shared/data beside it`).toBe(true);
});

describe(`real saved pages (${PAGES_DIR})`, () => {
  const pages = corpusAvailable() ? loadCorpus() : [];
  const runs = pages.map((page) => {
    const { metadata, source } = extractSavedPage(readPage(page), parseDocument);
    return { page, source, result: scorePage(page, metadata, isHeldOut(page, pages)) };
  });
  const results: PageResult[] = runs.map((r) => r.result);

  it('never records the wrong author (handle or display name) for the target post', () => {
    const wrong = wrongAuthors(results).map((r) => `${r.page.file}: ${r.metadata.authorHandle} / ${r.metadata.authorDisplayName}`);
    expect(wrong).toEqual([]);
  });

  it(`gets at least ${MIN_RIGHT_RATE * 100} % of fields right over all pages, and ${MIN_HELD_OUT_RIGHT_RATE * 100} % on the held-out pages`, () => {
    expect(rightRate(tally(results))).toBeGreaterThanOrEqual(MIN_RIGHT_RATE);
    expect(rightRate(tally(results.filter((r) => r.heldOut)))).toBeGreaterThanOrEqual(MIN_HELD_OUT_RIGHT_RATE);
  });

  it("recognises every page's platform without being told its address", () => {
    const wrongPlatform = results.filter((r) => r.metadata.platform !== r.page.platform).map((r) => `${r.page.file}: ${r.metadata.platform}`);
    expect(wrongPlatform).toEqual([]);
  });

  it('reads the same address the page states (canonical, else og:url), and says when it had to infer one', () => {
    for (const { page, source } of runs) {
      if (page.url) expect(source.url, page.file).toBe(page.url);
      else expect(source, page.file).toMatchObject({ inferred: true, how: 'markup' });
    }
  });

  it('produces output the evidence schema accepts for every page', async () => {
    const { postMetadataSchema } = await import('@wardguard/shared/evidence/post-metadata');
    for (const r of results) expect(() => postMetadataSchema.parse(r.metadata), r.page.file).not.toThrow();
  });
});
