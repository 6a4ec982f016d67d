import { describe, expect, it } from 'vitest';
import { expectValid } from './fixtures/expect-valid.ts';
import { loadFixture } from './fixtures/load.ts';
import { extractPost } from './index.ts';

const URL = 'https://bsky.app/profile/rita-invented.bsky.social/post/3kfakepost2xy';

describe('Bluesky extractor', () => {
  it('reads the focal post, its author DID, the parent it replies to and the published time', () => {
    const result = expectValid(extractPost(loadFixture('bluesky-post.html'), URL));
    expect(result).toMatchObject({
      platform: 'bluesky',
      pageState: 'ok',
      authorHandle: 'rita-invented.bsky.social',
      authorDisplayName: 'Rita Invented',
      authorId: 'did:plc:fakeritaaaaaaaaaaaaaaaaa',
      authorProfileUrl: 'https://bsky.app/profile/rita-invented.bsky.social',
      postId: '3kfakepost2xy',
      permalink: URL,
      postText: "@cllr-pemberton.bsky.social resign or we'll make you.",
      postTimestamp: '2024-03-05T20:11:42.000Z',
      replyTo: {
        postId: '3kfakepost1ab',
        authorHandle: 'cllr-pemberton.bsky.social',
        url: 'https://bsky.app/profile/cllr-pemberton.bsky.social/post/3kfakepost1ab',
      },
      mediaUrls: ['https://cdn.bsky.app/img/feed_fullsize/plain/did:plc:fakeritaaaaaaaaaaaaaaaaa/bafkimg@jpeg'],
    });
    expect(result.fieldSources).toMatchObject({ authorId: 'dom', postTimestamp: 'meta' });
  });

  it('does not give the parent post the page-level time when the parent is right-clicked', () => {
    const doc = loadFixture('bluesky-post.html');
    const target = doc.querySelector('[data-testid="postThreadItem-by-cllr-pemberton.bsky.social"] [data-testid="postText"]')!;
    const result = expectValid(extractPost(doc, URL, { targetElement: target }));
    expect(result).toMatchObject({
      authorHandle: 'cllr-pemberton.bsky.social',
      authorId: 'did:plc:fakejaneaaaaaaaaaaaaaaaa',
      postId: '3kfakepost1ab',
      postText: 'Budget consultation closes Friday.',
      postTimestamp: null,
      postTimestampText: '5 March 2024 at 18:00',
    });
  });
});
