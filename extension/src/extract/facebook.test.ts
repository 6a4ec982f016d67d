import { describe, expect, it } from 'vitest';
import { expectValid } from './fixtures/expect-valid.ts';
import { loadFixture } from './fixtures/load.ts';
import { extractPost } from './index.ts';

const URL = 'https://www.facebook.com/permalink.php?story_fbid=pfbid02Fake9xKqZ&id=100089012345678';

describe('Facebook extractor', () => {
  it('reads the numeric profile id, numeric post id and creation time from the embedded story data', () => {
    const result = expectValid(extractPost(loadFixture('facebook-post.html'), URL));
    expect(result).toMatchObject({
      platform: 'facebook',
      pageState: 'ok',
      authorDisplayName: 'Gary Fictional',
      authorId: '100089012345678',
      authorProfileUrl: 'https://www.facebook.com/profile.php?id=100089012345678',
      postId: '730000000000099',
      permalink: URL,
      postText: 'Some people on this council need to be taught a lesson.\nCllr Pemberton, we know your car.',
      postTimestamp: '2024-03-01T12:00:00.000Z',
      postTimestampText: '1 March at 12:00',
      mediaUrls: ['https://scontent-lhr8-1.xx.fbcdn.net/v/t39.30808-6/fake_photo_1.jpg'],
      replyTo: null,
    });
    expect(result.fieldSources).toMatchObject({ authorId: 'json', postId: 'json', postTimestamp: 'json' });
  });

  it('falls back to the DOM (profile.php link, data-utime) when the embedded data is missing', () => {
    const doc = loadFixture('facebook-post.html');
    doc.querySelector('script[data-sjs]')!.remove();
    const result = expectValid(extractPost(doc, URL));
    // The opaque pfbid is not the story id: it stays in the permalink, the id is left empty with a warning.
    expect(result).toMatchObject({ authorId: '100089012345678', postId: null, permalink: URL, postTimestamp: '2024-03-01T12:00:00.000Z' });
    expect(result.warnings.join('\n')).toMatch(/Only Facebook's opaque post id \(pfbid02Fake9xKqZ\)/);
    expect(result.fieldSources).toMatchObject({ authorId: 'dom', postTimestamp: 'dom' });
  });

  it('extracts the comment the user right-clicked, with the post as its parent and no guessed time', () => {
    const doc = loadFixture('facebook-post.html');
    const target = [...doc.querySelectorAll('div[dir="auto"]')].find((d) => d.textContent?.includes('Disgraceful'))!;
    const result = expectValid(extractPost(doc, URL, { targetElement: target }));
    expect(result).toMatchObject({
      authorDisplayName: 'Hannah Madeup',
      authorHandle: 'hannah.madeup.5',
      authorProfileUrl: 'https://www.facebook.com/hannah.madeup.5',
      postId: '1234567890123456',
      postText: "Disgraceful, she's done nothing for this ward",
      postTimestamp: null,
      postTimestampText: '3h',
      replyTo: { postId: 'pfbid02Fake9xKqZ' },
    });
    // Page-level meta describes the post, so it must not leak into the comment.
    expect(result.mediaUrls).toEqual([]);
  });

  it('reports "This content isn\'t available right now" as unavailable', () => {
    const result = expectValid(extractPost(loadFixture('facebook-unavailable.html'), URL));
    expect(result.pageState).toBe('unavailable');
    expect(result.warnings.join(' ')).toMatch(/unavailable/);
  });

  it('extracts the comment named by comment_id in the URL', () => {
    const result = expectValid(extractPost(loadFixture('facebook-post.html'), `${URL}&comment_id=1234567890123456`));
    expect(result).toMatchObject({ authorDisplayName: 'Hannah Madeup', postId: '1234567890123456' });
  });
});
