import { describe, expect, it } from 'vitest';
import { expectValid } from './fixtures/expect-valid.ts';
import { loadFixture } from './fixtures/load.ts';
import { extractPost } from './index.ts';

describe('Threads extractor', () => {
  it('reads the post code, account id, UTC time and who it replies to', () => {
    const result = expectValid(extractPost(loadFixture('threads-post.html'), 'https://www.threads.net/@owen.fakename/post/C4ThrFake9?xmt=1'));
    expect(result).toMatchObject({
      platform: 'threads',
      pageState: 'ok',
      authorHandle: 'owen.fakename',
      authorDisplayName: 'Owen Fakename',
      authorId: '63000000001',
      authorProfileUrl: 'https://www.threads.net/@owen.fakename',
      postId: 'C4ThrFake9',
      permalink: 'https://www.threads.net/@owen.fakename/post/C4ThrFake9',
      postText: "@cllr.pemberton you'll regret that vote",
      postTimestamp: '2024-03-06T07:45:00.000Z',
      postTimestampText: '1d',
      replyTo: { authorHandle: 'cllr.pemberton' },
    });
  });
});
