import { describe, expect, it } from 'vitest';
import { expectValid } from './fixtures/expect-valid.ts';
import { loadFixture } from './fixtures/load.ts';
import { extractPost } from './index.ts';

const URL = 'https://www.youtube.com/watch?v=Fk3vId0a1B2&t=42s';

describe('YouTube extractor', () => {
  it('reads the video, its channel id and the publish time (converted to UTC) from the player response', () => {
    const result = expectValid(extractPost(loadFixture('youtube-video.html'), URL));
    expect(result).toMatchObject({
      platform: 'youtube',
      pageState: 'ok',
      authorHandle: 'TruthTellerTV',
      authorDisplayName: 'Truth Teller TV',
      authorId: 'UCfakeChannel0000000000a',
      authorProfileUrl: 'https://www.youtube.com/@TruthTellerTV',
      postId: 'Fk3vId0a1B2',
      permalink: 'https://www.youtube.com/watch?v=Fk3vId0a1B2',
      postText: "Councillor Pemberton EXPOSED\n\nWhat she doesn't want you to know. Share before it's deleted!",
      postTimestamp: '2024-03-03T16:00:00.000Z',
      postTimestampText: '3 days ago',
      mediaUrls: ['https://i.ytimg.com/vi/Fk3vId0a1B2/maxresdefault.jpg'],
    });
  });

  it('extracts the right-clicked comment with its channel id, replying to the video, and no UTC time from "2 hours ago"', () => {
    const doc = loadFixture('youtube-video.html');
    const target = doc.querySelector('ytd-comment-view-model #content-text span')!;
    const result = expectValid(extractPost(doc, URL, { targetElement: target }));
    expect(result).toMatchObject({
      authorHandle: 'RedVanMan',
      authorId: 'UCcommenter000000000000a',
      authorProfileUrl: 'https://www.youtube.com/@RedVanMan',
      postId: 'UgzFakeComment1AaBbCc4AaABAg',
      permalink: 'https://www.youtube.com/watch?v=Fk3vId0a1B2&lc=UgzFakeComment1AaBbCc4AaABAg',
      postText: 'Someone should pay her a visit at home. Her address is on the council site.',
      postTimestamp: null,
      postTimestampText: '2 hours ago',
      replyTo: { postId: 'Fk3vId0a1B2', authorHandle: 'TruthTellerTV', url: 'https://www.youtube.com/watch?v=Fk3vId0a1B2' },
      mediaUrls: [],
    });
  });

  it('picks the reply highlighted by an &lc= link and points it at its parent comment', () => {
    const result = expectValid(
      extractPost(loadFixture('youtube-video.html'), 'https://www.youtube.com/watch?v=Fk3vId0a1B2&lc=UgzFakeComment1AaBbCc4AaABAg.9zReply0001'),
    );
    expect(result).toMatchObject({
      authorHandle: 'CalmVoice',
      postText: "That's a threat, reported.",
      replyTo: { postId: 'UgzFakeComment1AaBbCc4AaABAg' },
    });
  });

  it('reports "Video unavailable"', () => {
    const result = expectValid(extractPost(loadFixture('youtube-unavailable.html'), 'https://www.youtube.com/watch?v=Gone0000000'));
    expect(result.pageState).toBe('unavailable');
    expect(result.warnings.join(' ')).toMatch(/Video unavailable/);
  });
});
