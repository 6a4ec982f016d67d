// Fixtures here are hand-written, minimal pages with invented accounts: they exercise each way
// a saved page can say (or betray) where it came from.
import { describe, expect, it } from 'vitest';
import { parseDocument } from './fixtures/load.ts';
import { describeSource, locatePage, savedFromComment, unwrapWayback, waybackTime } from './page-source.ts';
import { extractPost } from './index.ts';
import { extractSavedPage, readMhtml } from './saved-page.ts';

const locate = (html: string, mhtmlLocation?: string) => locatePage(parseDocument(html), html, { mhtmlLocation });

describe('where a saved page came from', () => {
  it('takes the MHTML Snapshot-Content-Location first, over the canonical link', () => {
    const html = '<link rel="canonical" href="https://x.com/other/status/2">';
    expect(locate(html, 'https://x.com/hand_written/status/1')).toMatchObject({ url: 'https://x.com/hand_written/status/1', how: 'mhtml', inferred: false });
  });

  it('reads a "saved from url" comment', () => {
    const html = '<!DOCTYPE html>\n<!-- saved from url=(0044)https://www.reddit.com/r/example/comments/ab1c2/ -->\n<html></html>';
    expect(savedFromComment(html)).toBe('https://www.reddit.com/r/example/comments/ab1c2/');
    expect(locate(html)).toMatchObject({ how: 'saved-from', url: 'https://www.reddit.com/r/example/comments/ab1c2/' });
  });

  it('falls back from canonical to og:url to app links', () => {
    expect(locate('<meta property="og:url" content="https://www.instagram.com/p/Abc123/">')).toMatchObject({ how: 'og:url' });
    expect(locate('<meta property="al:ios:url" content="twitter://status?id=123456">')).toMatchObject({
      how: 'app-link',
      url: 'https://twitter.com/i/web/status/123456',
    });
    expect(locate('<meta property="al:android:url" content="vnd.youtube://www.youtube.com/watch?v=abcDEF12345&amp;feature=applinks">')).toMatchObject({
      url: 'https://www.youtube.com/watch?v=abcDEF12345',
    });
  });

  it('recognises a platform from its markup alone and says the address was inferred', () => {
    const source = locate('<div id="siteTable"><div class="thing" data-fullname="t3_abc"></div></div>');
    expect(source).toMatchObject({ url: 'https://www.reddit.com/', how: 'markup', inferred: true });
    expect(describeSource(source)[0]).toMatch(/inferred from the page's markup/);
  });

  it('gives no address for a page with no clue at all', () => {
    expect(locate('<p>nothing here</p>')).toEqual({ url: null, how: null, inferred: false, archive: null });
  });

  it('unwraps Wayback Machine addresses into the original address and the archive time', () => {
    expect(unwrapWayback('https://web.archive.org/web/20200115075749/https://twitter.com/someone/status/42')).toEqual({
      original: 'https://twitter.com/someone/status/42',
      archivedAt: '2020-01-15T07:57:49.000Z',
    });
    expect(unwrapWayback('http://web.archive.org/web/20191231id_/http:/www.reddit.com/')?.original).toBe('http://www.reddit.com/');
    expect(unwrapWayback('https://twitter.com/someone')).toBeNull();
    expect(waybackTime('2019')).toBe('2019-01-01T00:00:00.000Z');
  });

  it('records both the original address and the archive time for a Wayback copy', () => {
    const html =
      '<script>__wm.wombat("https://twitter.com/hand_written/status/42","20190513224504","https://web.archive.org/","web","/_static/");</script>' +
      '<link rel="canonical" href="https://web.archive.org/web/20190513224504/https://twitter.com/hand_written/status/42">';
    const source = locate(html);
    expect(source).toMatchObject({
      url: 'https://twitter.com/hand_written/status/42',
      how: 'wayback',
      archive: { archivedAt: '2019-05-13T22:45:04.000Z', archiveUrl: 'https://web.archive.org/web/20190513224504/https://twitter.com/hand_written/status/42' },
    });
    expect(describeSource(source).join('\n')).toMatch(
      /Wayback Machine copy of https:\/\/twitter\.com\/hand_written\/status\/42, archived 2019-05-13T22:45:04\.000Z/,
    );
    const canonicalOnly = locate('<link rel="canonical" href="https://web.archive.org/web/2019/https://www.youtube.com/watch?v=abcDEF12345">');
    expect(canonicalOnly).toMatchObject({
      url: 'https://www.youtube.com/watch?v=abcDEF12345',
      how: 'canonical',
      archive: { archivedAt: '2019-01-01T00:00:00.000Z' },
    });
  });
});

describe('a Wayback Machine address given to extractPost', () => {
  it('extracts the archived page as the platform it came from and records the archive', () => {
    const html =
      '<div class="tweet permalink-tweet" data-tweet-id="42" data-screen-name="hand_written" data-name="Hand Written"><p class="tweet-text">archived words</p></div>';
    const result = extractPost(parseDocument(html), 'https://web.archive.org/web/20190513224504/https://twitter.com/hand_written/status/42');
    expect(result).toMatchObject({ platform: 'x', authorHandle: 'hand_written', postId: '42', postText: 'archived words' });
    expect(result.warnings[0]).toMatch(/^Wayback Machine copy of https:\/\/twitter\.com\/hand_written\/status\/42, archived 2019-05-13T22:45:04\.000Z/);
  });
});

describe('saved page files', () => {
  const MHTML = [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: https://twitter.com/hand_written/status/42',
    'Subject: hand-written',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    '\tboundary="----MultipartBoundary--abc----"',
    '',
    '',
    '------MultipartBoundary--abc----',
    'Content-Type: text/html',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Location: https://twitter.com/hand_written/status/42',
    '',
    '<html><body><p class=3D"tweet-text">caf=C3=A9 s=',
    'oon</p></body></html>',
    '------MultipartBoundary--abc------',
    '',
  ].join('\r\n');

  it('decodes the HTML part of an MHTML file and its snapshot address', () => {
    expect(readMhtml(MHTML)).toEqual({
      html: '<html><body><p class="tweet-text">café soon</p></body></html>',
      location: 'https://twitter.com/hand_written/status/42',
    });
    expect(readMhtml('<html></html>')).toBeNull();
  });

  it('decodes a base64 HTML part as UTF-8, split over lines as Chromium writes it', () => {
    const encoded = Buffer.from('<p>café “quoted” abuse</p>').toString('base64');
    const base64 = MHTML.replace('quoted-printable', 'base64').replace(
      /\r\n\r\n<html>[\s\S]*<\/html>/,
      `\r\n\r\n${encoded.slice(0, 20)}\r\n${encoded.slice(20)}`,
    );
    expect(readMhtml(base64)?.html).toBe('<p>café “quoted” abuse</p>');
  });

  it('extracts from an MHTML file without being told its address', () => {
    const { metadata, source } = extractSavedPage(MHTML, parseDocument);
    expect(source).toMatchObject({ how: 'mhtml', url: 'https://twitter.com/hand_written/status/42' });
    expect(metadata.platform).toBe('x');
    expect(metadata.warnings[0]).toBe('Page address read from the saved page (mhtml): https://twitter.com/hand_written/status/42');
  });

  it('points the links of a Wayback copy back at the original site before extracting', () => {
    const html =
      '<script>__wm.wombat("https://www.reddit.com/r/example/","20150101120000","https://web.archive.org/","web","/_static/");</script>' +
      '<div id="siteTable"><div class="thing link" data-fullname="t3_abc12"><div class="entry"><a class="title" href="/web/20150101120000/https://www.reddit.com/r/example/comments/abc12/a_title/">A title</a>' +
      '<p class="tagline"><a class="author" href="https://web.archive.org/web/20150101120000/https://www.reddit.com/user/hand_written">hand_written</a></p><a class="comments" href="/web/20150101120000/https://www.reddit.com/r/example/comments/abc12/a_title/">3 comments</a></div></div></div>';
    const { metadata, source } = extractSavedPage(html, parseDocument);
    expect(source.archive?.archivedAt).toBe('2015-01-01T12:00:00.000Z');
    expect(metadata).toMatchObject({
      platform: 'reddit',
      authorHandle: 'hand_written',
      postId: 'abc12',
      permalink: 'https://www.reddit.com/r/example/comments/abc12/a_title/',
    });
  });
});
