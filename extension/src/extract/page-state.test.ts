import { describe, expect, it } from 'vitest';
import { expectValid } from './fixtures/expect-valid.ts';
import { loadFixture, parseDocument } from './fixtures/load.ts';
import { extractPost } from './index.ts';

const page = (body: string) => parseDocument(`<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`);

describe('page state', () => {
  it.each([
    ['x', 'https://x.com/someone/status/1', '<div>Something went wrong. Try reloading.</div>', 'unavailable'],
    ['x', 'https://x.com/someone/status/1', "<div>Hmm...this page doesn't exist. Try searching for something else.</div>", 'unavailable'],
    [
      'facebook',
      'https://www.facebook.com/x/posts/1',
      '<h2>You must log in to continue.</h2><form action="/login/"><input type="password"></form>',
      'login_wall',
    ],
    ['threads', 'https://www.threads.net/@a/post/b', '<span>Sorry, this page isn’t available</span>', 'unavailable'],
    ['linkedin', 'https://www.linkedin.com/posts/a', '<h1>Join LinkedIn</h1><input type="password">', 'login_wall'],
    ['tiktok', 'https://www.tiktok.com/@a/video/1234567', '<p>Video currently unavailable</p>', 'unavailable'],
    ['bluesky', 'https://bsky.app/profile/a.bsky.social/post/3k', '<div>Post not found</div>', 'unavailable'],
  ])('%s: %s with %s is %s', (platform, url, body, state) => {
    const result = expectValid(extractPost(page(body), url));
    expect(result.platform).toBe(platform);
    expect(result.pageState).toBe(state);
    expect(result.warnings.length).toBeGreaterThan(0);
  });

  it('keeps ids that are in the URL even when the page itself is unavailable', () => {
    const result = expectValid(extractPost(page('<div>Something went wrong. Try reloading.</div>'), 'https://x.com/someone/status/1763210000000000001'));
    expect(result).toMatchObject({ pageState: 'unavailable', postId: '1763210000000000001', authorHandle: 'someone', fieldSources: { postId: 'url' } });
  });

  it('calls X\'s "Sign in to X" dialog on a status URL a login wall (it asks for a username first, no password field yet)', () => {
    const result = expectValid(extractPost(loadFixture('x-login-wall.html'), 'https://x.com/angry_payer99/status/1763210000000000001'));
    expect(result).toMatchObject({ platform: 'x', pageState: 'login_wall', postId: '1763210000000000001', postText: null });
    expect(result.warnings.join(' ')).toContain('Login wall');
  });

  it("calls a Mastodon instance's sign-in page (limited-federation servers send visitors there) a login wall", () => {
    const result = expectValid(extractPost(loadFixture('mastodon-login-wall.html'), 'https://social.example.org.uk/auth/sign_in'));
    expect(result).toMatchObject({ pageState: 'login_wall', authorHandle: null, postText: null });
    expect(result.warnings.join(' ')).toContain('Login wall');
  });

  it('does not call a visible post a login wall just because the page offers "Sign up"', () => {
    const result = expectValid(extractPost(loadFixture('x-status.html'), 'https://x.com/angry_payer99/status/1763210000000000001'));
    expect(result.pageState).toBe('ok');
  });
});
