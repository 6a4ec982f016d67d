// Metamorphic checks on the real saved pages (../shared/data/pages, read in place): the same
// page, re-serialised, stripped of its <head>, with an empty <body>, or with a repost header
// in front, must never yield a different author, post or time. A field may go missing when
// its source was removed; it may never change.
import { describe, expect, it } from 'vitest';
import { corpusAvailable, loadCorpus, PAGES_DIR, readPage } from '../../scripts/lib/page-corpus.ts';
import { parseDocument } from './fixtures/load.ts';
import { extractSavedPage } from './saved-page.ts';

const FIELDS = ['authorHandle', 'authorDisplayName', 'authorId', 'postId', 'postTimestamp'] as const;
type Field = (typeof FIELDS)[number];
type Fields = Partial<Record<Field | 'postText', string | null>>;

const bare = (v: unknown) =>
  typeof v === 'string'
    ? v
        .normalize('NFC')
        .replace(/\s+/g, '')
        .replace(/^(@|u\/)/i, '')
        .toLowerCase()
    : null;

const TRANSFORMS: Record<string, (html: string) => string> = {
  'pretty-printed': (html) => html.replace(/>\s*</g, '>\n  <'),
  'without its <head>': (html) => html.replace(/<head\b[\s\S]*?<\/head>/i, '<head></head>'),
  'with an empty <body>': (html) => html.replace(/(<body\b[^>]*>)[\s\S]*(<\/body>)/i, '$1$2'),
  'behind a repost header': (html) =>
    html.replace(
      /<body\b[^>]*>/i,
      (b) => `${b}<div role="article"><a href="https://x.com/someone_else">@someone_else</a> reposted this <span>Someone Else</span></div>`,
    ),
};

function fieldsOf(text: string): Fields {
  return extractSavedPage(text, parseDocument).metadata as unknown as Fields;
}

it(`finds the real saved pages at ${PAGES_DIR}`, () => {
  expect(corpusAvailable(), `no saved pages at ${PAGES_DIR}`).toBe(true);
});

describe('the same page, changed in ways that must not change who posted what', () => {
  const pages = corpusAvailable()
    ? loadCorpus()
        .map((p) => ({ page: p, text: readPage(p) }))
        .filter((p) => /<html|<body/i.test(p.text.slice(0, 5000)) && !/^MIME-Version:/im.test(p.text.slice(0, 500)))
    : [];
  const baselines = pages.map(({ text }) => fieldsOf(text));

  it('starts from pages whose author and post were read, so the checks below compare something', () => {
    expect(pages.length).toBeGreaterThanOrEqual(40);
    expect(baselines.filter((b) => b.postId).length).toBeGreaterThanOrEqual(30);
    expect(baselines.filter((b) => b.authorHandle || b.authorDisplayName).length).toBeGreaterThanOrEqual(30);
  });

  for (const [name, transform] of Object.entries(TRANSFORMS)) {
    it(`never changes a field, ${name}`, () => {
      const changed: string[] = [];
      pages.forEach(({ page, text }, i) => {
        const before = baselines[i]!;
        const after = fieldsOf(transform(text));
        for (const f of FIELDS) {
          const a = bare(after[f]);
          if (a !== null && a !== bare(before[f])) changed.push(`${page.file} ${f}: ${before[f]} → ${after[f]}`);
        }
      });
      expect(changed).toEqual([]);
    });
  }

  it('reads the same fields and text when the page is only re-serialised', () => {
    const lost: string[] = [];
    pages.forEach(({ page, text }, i) => {
      const before = baselines[i]!;
      const after = fieldsOf(TRANSFORMS['pretty-printed']!(text));
      for (const f of [...FIELDS, 'postText'] as const) if (bare(after[f]) !== bare(before[f])) lost.push(`${page.file} ${f}: ${before[f]} → ${after[f]}`);
    });
    expect(lost).toEqual([]);
  });
});
