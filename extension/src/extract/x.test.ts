import { postMetadataSchema } from '@wardguard/shared/evidence/post-metadata';
import { describe, expect, it } from 'vitest';
import { loadFixture, parseDocument } from './fixtures/load.ts';
import { extractPost } from './index.ts';

const URL = 'https://x.com/angry_payer99/status/1763210000000000001?s=20';

describe('X extractor', () => {
  it('captures the focal tweet of a conversation with its numeric account id, UTC time and the tweet it replies to', () => {
    const result = extractPost(loadFixture('x-status.html'), URL);
    expect(postMetadataSchema.parse(result)).toEqual(result);
    expect(result).toMatchObject({
      platform: 'x',
      pageState: 'ok',
      authorHandle: 'angry_payer99',
      authorDisplayName: 'Dave Grumble',
      authorId: '1500000000000000099',
      authorProfileUrl: 'https://x.com/angry_payer99',
      postId: '1763210000000000001',
      permalink: 'https://x.com/angry_payer99/status/1763210000000000001',
      postTimestamp: '2024-03-01T10:02:33.000Z',
      postTimestampText: '10:02 AM · Mar 1, 2024',
      replyTo: {
        postId: '1763200000000000000',
        authorHandle: 'cllr_pemberton',
        url: 'https://x.com/cllr_pemberton/status/1763200000000000000',
      },
      mediaUrls: ['https://pbs.twimg.com/media/GHfakeMediaA1?format=jpg&name=large'],
    });
    expect(result.postText).toBe("You won't be smiling at the next surgery 😡\nI know where the library is.");
    expect(result.fieldSources).toMatchObject({ authorId: 'json', postId: 'dom', postTimestamp: 'dom', postText: 'dom' });
  });

  it('extracts the reply the user right-clicked instead of the focal tweet', () => {
    const doc = loadFixture('x-status.html');
    const target = doc.querySelector('a[href="/bystander_bob/status/1763220000000000002"]')!.parentElement!;
    const result = extractPost(doc, URL, { targetElement: target });
    expect(result).toMatchObject({
      authorHandle: 'bystander_bob',
      postId: '1763220000000000002',
      postText: 'Reported. This is a threat.',
      postTimestamp: '2024-03-01T11:45:00.000Z',
      replyTo: { authorHandle: 'angry_payer99' },
      authorId: null,
    });
    expect(result.warnings.join(' ')).toMatch(/No numeric X account id/);
  });

  it('finds the tweet containing the selected text', () => {
    const result = extractPost(loadFixture('x-status.html'), URL, { selectionText: 'Ward surgery this Saturday' });
    expect(result.authorHandle).toBe('cllr_pemberton');
    expect(result.authorId).toBe('1400000000000000011');
  });
});

describe('X extractor with GraphQL-shaped embedded data', () => {
  const html = `<html><body>
    <article data-testid="tweet"><div data-testid="User-Name"><a href="/pile_on_pat">Pat</a></div>
      <div data-testid="tweetText">reply text</div>
      <a href="/pile_on_pat/status/1764000000000000005"><time>2h</time></a></article>
    <script type="application/json">{"data":{"tweetResult":{"result":{"__typename":"Tweet","rest_id":"1764000000000000005",
      "core":{"user_results":{"result":{"rest_id":"1600000000000000123","core":{"screen_name":"pile_on_pat","name":"Pat Invented"}}}},
      "legacy":{"full_text":"@cllr_pemberton reply text","created_at":"Sat Mar 02 14:05:09 +0000 2024","user_id_str":"1600000000000000123",
        "in_reply_to_status_id_str":"1763200000000000000","in_reply_to_screen_name":"cllr_pemberton",
        "extended_entities":{"media":[{"media_url_https":"https://pbs.twimg.com/media/GraphQLfake.jpg"}]}}}}}}</script>
  </body></html>`;

  it('takes rest_id, created_at (as UTC), reply-to and media from the JSON when the DOM shows only "2h"', () => {
    const result = extractPost(parseDocument(html), 'https://x.com/pile_on_pat/status/1764000000000000005');
    expect(postMetadataSchema.parse(result)).toEqual(result);
    expect(result).toMatchObject({
      authorId: '1600000000000000123',
      authorDisplayName: 'Pat',
      postTimestamp: '2024-03-02T14:05:09.000Z',
      postTimestampText: '2h',
      postText: 'reply text',
      replyTo: { postId: '1763200000000000000', authorHandle: 'cllr_pemberton', url: 'https://x.com/cllr_pemberton/status/1763200000000000000' },
      mediaUrls: ['https://pbs.twimg.com/media/GraphQLfake.jpg'],
    });
    expect(result.fieldSources).toMatchObject({ authorId: 'json', postTimestamp: 'json', replyTo: 'json', mediaUrls: 'json' });
  });

  it('gives a null UTC time when the page shows only "2h" and has no data behind it', () => {
    const result = extractPost(parseDocument(html.replace(/<script[\s\S]*<\/script>/, '')), 'https://x.com/pile_on_pat/status/1764000000000000005');
    expect(result).toMatchObject({ postTimestamp: null, postTimestampText: '2h', authorId: null });
    expect(result.warnings.join(' ')).toMatch(/only as "2h"/);
  });
});
