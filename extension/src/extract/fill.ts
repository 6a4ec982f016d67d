import { setField, type Draft } from './draft.ts';
import { readJsonLdPosts } from './json-ld.ts';
import { readLink, readMeta, readMetaAll } from './meta.ts';
import { absoluteUrl } from './text.ts';
import { isoFromMachineTime } from './time.ts';

/** Fills gaps from the page's schema.org JSON-LD post, if it has one. */
export function fillFromJsonLd(draft: Draft, doc: Document, base: URL): void {
  const post = readJsonLdPosts(doc)[0];
  if (!post) return;
  setField(draft, 'postText', post.text, 'jsonld');
  // `@handle` is a handle standing in for a missing name (Instagram's alternateName), not a display name.
  if (!post.authorName?.startsWith('@')) setField(draft, 'authorDisplayName', post.authorName, 'jsonld');
  setField(draft, 'authorHandle', post.authorHandle, 'jsonld');
  setField(draft, 'authorId', post.authorId, 'jsonld');
  setField(draft, 'authorProfileUrl', absoluteUrl(post.authorUrl, base), 'jsonld');
  setField(draft, 'postId', post.identifier, 'jsonld');
  setField(draft, 'permalink', absoluteUrl(post.url, base), 'jsonld');
  setField(draft, 'postTimestamp', post.datePublished, 'jsonld');
  setField(
    draft,
    'mediaUrls',
    post.mediaUrls.map((u) => absoluteUrl(u, base)).filter((u): u is string => u !== null),
    'jsonld',
  );
  const replyUrl = absoluteUrl(post.replyToUrl, base);
  if (replyUrl) setField(draft, 'replyTo', { url: replyUrl }, 'jsonld');
}

/** Fills gaps from OpenGraph / Twitter card / article meta tags and the canonical link. */
export function fillFromMeta(draft: Draft, doc: Document, base: URL): void {
  setField(draft, 'postText', readMeta(doc, 'og:description', 'twitter:description', 'description'), 'meta');
  setField(draft, 'permalink', absoluteUrl(readLink(doc, 'canonical') ?? readMeta(doc, 'og:url'), base), 'meta');
  const published = readMeta(doc, 'article:published_time', 'og:published_time', 'datePublished', 'uploadDate');
  setField(draft, 'postTimestamp', isoFromMachineTime(published), 'meta');
  const author = readMeta(doc, 'article:author', 'author');
  if (author && !/^https?:/.test(author)) setField(draft, 'authorDisplayName', author, 'meta');
  else setField(draft, 'authorProfileUrl', absoluteUrl(author, base), 'meta');
  const media = [...readMetaAll(doc, 'og:image'), ...readMetaAll(doc, 'og:video'), ...readMetaAll(doc, 'og:video:url'), ...readMetaAll(doc, 'twitter:image')]
    .map((u) => absoluteUrl(u, base))
    .filter((u): u is string => u !== null);
  setField(draft, 'mediaUrls', media, 'meta');
}
