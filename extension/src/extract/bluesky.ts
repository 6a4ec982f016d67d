import { pickContainer } from './container.ts';
import { createDraft, setField, type Draft } from './draft.ts';
import { readLink, readMeta } from './meta.ts';
import { absoluteUrl, attr, safeQuery, safeQueryAll, textOf, visibleText } from './text.ts';
import { isoFromMachineTime } from './time.ts';
import type { ExtractContext } from './types.ts';

const POST_PATH_RE = /^\/profile\/([^/]+)\/post\/([\w]+)/;
const CONTAINER = 'div[data-testid^="postThreadItem-by-"], div[data-testid^="feedItem-by-"]';
const DID_RE = /(did:(?:plc|web):[\w.:%-]+)/;

function postLink(el: Element, base: URL): { actor: string; rkey: string; link: Element } | null {
  for (const a of safeQueryAll(el, 'a[href*="/post/"]')) {
    const abs = absoluteUrl(attr(a, 'href'), base);
    const m = abs ? POST_PATH_RE.exec(new URL(abs).pathname) : null;
    if (m?.[1] && m[2]) return { actor: decodeURIComponent(m[1]), rkey: m[2], link: a };
  }
  return null;
}

function handleOf(el: Element): string | null {
  return /^(?:postThreadItem|feedItem)-by-(.+)$/.exec(attr(el, 'data-testid') ?? '')?.[1] ?? null;
}

/** Bluesky (bsky.app): thread items by `data-testid`, the author DID from `at://` links or avatar URLs. */
export function extractBluesky(ctx: ExtractContext): Draft {
  const draft = createDraft('bluesky');
  const fromUrl = POST_PATH_RE.exec(ctx.url.pathname);
  const rkey = fromUrl?.[2] ?? null;
  const el = pickContainer(ctx, draft, {
    selector: CONTAINER,
    // The focal post in a thread has no link to itself; its time is plain text, so prefer by handle.
    prefer: (c) =>
      fromUrl !== null &&
      (postLink(c, ctx.url)?.rkey === rkey || ((c.getAttribute('data-testid') ?? '').startsWith('postThreadItem-by-') && !postLink(c, ctx.url))),
  });
  draft.container = el;
  const link = el ? postLink(el, ctx.url) : null;
  draft.isPagePost = !link || link.rkey === rkey;
  const origin = 'https://bsky.app';

  if (el) {
    const handle = handleOf(el) ?? link?.actor ?? null;
    setField(draft, 'authorHandle', handle, 'dom');
    const profile = safeQuery(el, 'a[href^="/profile/"]:not([href*="/post/"])') ?? safeQuery(el, 'a[href^="/profile/"]');
    setField(
      draft,
      'authorDisplayName',
      textOf(el, 'a[href^="/profile/"] span, [data-testid="postAuthorName"]') ?? (profile ? visibleText(profile) : null),
      'dom',
    );
    const avatar = safeQueryAll(el, 'img[src*="did:"]')[0];
    setField(draft, 'authorId', DID_RE.exec(attr(avatar, 'src') ?? '')?.[1], 'dom');
    setField(draft, 'postText', textOf(el, 'div[data-testid="postText"]'), 'dom');
    const timeLink = link?.link ?? null;
    setField(draft, 'postTimestampText', timeLink ? (attr(timeLink, 'data-tooltip') ?? attr(timeLink, 'aria-label') ?? visibleText(timeLink)) : null, 'dom');
    setField(draft, 'postTimestamp', isoFromMachineTime(attr(safeQuery(el, 'time[datetime]'), 'datetime')), 'dom');
    if (link) setField(draft, 'postId', link.rkey, 'dom');
    const media = safeQueryAll(el, 'img[src*="/img/feed_"], video[src], video source[src]')
      .map((m) => absoluteUrl(attr(m, 'src'), ctx.url))
      .filter((u): u is string => u !== null);
    setField(draft, 'mediaUrls', media, 'dom');
    if (draft.isPagePost) {
      const items = safeQueryAll(ctx.doc, CONTAINER);
      const index = items.indexOf(el);
      const parent = index > 0 ? items[index - 1] : undefined;
      const parentLink = parent ? postLink(parent, ctx.url) : null;
      if (parent && parentLink) {
        const parentHandle = handleOf(parent) ?? parentLink.actor;
        setField(
          draft,
          'replyTo',
          { postId: parentLink.rkey, authorHandle: parentHandle, url: `${origin}/profile/${parentHandle}/post/${parentLink.rkey}` },
          'dom',
        );
      }
    }
  }
  if (draft.isPagePost) {
    // bsky.app server-renders `<link rel="alternate" href="at://did:plc:…/app.bsky.feed.post/rkey">`.
    const atUri = readLink(ctx.doc, 'alternate') ?? '';
    setField(draft, 'authorId', DID_RE.exec(atUri)?.[1], 'meta');
    setField(draft, 'postTimestamp', isoFromMachineTime(readMeta(ctx.doc, 'article:published_time')), 'meta');
    if (fromUrl?.[1] && rkey) {
      const actor = decodeURIComponent(fromUrl[1]);
      setField(draft, 'postId', rkey, 'url');
      setField(draft, actor.startsWith('did:') ? 'authorId' : 'authorHandle', actor, 'url');
    }
  }
  const handle = draft.values.authorHandle ?? (draft.values.authorId?.startsWith('did:') ? draft.values.authorId : null);
  if (handle) {
    setField(draft, 'authorProfileUrl', `${origin}/profile/${handle}`, draft.sources.authorHandle ?? 'url');
    if (draft.values.postId) setField(draft, 'permalink', `${origin}/profile/${handle}/post/${draft.values.postId}`, draft.sources.postId ?? 'url');
  }
  return draft;
}
