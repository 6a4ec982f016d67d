import { describe, expect, it } from 'vitest';
import { expectValid } from './fixtures/expect-valid.ts';
import { parseDocument } from './fixtures/load.ts';
import { extractPost } from './index.ts';

describe('extractPost', () => {
  it('re-reads a live page on each call instead of serving stale meta tags and JSON', () => {
    const doc = parseDocument('<html><head><meta property="og:description" content="first"></head><body></body></html>');
    expect(extractPost(doc, 'https://example.com/a').postText).toBe('first');
    doc.querySelector('meta')!.setAttribute('content', 'second');
    expect(extractPost(doc, 'https://example.com/a').postText).toBe('second');
  });

  it('warns when the selected text is not in the post it extracted', () => {
    const doc = parseDocument(
      '<html><body><article data-testid="tweet"><div data-testid="User-Name"><a href="/someone">Some One</a></div><div data-testid="tweetText">hello</div></article></body></html>',
    );
    const result = expectValid(extractPost(doc, 'https://x.com/someone/status/5', { selectionText: 'text from a sidebar' }));
    expect(result.postText).toBe('hello');
    expect(result.warnings.join(' ')).toMatch(/selected text was not found/);
  });

  it('only reports a field source for a field that has a value', () => {
    const result = expectValid(extractPost(parseDocument('<html><body></body></html>'), 'https://example.com/'));
    expect(result.fieldSources).toEqual({});
    expect(result.pageState).toBe('no_post');
  });
});
