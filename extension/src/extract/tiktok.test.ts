import { describe, expect, it } from 'vitest';
import { expectValid } from './fixtures/expect-valid.ts';
import { loadFixture } from './fixtures/load.ts';
import { extractPost } from './index.ts';

const URL = 'https://www.tiktok.com/@ward.watcher/video/7341234567890123456?is_from_webapp=1';

describe('TikTok extractor', () => {
  it('reads authorId, video id and createTime from the rehydration data', () => {
    const result = expectValid(extractPost(loadFixture('tiktok-video.html'), URL));
    expect(result).toMatchObject({
      platform: 'tiktok',
      pageState: 'ok',
      authorHandle: 'ward.watcher',
      authorDisplayName: 'Ward Watcher',
      authorId: '6812345678901234567',
      authorProfileUrl: 'https://www.tiktok.com/@ward.watcher',
      postId: '7341234567890123456',
      permalink: 'https://www.tiktok.com/@ward.watcher/video/7341234567890123456',
      postText: 'Your councillor is a joke, see you at the next meeting #localpolitics',
      postTimestamp: '2024-03-02T12:00:00.000Z',
      mediaUrls: ['https://p16-sign-va.tiktokcdn.com/obj/fake-cover.jpeg'],
    });
    expect(result.fieldSources).toMatchObject({ authorId: 'json', postTimestamp: 'json' });
  });

  it('extracts a right-clicked comment, whose "2d ago" gives no UTC time', () => {
    const doc = loadFixture('tiktok-video.html');
    const target = doc.querySelector('[data-comment-id="7340000000000000555"] p span')!;
    const result = expectValid(extractPost(doc, URL, { targetElement: target }));
    expect(result).toMatchObject({
      authorHandle: 'quiet.neighbour',
      authorDisplayName: 'Quiet Neighbour',
      postId: '7340000000000000555',
      postText: "She should be ashamed, I'll be waiting outside",
      postTimestamp: null,
      postTimestampText: '2d ago',
      replyTo: { postId: '7341234567890123456', authorHandle: 'ward.watcher' },
    });
    expect(result.warnings.join(' ')).toMatch(/only as "2d ago"/);
  });
});
