import { describe, expect, it } from 'vitest';
import { expectValid } from './fixtures/expect-valid.ts';
import { loadFixture } from './fixtures/load.ts';
import { extractPost } from './index.ts';

const URL = 'https://www.linkedin.com/feed/update/urn:li:activity:7170000000000000001/';

describe('LinkedIn extractor', () => {
  it('reads the activity id and member URN, and leaves the time null when only "3d" is shown', () => {
    const result = expectValid(extractPost(loadFixture('linkedin-post.html'), URL));
    expect(result).toMatchObject({
      platform: 'linkedin',
      pageState: 'ok',
      authorHandle: 'martin-notreal-1a2b3c',
      authorDisplayName: 'Martin Notreal',
      authorId: 'ACoAAFakeMemberId123',
      authorProfileUrl: 'https://www.linkedin.com/in/martin-notreal-1a2b3c',
      postId: '7170000000000000001',
      permalink: URL,
      postText: 'Councillors like Jane Pemberton are parasites.\nTime we dealt with them properly.',
      postTimestamp: null,
      postTimestampText: '3d',
      mediaUrls: ['https://media.licdn.com/dms/image/D4E22AQfake/feedshare-shrink_800/0/1709500000000?e=1&v=beta'],
    });
    expect(result.warnings.join(' ')).toMatch(/only as "3d"/);
  });

  it('extracts a comment found by the selected text', () => {
    const result = expectValid(extractPost(loadFixture('linkedin-post.html'), URL, { selectionText: 'it is incitement' }));
    expect(result).toMatchObject({
      authorHandle: 'sally-example-99',
      authorDisplayName: 'Sally Example',
      authorId: 'ACoAASallyFake999',
      postId: '7170000000000000777',
      postText: 'Please report this, it is incitement.',
      postTimestamp: null,
      postTimestampText: '2d',
      replyTo: { postId: '7170000000000000001' },
    });
  });

  it('reads a logged-out public post page, taking the UTC time from its JSON-LD', () => {
    const result = expectValid(
      extractPost(loadFixture('linkedin-public.html'), 'https://www.linkedin.com/posts/martin-notreal-1a2b3c_housing-activity-7170000000000000002-AbCd'),
    );
    expect(result).toMatchObject({
      pageState: 'ok',
      authorHandle: 'martin-notreal-1a2b3c',
      authorDisplayName: 'Martin Notreal',
      authorProfileUrl: 'https://uk.linkedin.com/in/martin-notreal-1a2b3c',
      postId: '7170000000000000002',
      permalink: 'https://www.linkedin.com/feed/update/urn:li:activity:7170000000000000002/',
      postText: 'Councillors who block housing should be named and shamed. Pemberton first.',
      postTimestamp: '2024-03-04T10:00:00.000Z',
      postTimestampText: '3d',
      authorId: null,
    });
    expect(result.fieldSources).toMatchObject({ postTimestamp: 'jsonld', postText: 'dom' });
    expect(result.warnings.join(' ')).toMatch(/Login prompt/);
  });
});
