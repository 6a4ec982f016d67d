import { readdirSync, readFileSync } from 'node:fs';
import { POST_TEXT_MAX_CHARS } from '@wardguard/shared/evidence/post-metadata';
import { describe, expect, it } from 'vitest';
import { expectValid } from './fixtures/expect-valid.ts';
import { FIXTURES_DIR, loadFixture, parseDocument } from './fixtures/load.ts';
import { extractPost } from './index.ts';

describe('hostile pages', () => {
  it('survives malformed markup, broken JSON and scripts, and caps the text with a warning', () => {
    const result = expectValid(extractPost(loadFixture('hostile.html'), 'https://x.com/someone/status/123'));
    expect(result.warnings.join(' ')).not.toMatch(/Extraction failed/);
    expect(result.postText).toHaveLength(POST_TEXT_MAX_CHARS);
    expect(result.warnings.join(' ')).toMatch(/postText truncated from \d+ to 20000/);
    expect(result.postTimestamp).toBeNull();
    expect(result.mediaUrls).toEqual(['https://pbs.twimg.com/media/ok.jpg']);
    expect(result.authorProfileUrl ?? '').not.toMatch(/javascript:/);
  });

  it.each(['generic', 'x', 'facebook', 'reddit', 'youtube', 'mastodon'])(
    'does not throw on 20,000-deep nesting and a multi-megabyte text node (%s)',
    (platform) => {
      const host = {
        generic: 'example.com',
        x: 'x.com',
        facebook: 'www.facebook.com',
        reddit: 'www.reddit.com',
        youtube: 'www.youtube.com',
        mastodon: 'example.social',
      }[platform]!;
      const html =
        readFileSync(`${FIXTURES_DIR}hostile.html`, 'utf8') +
        '<article class="status" data-id="1">' +
        '<div>'.repeat(20_000) +
        'x'.repeat(3_000_000) +
        '</div>'.repeat(20_000) +
        '</article>';
      const doc = parseDocument(html);
      // No timing assert (a slow machine is not a defect): a hang fails on the test timeout.
      const result = expectValid(extractPost(doc, `https://${host}/@someone/1`, { targetElement: doc.querySelector('article')! }));
      expect((result.postText ?? '').length).toBeLessThanOrEqual(POST_TEXT_MAX_CHARS);
      expect(result.warnings.join(' ')).not.toMatch(/Extraction failed/);
    },
  );

  it('returns a warning, not an exception, for a URL that cannot be parsed', () => {
    const result = expectValid(extractPost(loadFixture('x-status.html'), 'not a url'));
    expect(result).toMatchObject({ platform: 'generic', pageState: 'no_post' });
    expect(result.warnings[0]).toMatch(/not a valid URL/);
  });

  const urls = [
    'https://x.com/a/status/1',
    'https://www.facebook.com/permalink.php?story_fbid=1&id=2',
    'https://www.instagram.com/p/C1/',
    'https://www.tiktok.com/@a/video/1234567',
    'https://www.youtube.com/watch?v=abc',
    'https://old.reddit.com/r/a/comments/b/c/',
    'https://www.linkedin.com/feed/update/urn:li:activity:7170000000000000001/',
    'https://bsky.app/profile/a/post/b',
    'https://www.threads.net/@a/post/b',
    'https://mastodon.example/@a/1',
    'https://example.com/',
  ];
  const fixtures = readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.html') && f !== 'hostile.html');

  it.each(fixtures)('%s gives schema-valid output under every extractor, whatever element is right-clicked', (fixture) => {
    for (const url of urls) {
      const doc = loadFixture(fixture);
      const noFailure = (r: { warnings: string[] }) => expect(r.warnings.filter((w) => w.startsWith('Extraction failed'))).toEqual([]);
      noFailure(expectValid(extractPost(doc, url)));
      const elements = [...doc.querySelectorAll('*')];
      for (let i = 0; i < elements.length; i += 7) {
        noFailure(expectValid(extractPost(doc, url, { targetElement: elements[i]!, selectionText: 'a' })));
      }
    }
  });
});
