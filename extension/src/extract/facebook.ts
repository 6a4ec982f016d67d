import { pickContainer } from './container.ts';
import { addWarning, createDraft, setField, type Draft } from './draft.ts';
import { findObject, findObjects, getPath, parseJson, readEmbeddedJson, str, type JsonObject } from './json.ts';
import { readMeta } from './meta.ts';
import { absoluteUrl, attr, safeQuery, safeQueryAll, textOf, visibleText } from './text.ts';
import { isoFromEpoch } from './time.ts';
import type { ExtractContext } from './types.ts';

const POST = 'div[role="article"], article, div[data-ft]';

interface FacebookUrl {
  postId: string | null;
  /** The id is a photo's (`photo.php?fbid=`, `/photos/`), not the story's. */
  isPhoto: boolean;
  authorId: string | null;
  commentId: string | null;
  handle: string | null;
}

const NOT_HANDLES = new Set(['permalink.php', 'story.php', 'photo', 'photo.php', 'groups', 'watch', 'profile.php', 'reel', 'share', 'events', 'pages']);

export function parseFacebookUrl(href: string | null, base: URL): FacebookUrl {
  const empty = { postId: null, isPhoto: false, authorId: null, commentId: null, handle: null };
  const abs = absoluteUrl(href, base);
  if (!abs) return empty;
  const u = new URL(abs);
  const p = u.searchParams;
  const path = u.pathname;
  const postId =
    p.get('story_fbid') ??
    p.get('fbid') ??
    // `/posts/<slug>/<id>/` (2020–22 canonical links) before `/posts/<id>`.
    /\/posts\/[^/]+\/(\d{5,25})\/?$/.exec(path)?.[1] ??
    /\/(?:posts|permalink|videos|reel)\/([\w.-]+)/.exec(path)?.[1] ??
    p.get('v') ??
    null;
  const authorId = path === '/profile.php' || path === '/permalink.php' || path === '/story.php' ? p.get('id') : null;
  const first = path.split('/')[1] ?? '';
  const handle = first && !NOT_HANDLES.has(first) && !/^\d+$/.test(first) ? first : null;
  const isPhoto = path === '/photo.php' || path === '/photo' || /\/photos\//.test(path);
  return { postId, isPhoto, authorId: authorId && /^\d+$/.test(authorId) ? authorId : null, commentId: p.get('comment_id'), handle };
}

const TRACKING_PARAMS = /^(__cft__|__tn__|__xts__|ref|fref|refid|hc_ref|comment_tracking|mibextid|rdid|share_url)/;

/** Drops Facebook's per-viewer tracking parameters so the permalink is the same for everyone. */
export function cleanFacebookUrl(href: string | null, base: URL): string | null {
  const abs = absoluteUrl(href, base);
  if (!abs) return null;
  const u = new URL(abs);
  for (const key of [...u.searchParams.keys()]) if (TRACKING_PARAMS.test(key)) u.searchParams.delete(key);
  return u.href;
}

function authorLink(container: Element, isComment: boolean): Element | null {
  if (isComment) {
    // In a comment the first link with visible text is the commenter's name.
    return safeQueryAll(container, 'a[href]').find((a) => visibleText(a) !== '' && !/^\d+[smhdwy]$/.test(visibleText(a))) ?? null;
  }
  return safeQuery(container, 'h2 a[href], h3 a[href], h4 a[href], h5 a[href], strong a[href]') ?? safeQuery(container, 'a[href*="profile.php?id="]');
}

/** Stories searched, and how much of each is serialised, when matching a post by its opaque `pfbid…` id. */
const STORIES_MAX = 50;
const STORY_SCAN_MAX_CHARS = 2_000_000;
const NUMERIC = /^\d{5,25}$/;

/** Which post the page is about, as far as the markup says: its numeric id and/or its opaque `pfbid…` id. */
interface PostKey {
  numeric: string | null;
  opaque: string | null;
}

function keyOf(id: string | null | undefined): PostKey {
  if (!id) return { numeric: null, opaque: null };
  return NUMERIC.test(id) ? { numeric: id, opaque: null } : { numeric: null, opaque: /^pfbid\w+$/.test(id) ? id : null };
}

/**
 * Classic (2014–2022) posts name their story in the subtitle's id: `feed_subtitle_<postId>:9:0`
 * or `feed_subtitle_<ownerId>;<postId>;;9`.
 */
function subtitleIds(container: Element): { postId: string | null; ownerId: string | null } {
  const id = attr(safeQuery(container, '[id^="feed_subtitle_"]'), 'id')?.slice('feed_subtitle_'.length) ?? '';
  if (id.includes(';')) {
    const [owner, post] = id.split(';');
    return { postId: post && NUMERIC.test(post) ? post : null, ownerId: owner && NUMERIC.test(owner) ? owner : null };
  }
  const post = id.split(':')[0];
  return { postId: post && NUMERIC.test(post) ? post : null, ownerId: null };
}

