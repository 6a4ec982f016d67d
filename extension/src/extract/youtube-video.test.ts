// Hand-written fixtures in the shape of YouTube watch pages, invented channels.
import { describe, expect, it } from 'vitest';
import { parseDocument } from './fixtures/load.ts';
import { extractPost } from './index.ts';

const player = (id: string, author: string) =>
  `<script>var ytInitialPlayerResponse = {"videoDetails":{"videoId":"${id}","title":"Video ${id}","author":"${author}","channelId":"UCaaaaaaaaaaaaaaaaaaaaaa"},"microformat":{"playerMicroformatRenderer":{"ownerProfileUrl":"http://www.youtube.com/@${author}","publishDate":"2019-10-14"}}};</script>`;

describe('YouTube videos', () => {
  it('ignores embedded data left over from the first video the app opened', () => {
    const html = `${player('firstVideo1', 'FirstChannel')}<meta itemprop="videoId" content="firstVideo1">`;
    const result = extractPost(parseDocument(html), 'https://www.youtube.com/watch?v=otherVideo2');
    expect(result).toMatchObject({ postId: 'otherVideo2', authorHandle: null, authorDisplayName: null });
    expect(result.warnings.join('\n')).toMatch(/embedded video data is for firstVideo1, not otherVideo2/);
  });

  it('records a date-only publication date as that date at 00:00 UTC, and says the time is unknown', () => {
    const result = extractPost(parseDocument(player('someVideo1', 'SomeChannel')), 'https://www.youtube.com/watch?v=someVideo1');
    expect(result).toMatchObject({ authorHandle: 'SomeChannel', postTimestamp: '2019-10-14T00:00:00.000Z', postTimestampText: '2019-10-14' });
    expect(result.warnings.join('\n')).toMatch(/only the publication date \(2019-10-14\)/);
  });

  it('reads the classic layout: legacy /user/ name as handle, never a /channel/ id', () => {
    const html = `<meta name="title" content="Classic title"><div id="watch7-user-header">
      <a href="/channel/UCbbbbbbbbbbbbbbbbbbbbbb" class="yt-user-photo"></a><a href="/channel/UCbbbbbbbbbbbbbbbbbbbbbb">Channel Name</a></div>`;
    const result = extractPost(parseDocument(html), 'https://www.youtube.com/watch?v=classic0001');
    expect(result).toMatchObject({ authorHandle: null, authorDisplayName: 'Channel Name', authorId: 'UCbbbbbbbbbbbbbbbbbbbbbb', postText: 'Classic title' });
    const legacy = html.replace('class="yt-user-photo"', 'class="yt-user-photo"></a><a href="/user/legacyname"');
    expect(extractPost(parseDocument(legacy), 'https://www.youtube.com/watch?v=classic0001').authorHandle).toBe('legacyname');
  });
});
