import { describe, expect, it } from 'vitest';
import { postMetadataSchema, type PostMetadata } from './post-metadata.ts';

const valid: PostMetadata = {
  platform: 'x',
  authorHandle: 'example_user',
  authorDisplayName: 'Example User',
  authorId: '1234567890',
  authorProfileUrl: 'https://x.com/example_user',
  postId: '1760000000000000000',
  permalink: 'https://x.com/example_user/status/1760000000000000000',
  postText: 'hello',
  postTimestamp: '2024-02-20T10:00:00.000Z',
  postTimestampText: '10:00 AM · Feb 20, 2024',
  replyTo: { postId: '1', authorHandle: 'cllr' },
  mediaUrls: [],
  pageState: 'ok',
  warnings: [],
  fieldSources: { authorId: 'json', postText: 'dom' },
};

describe('postMetadataSchema', () => {
  it('accepts a complete extraction', () => {
    expect(postMetadataSchema.parse(valid)).toEqual(valid);
  });

  it('rejects a post time that is not UTC ISO 8601, so "3h ago" can never reach a case file', () => {
    expect(postMetadataSchema.safeParse({ ...valid, postTimestamp: '3h ago' }).success).toBe(false);
    expect(postMetadataSchema.safeParse({ ...valid, postTimestamp: '2024-02-20T10:00:00' }).success).toBe(false);
  });

  it('rejects post text over the 20,000 character cap and unknown field sources', () => {
    expect(postMetadataSchema.safeParse({ ...valid, postText: 'a'.repeat(20_001) }).success).toBe(false);
    expect(postMetadataSchema.safeParse({ ...valid, fieldSources: { postText: 'guess' } }).success).toBe(false);
  });

  it('rejects unexpected top-level fields from a tampered bundle', () => {
    expect(postMetadataSchema.safeParse({ ...valid, extra: 1 }).success).toBe(false);
  });
});
