// Hand-written fixtures in the shape of Facebook's classic (2014–2022) and "comet" (2020–) markup, invented Pages.
import { describe, expect, it } from 'vitest';
import { parseDocument } from './fixtures/load.ts';
import { extractPost } from './index.ts';

describe('Facebook layouts', () => {
  it('reads the numeric story id from a classic post subtitle, not the photo id of its timestamp link', () => {
    const html = `<div role="article" data-ft="{}"><h5><span class="fwb"><a href="https://www.facebook.com/SomePage?hc_ref=x">Some Page</a></span></h5>
      <div id="feed_subtitle_100000000000001;500000000000002;;9"><a class="_5pcq" href="https://www.facebook.com/photo.php?fbid=500000000000003&set=a.1">
      <abbr data-utime="1653593204">26 May</abbr></a></div><div data-testid="post_message">Classic words</div></div>`;
    const result = extractPost(parseDocument(html), 'https://www.facebook.com/SomePage/posts/classic-words/500000000000002/');
    expect(result).toMatchObject({
      authorHandle: 'SomePage',
      authorDisplayName: 'Some Page',
      postId: '500000000000002',
      postTimestamp: '2022-05-26T19:26:44.000Z',
      postText: 'Classic words',
    });
  });

  it('on a comet timeline matches the first rendered post to its Relay story by pfbid, whatever the JSON order', () => {
    const story = (postId: string, pfbid: string, time: number, text: string) =>
      `{"post_id":"${postId}","actors":[{"id":"100000000000009","name":"Timeline Page","url":"https://www.facebook.com/TimelinePage"}],` +
      `"comet_sections":{"story":{"creation_time":${time},"url":"https://www.facebook.com/TimelinePage/posts/${pfbid}","message":{"text":"${text}"}}}}`;
    const html = `<meta property="og:description" content="Timeline Page. 1,000 likes">
      <div role="article"><h2><a href="https://www.facebook.com/TimelinePage">Timeline Page</a></h2>
        <a href="https://www.facebook.com/TimelinePage/posts/pfbid0older?__cft__[0]=x">6 January</a><div data-ad-preview="message">older pinned post</div></div>
      <div role="article"><a href="https://www.facebook.com/TimelinePage/posts/pfbid0newer">31 January</a></div>
      <script>requireLazy(["x"],function(){(new ServerJS()).handleWithCustomApplyEach(ScheduledApplyEach,{"require":[${story('700000000000002', 'pfbid0newer', 1675185623, 'newer post')},${story('700000000000001', 'pfbid0older', 1672983054, 'older pinned post')}]});});</script>`;
    const result = extractPost(parseDocument(html), 'https://www.facebook.com/TimelinePage');
    expect(result).toMatchObject({
      authorHandle: 'TimelinePage',
      authorDisplayName: 'Timeline Page',
      postId: '700000000000001',
      postTimestamp: '2023-01-06T05:30:54.000Z',
      postText: 'older pinned post',
    });
  });
});
