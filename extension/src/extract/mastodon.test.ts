import { describe, expect, it } from 'vitest';
import { expectValid } from './fixtures/expect-valid.ts';
import { loadFixture } from './fixtures/load.ts';
import { detectPlatform, extractPost } from './index.ts';

const URL = 'https://social.example.org.uk/@nigel/112000000000000042';

describe('Mastodon extractor', () => {
  it('recognises a Mastodon instance by its markup, not its domain', () => {
    expect(detectPlatform(loadFixture('mastodon-status.html'), new globalThis.URL(URL))).toBe('mastodon');
    expect(detectPlatform(loadFixture('generic-no-post.html'), new globalThis.URL(URL))).toBe('generic');
  });

  it('reads the detailed status, numeric account id, UTC time and the status it replies to', () => {
    const result = expectValid(extractPost(loadFixture('mastodon-status.html'), URL));
    expect(result).toMatchObject({
      platform: 'mastodon',
      pageState: 'ok',
      authorHandle: 'nigel@social.example.org.uk',
      authorDisplayName: 'Nigel Pretend',
      authorId: '109000000000000777',
      authorProfileUrl: 'https://social.example.org.uk/@nigel',
      postId: '112000000000000042',
      permalink: URL,
      postText: "@jane Councillors who vote like that deserve what's coming.",
      postTimestamp: '2024-03-07T12:00:05.000Z',
      postTimestampText: 'Mar 7, 2024, 12:00',
      replyTo: {
        postId: '112000000000000001',
        authorHandle: 'jane@social.example.org.uk',
        url: 'https://social.example.org.uk/@jane/112000000000000001',
      },
    });
  });

  it('reads the same status from the embedded JSON alone when the DOM was not rendered', () => {
    const doc = loadFixture('mastodon-status.html');
    doc.querySelector('.columns-area')!.remove();
    const result = expectValid(extractPost(doc, URL));
    expect(result).toMatchObject({
      authorId: '109000000000000777',
      postTimestamp: '2024-03-07T12:00:05.000Z',
      postText: "@jane Councillors who vote like that deserve what's coming.",
    });
    expect(result.fieldSources).toMatchObject({ postText: 'json', authorId: 'json' });
  });
});
