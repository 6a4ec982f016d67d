// Hand-written fixtures in the shape of 2009 old Reddit and the 2018–2022 redesign, invented users.
import { describe, expect, it } from 'vitest';
import { parseDocument } from './fixtures/load.ts';
import { extractPost } from './index.ts';

describe('Reddit layouts before shreddit', () => {
  it('takes the first #siteTable link of a 2009 listing, not the spotlight above it, with ids from class names', () => {
    const thing = (id: string, user: string, title: string) =>
      `<div class=" thing id-t3_${id} odd link"><div class="entry"><p class="title"><a class="title" href="http://example.com/">${title}</a></p>
       <p class="tagline">submitted 5 hours ago by <a class="author" href="http://www.reddit.com/user/${user}/">${user}</a></p>
       <ul class="flat-list buttons"><li><a class="comments" href="http://www.reddit.com/r/pics/comments/${id}/a_title/">3 comments</a></li></ul></div></div>`;
    const html = `<div id="siteTable_organic" class="organic-listing">${thing('spot1', 'spotlit_user', 'Spotlight')}</div>
      <div id="siteTable" class="sitetable linklisting">${thing('first1', 'first_poster', 'First in listing')}${thing('second', 'other', 'Second')}</div>`;
    const result = extractPost(parseDocument(html), 'https://www.reddit.com/');
    expect(result).toMatchObject({
      authorHandle: 'first_poster',
      postId: 'first1',
      postText: 'First in listing',
      permalink: 'http://www.reddit.com/r/pics/comments/first1/a_title/',
      postTimestamp: null,
    });
  });

  it('reads a redesign post from its markup and window.___r when the byline is not rendered', () => {
    const html = `<div class="Post t3_abc123" id="t3_abc123"><h3>Redesign title</h3>
      <a data-click-id="timestamp" href="https://www.reddit.com/r/x/comments/abc123/redesign_title/">5 hours ago</a></div>
      <script>window.___r = {"posts":{"models":{"t3_abc123":{"author":"json_author","authorId":"t2_fake1","title":"Redesign title","created":1579075069000}}}};</script>`;
    const result = extractPost(parseDocument(html), 'https://www.reddit.com/');
    expect(result).toMatchObject({
      authorHandle: 'json_author',
      authorId: 't2_fake1',
      postId: 'abc123',
      postText: 'Redesign title',
      postTimestamp: '2020-01-15T07:57:49.000Z',
      postTimestampText: '5 hours ago',
    });
  });
});
