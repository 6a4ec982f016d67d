/**
 * Scores the extractors on the real saved pages in ../shared/data/pages (see its README):
 * right / wrong / missing per platform and field, tuned and held-out pages apart.
 *
 *   npm run extract:eval                 # as the CLI sees a file: address read from the page itself
 *   npm run extract:eval -- --given-url  # with the address from expected.json (platform home if none)
 *   npm run extract:eval -- --verbose    # plus every wrong / missing value
 */
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { extractPost } from '../src/extract/index.ts';
import { extractSavedPage } from '../src/extract/saved-page.ts';
import {
  corpusAvailable,
  FIELDS,
  isHeldOut,
  loadCorpus,
  PAGES_DIR,
  readPage,
  rightRate,
  scorePage,
  tally,
  wrongAuthors,
  type CorpusPage,
  type PageResult,
  type Tally,
} from './lib/page-corpus.ts';

const HOME: Record<string, string> = {
  x: 'https://twitter.com/',
  reddit: 'https://www.reddit.com/',
  youtube: 'https://www.youtube.com/',
  instagram: 'https://www.instagram.com/',
  facebook: 'https://www.facebook.com/',
  tiktok: 'https://www.tiktok.com/',
};

function extractGiven(page: CorpusPage, html: string) {
  const { document } = parseHTML(html);
  return extractPost(document as unknown as Document, page.url ?? HOME[page.platform] ?? 'https://example.invalid/');
}

function extractInferred(html: string) {
  return extractSavedPage(html, (h) => parseHTML(h).document as unknown as Document).metadata;
}

const cell = (t: Tally): string => `${t.right}/${t.wrong}/${t.missing}`.padEnd(9);
const pct = (t: Tally): string => `${(rightRate(t) * 100).toFixed(1)} %`;

function table(title: string, results: PageResult[]): string {
  const lines = [`${title} (${results.length} pages; cells are right/wrong/missing)`];
  lines.push(['platform'.padEnd(10), 'pages', ...FIELDS.map((f) => f.slice(0, 9).padEnd(9)), 'all'.padEnd(10), 'right'].join(' '));
  const platforms = [...new Set(results.map((r) => r.page.platform))];
  for (const p of [...platforms, 'TOTAL']) {
    const rows = p === 'TOTAL' ? results : results.filter((r) => r.page.platform === p);
    const all = tally(rows);
    lines.push([p.padEnd(10), String(rows.length).padEnd(5), ...FIELDS.map((f) => cell(tally(rows, f))), cell(all).padEnd(10), pct(all)].join(' '));
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'given-url': { type: 'boolean' }, verbose: { type: 'boolean', short: 'v' } } });
  if (!corpusAvailable()) {
    process.stderr.write(`extract:eval: no pages at ${PAGES_DIR}\n`);
    process.exit(2);
  }
  const pages = loadCorpus();
  const given = values['given-url'] === true;
  const results = pages.map((page) => {
    const html = readPage(page);
    return scorePage(page, given ? extractGiven(page, html) : extractInferred(html), isHeldOut(page, pages));
  });
  const mode = given ? 'address given (expected.json url, platform home if none)' : 'no address given: read from the page';
  const out = [`extract:eval — ${mode}`, ''];
  out.push(
    table(
      'TUNED',
      results.filter((r) => !r.heldOut),
    ),
    '',
  );
  out.push(
    table(
      'HELD OUT',
      results.filter((r) => r.heldOut),
    ),
    '',
  );
  out.push(table('ALL', results), '');
  const wrong = wrongAuthors(results);
  out.push(`Wrong authors: ${wrong.length === 0 ? 'none' : ''}`);
  for (const r of wrong) {
    out.push(
      `  ${r.page.file}: got ${r.metadata.authorHandle} / ${r.metadata.authorDisplayName}, expected ${r.page.expected.authorHandle} / ${r.page.expected.authorDisplayName}`,
    );
  }
  if (values.verbose) {
    out.push('', 'Not right:');
    for (const r of results) {
      for (const f of FIELDS) {
        if (r.outcomes[f] === 'right') continue;
        const exp = f === 'postText' ? r.page.expected.postTextStartsWith : r.page.expected[f];
        const got = r.metadata[f];
        out.push(
          `  ${r.page.file}${r.heldOut ? ' (held out)' : ''} ${f} ${r.outcomes[f]}: got ${JSON.stringify(got?.slice(0, 70) ?? null)} expected ${JSON.stringify(exp)}`,
        );
      }
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

await main();
