import { describe, expect, it } from 'vitest';
import { expectValid } from './fixtures/expect-valid.ts';
import { loadFixture } from './fixtures/load.ts';
import { extractPost } from './index.ts';

const URL = 'https://www.instagram.com/p/C4FakeCode1/?igsh=fake';

describe('Instagram extractor', () => {
  it('reads the owner account id, shortcode, caption and UTC time from the media item', () => {
    const result = expectValid(extractPost(loadFixture('instagram-post.html'), URL));
    expect(result).toMatchObject({
      platform: 'instagram',
      pageState: 'ok',
      authorHandle: 'tess.placeholder',
      authorDisplayName: 'Tess Placeholder',
      authorId: '58123456789',
      authorProfileUrl: 'https://www.instagram.com/tess.placeholder/',
      postId: 'C4FakeCode1',
      permalink: 'https://www.instagram.com/p/C4FakeCode1/',
      postText: 'Our lovely councillor at it again 🤡 #sackher',
      postTimestamp: '2024-03-02T18:30:00.000Z',
      postTimestampText: '2d',
      mediaUrls: ['https://scontent.cdninstagram.com/v/t51.29350-15/fake_photo_1080.jpg'],
    });
  });

  it('still gets the caption and owner id from meta tags when the page has no embedded JSON or article', () => {
    const doc = loadFixture('instagram-post.html');
    doc.querySelector('script[data-sjs]')!.remove();
    doc.querySelector('article')!.remove();
    const result = expectValid(extractPost(doc, URL));
    expect(result).toMatchObject({
      authorHandle: 'tess.placeholder',
      authorId: '58123456789',
      postText: 'Our lovely councillor at it again 🤡 #sackher',
      postTimestamp: null,
    });
    expect(result.fieldSources).toMatchObject({ authorId: 'meta', postText: 'meta', postId: 'url' });
  });

  it('reports "Sorry, this page isn\'t available" as unavailable', () => {
    expect(expectValid(extractPost(loadFixture('instagram-unavailable.html'), URL)).pageState).toBe('unavailable');
  });

  it('reports a login wall instead of blanks', () => {
    const result = expectValid(extractPost(loadFixture('login-wall.html'), URL));
    expect(result.pageState).toBe('login_wall');
    expect(result.postText).toBeNull();
    expect(result.warnings.join(' ')).toMatch(/Login wall/);
  });

  it('extracts the comment the user right-clicked, with its own UTC time and the post as parent', () => {
    const doc = loadFixture('instagram-post.html');
    const target = [...doc.querySelectorAll('span')].find((el) => el.textContent?.includes('what we'))!;
    const result = expectValid(extractPost(doc, URL, { targetElement: target }));
    expect(result).toMatchObject({
      authorHandle: 'moody.mike.77',
      authorProfileUrl: 'https://www.instagram.com/moody.mike.77/',
      postId: '17987654321098765',
      permalink: 'https://www.instagram.com/p/C4FakeCode1/c/17987654321098765/',
      postText: "Wait till you see what we've got planned for her surgery",
      postTimestamp: '2024-03-02T20:10:00.000Z',
      replyTo: { postId: 'C4FakeCode1', url: 'https://www.instagram.com/p/C4FakeCode1/' },
      authorId: null,
      mediaUrls: [],
    });
  });

  it('extracts the comment named in a /p/CODE/c/ID/ URL', () => {
    const result = expectValid(extractPost(loadFixture('instagram-post.html'), 'https://www.instagram.com/p/C4FakeCode1/c/17987654321098765/'));
    expect(result).toMatchObject({ authorHandle: 'moody.mike.77', postId: '17987654321098765' });
  });
});
