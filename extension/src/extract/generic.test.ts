import { describe, expect, it } from 'vitest';
import { expectValid } from './fixtures/expect-valid.ts';
import { loadFixture, parseDocument } from './fixtures/load.ts';
import { extractPost } from './index.ts';

describe('generic extractor', () => {
  it('builds a record from OpenGraph tags alone, marking every field as from meta', () => {
    const result = expectValid(extractPost(loadFixture('generic-opengraph.html'), 'https://chatter.example.com/t/pemberton-must-go/4821?page=2'));
    expect(result).toMatchObject({
      platform: 'generic',
      pageState: 'ok',
      authorHandle: 'chatter_anon',
      permalink: 'https://chatter.example.com/t/pemberton-must-go/4821',
      postText: 'Anonymous poster: we will make sure Cllr Pemberton never forgets this.',
      postTimestamp: '2024-03-08T16:20:00.000Z',
      postTimestampText: null,
      mediaUrls: ['https://chatter.example.com/uploads/fake-banner.png'],
    });
    expect(new Set(Object.values(result.fieldSources))).toEqual(new Set(['meta']));
  });

  it('reads a DiscussionForumPosting from JSON-LD @graph and ignores a malformed JSON-LD block', () => {
    const result = expectValid(extractPost(loadFixture('generic-jsonld.html'), 'https://forum.example.net/threads/about-our-councillor.991/'));
    expect(result).toMatchObject({
      pageState: 'ok',
      authorHandle: 'fedupfrank',
      authorDisplayName: 'Fed Up Frank',
      authorId: '204',
      authorProfileUrl: 'https://forum.example.net/members/fedupfrank.204/',
      postId: '5531',
      permalink: 'https://forum.example.net/threads/about-our-councillor.991/post-5531',
      postText: "Everyone knows what Pemberton is. If the council won't sort her out, we will.",
      postTimestamp: '2024-03-09T21:05:00.000Z',
      postTimestampText: 'Saturday at 9:05 PM',
      mediaUrls: ['https://forum.example.net/attachments/fake-photo.jpg'],
    });
    expect(result.fieldSources).toMatchObject({ postText: 'jsonld', authorId: 'jsonld', postTimestamp: 'jsonld', postTimestampText: 'dom' });
  });

  it('uses the right-clicked forum post, not the page-level JSON-LD post', () => {
    const doc = loadFixture('generic-jsonld.html');
    const target = [...doc.querySelectorAll('.bbWrapper')].find((d) => d.textContent?.includes('Calm')) ?? [...doc.querySelectorAll('.bbWrapper')][1]!;
    const result = expectValid(extractPost(doc, 'https://forum.example.net/threads/about-our-councillor.991/', { targetElement: target }));
    expect(result).toMatchObject({
      authorDisplayName: 'Calm Carol',
      postTimestamp: '2024-03-09T21:30:00.000Z',
      authorId: null,
      postId: null,
    });
    expect(result.postText).toContain('Frank, that reads like a threat. Please stop.');
  });

  it('takes the selected text as the post text on an unknown site', () => {
    const result = expectValid(
      extractPost(loadFixture('generic-no-post.html'), 'https://www.fakeshire.gov.uk/', { selectionText: '  You will pay for this  ' }),
    );
    expect(result).toMatchObject({ pageState: 'ok', postText: 'You will pay for this', fieldSources: { postText: 'selection' } });
  });

  it('says there is no post on a page without one', () => {
    const result = expectValid(extractPost(loadFixture('generic-no-post.html'), 'https://www.fakeshire.gov.uk/'));
    expect(result).toMatchObject({ pageState: 'no_post', postText: null, authorHandle: null, postTimestamp: null });
    expect(result.warnings).toContain('No post found on this page');
  });

  it('ignores a <time datetime> without a time zone rather than guessing one', () => {
    const doc = parseDocument('<html><body><article><p>Nasty comment</p><time datetime="2024-03-09T21:05:00">9:05</time></article></body></html>');
    const result = expectValid(extractPost(doc, 'https://blog.example.com/p/1', { targetElement: doc.querySelector('p')! }));
    expect(result).toMatchObject({ postTimestamp: null, postTimestampText: '9:05', postText: 'Nasty comment\n9:05' });
    expect(result.warnings.join(' ')).toMatch(/no time zone/);
  });

  it("prefers the JSON-LD body over the raw text of the right-clicked element when that element is the page's only post", () => {
    const doc =
      parseDocument(`<html><head><script type="application/ld+json">{"@type":"SocialMediaPosting","articleBody":"Clean body","datePublished":"2026-11-20T19:04:00Z"}</script></head>
      <body><article><p><b>Name</b> @handle</p><p>Clean body</p><time datetime="2026-11-20T19:04:00Z">20 Nov</time></article></body></html>`);
    const result = expectValid(extractPost(doc, 'https://social.example/@handle/101', { targetElement: doc.querySelector('p')! }));
    expect(result).toMatchObject({ postText: 'Clean body', postTimestamp: '2026-11-20T19:04:00.000Z', postTimestampText: '20 Nov' });
  });
});
