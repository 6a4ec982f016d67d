import { describe, expect, it } from 'vitest';
import { expectValid } from './fixtures/expect-valid.ts';
import { loadFixture } from './fixtures/load.ts';
import { extractPost } from './index.ts';

const PATH = '/r/fakeshire/comments/1b3xfak/our_councillor_voted_for_the_car_park_closures/';
const POST = {
  platform: 'reddit',
  pageState: 'ok',
  authorHandle: 'pothole_pete',
  authorId: 't2_8fakeau1',
  postId: '1b3xfak',
  postText: 'Our councillor voted for the car park closures\n\nPemberton lives on Elm Road. Just saying.\nMaybe people should go and tell her what they think.',
  replyTo: null,
};

describe('Reddit extractor', () => {
  it('reads a new-Reddit shreddit-post: account id, fullname, UTC time from created-timestamp', () => {
    const result = expectValid(extractPost(loadFixture('reddit-new.html'), `https://www.reddit.com${PATH}`));
    expect(result).toMatchObject({
      ...POST,
      authorProfileUrl: 'https://www.reddit.com/user/pothole_pete/',
      permalink: `https://www.reddit.com${PATH}`,
      postTimestamp: '2024-03-04T09:30:12.123Z',
      postTimestampText: '2 days ago',
    });
  });

  it('reads an old-Reddit thing with the same ids and time', () => {
    const result = expectValid(extractPost(loadFixture('reddit-old.html'), `https://old.reddit.com${PATH}`));
    expect(result).toMatchObject({
      ...POST,
      authorProfileUrl: 'https://old.reddit.com/user/pothole_pete/',
      permalink: `https://old.reddit.com${PATH}`,
      postTimestamp: '2024-03-04T09:30:12.000Z',
    });
    expect(result.warnings).toEqual([]);
  });

  it.each([
    ['reddit-new.html', 'https://www.reddit.com', '[slot="comment"] p'],
    ['reddit-old.html', 'https://old.reddit.com', '.commentarea .md p'],
  ])('in %s, extracts the nested reply the user right-clicked with its parent comment', (fixture, origin) => {
    const doc = loadFixture(fixture);
    const target = [...doc.querySelectorAll('p')].find((p) => p.textContent?.includes('watch her back'))!;
    const result = expectValid(extractPost(doc, `${origin}${PATH}`, { targetElement: target }));
    expect(result).toMatchObject({
      authorHandle: 'pothole_pete',
      authorId: 't2_8fakeau1',
      postId: 'kfake02',
      postText: "It's public info. She should watch her back.",
      postTimestamp: '2024-03-04T10:15:00.000Z',
      replyTo: { postId: 'kfake01', authorHandle: 'elm_road_resident' },
    });
    expect(result.permalink).toMatch(/kfake02\/$/);
  });

  it('marks a removed comment by a deleted account as unavailable without inventing an author', () => {
    const doc = loadFixture('reddit-new.html');
    const target = doc.querySelector('shreddit-comment[thingid="t1_kfake03"] p')!;
    const result = expectValid(extractPost(doc, `https://www.reddit.com${PATH}`, { targetElement: target }));
    expect(result).toMatchObject({ pageState: 'unavailable', postId: 'kfake03', authorHandle: null });
    expect(result.warnings.join(' ')).toMatch(/removed or deleted/);
    expect(result.warnings.join(' ')).toMatch(/author account has been deleted/);
  });

  it('extracts the comment named in a comment permalink URL', () => {
    const result = expectValid(extractPost(loadFixture('reddit-old.html'), `https://old.reddit.com${PATH}kfake01/`));
    expect(result).toMatchObject({ postId: 'kfake01', authorHandle: 'elm_road_resident', replyTo: { postId: '1b3xfak' } });
  });

  it('marks a post removed by a moderator as unavailable but keeps its ids', () => {
    const doc = loadFixture('reddit-new.html');
    doc.querySelector('shreddit-post [slot="text-body"]')!.innerHTML = '<p>[ Removed by moderator ]</p>';
    const result = expectValid(extractPost(doc, `https://www.reddit.com${PATH}`));
    expect(result).toMatchObject({ pageState: 'unavailable', postId: '1b3xfak', authorId: 't2_8fakeau1' });
  });
});