/**
 * Meta's embedded Relay data: the story node with `post_id`, its actors and `creation_time`. Only
 * the story the key names is used; a page of several stories with no key gives nothing.
 */
function applyStoryJson(draft: Draft, blobs: unknown[], key: PostKey): void {
  const stories = findObjects(blobs, (o) => str(o['post_id']) !== null, STORIES_MAX);
  const ids = new Set(stories.map((o) => str(o['post_id'])));
  const story =
    (key.numeric && stories.find((o) => str(o['post_id']) === key.numeric)) ||
    (key.opaque && stories.find((o) => (JSON.stringify(o) ?? '').slice(0, STORY_SCAN_MAX_CHARS).includes(key.opaque!))) ||
    (!key.numeric && !key.opaque && ids.size === 1 ? stories[0] : null);
  if (!story) return;
  const actor = getPath(story, 'actors', 0) ?? findObject([story], (o) => Array.isArray(o['actors']))?.['actors'];
  const actorObj = (Array.isArray(actor) ? actor[0] : actor) as JsonObject | undefined;
  setField(draft, 'postId', str(story['post_id']), 'json');
  setField(draft, 'authorId', str(actorObj?.['id']), 'json');
  setField(draft, 'authorDisplayName', str(actorObj?.['name']), 'json');
  setField(draft, 'authorProfileUrl', str(actorObj?.['url']), 'json');
  const actorUrl = str(actorObj?.['url']);
  if (actorUrl) setField(draft, 'authorHandle', parseFacebookUrl(actorUrl, new URL('https://www.facebook.com/')).handle, 'json');
  const created = findObject([story], (o) => typeof o['creation_time'] === 'number')?.['creation_time'];
  setField(draft, 'postTimestamp', typeof created === 'number' ? isoFromEpoch(created) : null, 'json');
  const message = findObject([story], (o) => typeof getPath(o, 'message', 'text') === 'string');
  setField(draft, 'postText', str(getPath(message, 'message', 'text')), 'json');
  setField(draft, 'permalink', str(story['url']) ?? str(story['wwwURL']), 'json');
}

