// Hand-written fixtures in the shape of server-rendered twitter.com (2013–2019), invented accounts.
import { describe, expect, it } from 'vitest';
import { parseDocument } from './fixtures/load.ts';
import { extractPost } from './index.ts';

const tweet = (id: string, handle: string, name: string, text: string, extra = '', inner = '') =>
  `<div class="tweet js-stream-tweet ${extra}" data-tweet-id="${id}" data-screen-name="${handle}" data-name="${name}" data-user-id="9${id.slice(-3)}">
     <a class="tweet-timestamp"><span class="_timestamp" data-time="1557787504" data-time-ms="1557787504000">13 May</span></a>
     <p class="js-tweet-text tweet-text">${text}</p>${inner}
   </div>`;

describe('server-rendered twitter.com', () => {
  it('takes the permalink tweet, not the tweet it replies to or the replies under it', () => {
    const html = `<div class="permalink-in-reply-tos">${tweet('100', 'parent_person', 'Parent', 'the parent')}</div>
      <div class="permalink-container">${tweet('200', 'reply_author', 'Reply Author', 'the reply in question', 'permalink-tweet')}</div>
      <ol class="stream-items">${tweet('300', 'someone_else', 'Someone', 'a reply below')}</ol>`;
    const result = extractPost(parseDocument(html), 'https://twitter.com/reply_author/status/200');
    expect(result).toMatchObject({
      authorHandle: 'reply_author',
      authorDisplayName: 'Reply Author',
      postId: '200',
      postText: 'the reply in question',
      postTimestamp: '2019-05-13T22:45:04.000Z',
    });
  });

  it("gives the quoting tweet's author and text, not the quoted tweet's", () => {
    const quoted = `<div class="QuoteTweet"><div class="QuoteTweet-innerContainer" data-item-id="50" data-screen-name="quoted_person">
      <p class="QuoteTweet-text tweet-text">quoted words</p></div></div>`;
    const html = tweet('400', 'quoter', 'The Quoter', 'my comment', 'permalink-tweet', quoted);
    const result = extractPost(parseDocument(html), 'https://twitter.com/quoter/status/400');
    expect(result).toMatchObject({ authorHandle: 'quoter', postText: 'my comment', postId: '400' });
  });

  it('on a profile timeline takes the first timeline tweet and skips promoted ones, without page meta', () => {
    const html = `<meta property="og:description" content="The latest Tweets from Profile Owner">
      <ol id="stream-items-id">${tweet('500', 'advertiser', 'Ad', 'buy now', 'promoted-tweet')}${tweet('600', 'profile_owner', 'Profile Owner', '')}</ol>`;
    const result = extractPost(parseDocument(html), 'https://twitter.com/profile_owner');
    expect(result).toMatchObject({ authorHandle: 'profile_owner', postId: '600', postText: null });
  });

  it('names the original author of a retweet and says who retweeted it', () => {
    const html = tweet('700', 'original_author', 'Original', 'first said here').replace('data-tweet-id=', 'data-retweeter="profile_owner" data-tweet-id=');
    const result = extractPost(parseDocument(html), 'https://twitter.com/profile_owner');
    expect(result.authorHandle).toBe('original_author');
    expect(result.warnings.join('\n')).toMatch(/retweet by @profile_owner/);
  });
});
