import { postMetadataSchema } from '@wardguard/shared/evidence/post-metadata';
import { describe, expect, it } from 'vitest';
import { loadFixture } from './fixtures/load.ts';
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