/** Facebook: `role="article"` posts and comments, `data-utime`, `data-ft`, Relay JSON and `profile.php?id=` links. */
export function extractFacebook(ctx: ExtractContext): Draft {
  const draft = createDraft('facebook');
  const fromUrl = parseFacebookUrl(ctx.url.href, ctx.url);
  // A link to one comment (…&comment_id=123) means that comment, not the post above it.
  const wantedComment = /^\d+$/.test(fromUrl.commentId ?? '') ? fromUrl.commentId : null;
  const container = pickContainer(ctx, draft, {
    selector: POST,
    prefer: (el) =>
      wantedComment === null ||
      (/^comment/i.test(attr(el, 'aria-label') ?? '') &&
        safeQueryAll(el, 'a[href*="comment_id="]').some((a) => parseFacebookUrl(attr(a, 'href'), ctx.url).commentId === wantedComment)),
  });
  draft.container = container;
  const isComment = /^comment/i.test(attr(container, 'aria-label') ?? '');
  // On a timeline (no post in the address) the page's meta tags describe the Page, not its first post.
  draft.isPagePost = !isComment && (fromUrl.postId !== null || container === null);

  if (container) {
    if (!isComment) {
      // The story's own id, best source first: the classic subtitle, the address, the post's own link.
      const subtitle = subtitleIds(container);
      const ownLink = safeQueryAll(container, 'a[href]')
        .map((a) => parseFacebookUrl(attr(a, 'href'), ctx.url).postId)
        .find((id) => id !== null && (NUMERIC.test(id) || id.startsWith('pfbid')));
      const key = keyOf(subtitle.postId ?? fromUrl.postId ?? ownLink);
      if (!key.numeric && !key.opaque) Object.assign(key, keyOf(ownLink));
      setField(draft, 'postId', key.numeric, 'dom');
      setField(draft, 'authorId', subtitle.ownerId, 'dom');
      applyStoryJson(draft, readEmbeddedJson(ctx.doc), key);
      if (!draft.values.postId && key.opaque) {
        const shown = key.opaque.length > 60 ? `${key.opaque.slice(0, 60)}…` : key.opaque;
        addWarning(draft, `Only Facebook's opaque post id (${shown}) is on the page; the numeric story id is not`);
      }
    }
    const author = authorLink(container, isComment);
    const authorUrl = parseFacebookUrl(attr(author, 'href'), ctx.url);
    setField(draft, 'authorDisplayName', author ? visibleText(author) : null, 'dom');
    setField(draft, 'authorId', authorUrl.authorId, 'dom');
    setField(draft, 'authorHandle', authorUrl.handle, 'dom');
    if (author) {
      const profile = authorUrl.authorId
        ? `https://www.facebook.com/profile.php?id=${authorUrl.authorId}`
        : authorUrl.handle
          ? `https://www.facebook.com/${authorUrl.handle}`
          : null;
      setField(draft, 'authorProfileUrl', profile, 'dom');
    }
    const ft = parseJson(attr(container, 'data-ft'));
    setField(draft, 'postId', str(getPath(ft, 'top_level_post_id')) ?? str(getPath(ft, 'mf_story_key')), 'dom');
    setField(draft, 'authorId', str(getPath(ft, 'content_owner_id_new')), 'dom');

    const utime = safeQuery(container, '[data-utime]');
    setField(draft, 'postTimestamp', isoFromEpoch(attr(utime, 'data-utime') ?? ''), 'dom');
    setField(draft, 'postTimestampText', utime ? visibleText(utime) : null, 'dom');

    // The first link to the post itself (or, in a comment, to ?comment_id=) carries ids and the shown time.
    // Author links inside comments carry an opaque base64 comment_id; the timestamp link has the numeric one.
    const selfLink = safeQueryAll(container, 'a[href]').find((a) => {
      const parsed = parseFacebookUrl(attr(a, 'href'), ctx.url);
      return isComment ? /^\d+$/.test(parsed.commentId ?? '') : parsed.postId !== null;
    });
    const self = parseFacebookUrl(attr(selfLink, 'href'), ctx.url);
    if (isComment) {
      setField(draft, 'postId', self.commentId, 'dom');
      setField(draft, 'permalink', cleanFacebookUrl(attr(selfLink, 'href'), ctx.url), 'dom');
      const parentId = fromUrl.postId ?? self.postId;
      setField(draft, 'replyTo', { ...(parentId ? { postId: parentId } : {}), url: cleanFacebookUrl(ctx.url.href, ctx.url) ?? ctx.url.href }, 'dom');
    } else {
      if (self.postId && NUMERIC.test(self.postId) && !self.isPhoto) setField(draft, 'postId', self.postId, 'dom');
      setField(draft, 'authorId', self.authorId, 'dom');
      setField(draft, 'permalink', cleanFacebookUrl(attr(selfLink, 'href'), ctx.url), 'dom');
    }
    setField(draft, 'postTimestampText', selfLink ? visibleText(selfLink) : null, 'dom');

    const body =
      textOf(container, '[data-ad-preview="message"], [data-ad-comet-preview="message"], div[data-testid="post_message"]') ??
      (isComment ? textOf(container, 'div[dir="auto"]') : null);
    setField(draft, 'postText', body, 'dom');
    const nested = safeQueryAll(container, 'div[role="article"]');
    const media = safeQueryAll(container, 'img[src*="scontent"], img[src*="fbcdn"], video[src]')
      .filter((img) => !nested.some((n) => n.contains(img)))
      .filter((img) => !/profile|p\d+x\d+|s\d+x\d+/i.test(attr(img, 'src') ?? ''))
      .map((img) => absoluteUrl(attr(img, 'src'), ctx.url))
      .filter((u): u is string => u !== null);
    setField(draft, 'mediaUrls', media, 'dom');
  }

  if (!container && draft.isPagePost) applyStoryJson(draft, readEmbeddedJson(ctx.doc), keyOf(fromUrl.postId));
  if (draft.isPagePost) {
    if (fromUrl.postId && NUMERIC.test(fromUrl.postId)) setField(draft, 'postId', fromUrl.postId, 'url');
    setField(draft, 'authorId', fromUrl.authorId, 'url');
    const appLink = readMeta(ctx.doc, 'al:android:url', 'al:ios:url');
    setField(draft, 'authorId', /fb:\/\/profile\/(\d+)/.exec(appLink ?? '')?.[1], 'meta');
    if (fromUrl.postId) setField(draft, 'permalink', cleanFacebookUrl(ctx.url.href, ctx.url), 'url');
  }
  if (!draft.values.authorId && (container || fromUrl.postId)) {
    addWarning(draft, 'No numeric Facebook profile id (profile.php?id=) found; only the profile name/vanity URL identifies the author');
  }
  if (findObjects(readEmbeddedJson(ctx.doc), (o) => o['__typename'] === 'UnavailableStory', 1).length > 0) {
    draft.pageState = 'unavailable';
    addWarning(draft, 'Facebook reports the story as unavailable');
  }
  return draft;
}
