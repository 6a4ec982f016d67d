import { pickContainer } from './container.ts';
import { addWarning, createDraft, setField, type Draft } from './draft.ts';
import { findObject, getPath, readEmbeddedJson, str, type JsonObject } from './json.ts';
import { absoluteUrl, attr, safeQuery, safeQueryAll, textOf, visibleText } from './text.ts';
import { isoFromMachineTime } from './time.ts';
import type { ExtractContext } from './types.ts';
import { fillFromLegacyTweet, LEGACY_TWEET, pickLegacyTweet } from './x-legacy.ts';

const STATUS_RE = /^\/(?:([A-Za-z0-9_]{1,15})|i\/web)\/status(?:es)?\/(\d{1,25})/;
const TWEET = 'article[data-testid="tweet"]';

export function parseXStatusUrl(url: URL): { handle: string | null; postId: string } | null {
  const m = STATUS_RE.exec(url.pathname);
  return m ? { handle: m[1] ?? null, postId: m[2] ?? '' } : null;
}

function statusLink(article: Element, base: URL): { handle: string | null; postId: string; time: Element | null } | null {
  for (const time of safeQueryAll(article, 'a[href*="/status/"] time')) {
    const link = time.closest('a');
    const href = absoluteUrl(attr(link, 'href'), base);
    const parsed = href ? parseXStatusUrl(new URL(href)) : null;
    // The first status link with a <time> is the tweet's own; a quoted tweet's comes later.
    if (parsed) return { ...parsed, time };
  }
  return null;
}

function handleFromUserName(article: Element): string | null {
  for (const a of safeQueryAll(article, 'div[data-testid="User-Name"] a[href^="/"]')) {
    const m = /^\/([A-Za-z0-9_]{1,15})\/?$/.exec(attr(a, 'href') ?? '');
    if (m?.[1]) return m[1];
  }
  const text = textOf(article, 'div[data-testid="User-Name"]');
  return /@([A-Za-z0-9_]{1,15})/.exec(text ?? '')?.[1] ?? null;
}

function displayNameFromUserName(article: Element): string | null {
  const block = safeQuery(article, 'div[data-testid="User-Name"]');
  const firstLink = safeQuery(block, 'a[href^="/"]');
  const text = visibleText(firstLink ?? block).split('\n')[0] ?? '';
  return text && !text.startsWith('@') ? text : null;
}

/** GraphQL (`rest_id` + `legacy`) or REST v1.1 (`id_str`) shaped objects from the page's embedded state. */
function findUser(blobs: unknown[], handle: string): JsonObject | null {
  const lower = handle.toLowerCase();
  return findObject(blobs, (o) => {
    const screenName = str(getPath(o, 'legacy', 'screen_name')) ?? str(getPath(o, 'core', 'screen_name')) ?? str(o['screen_name']);
    return screenName?.toLowerCase() === lower && (str(o['rest_id']) ?? str(o['id_str'])) !== null;
  });
}

function findTweet(blobs: unknown[], postId: string): JsonObject | null {
  return findObject(blobs, (o) => (str(o['rest_id']) === postId && typeof o['legacy'] === 'object') || (str(o['id_str']) === postId && 'full_text' in o));
}

function applyTweetJson(draft: Draft, tweet: JsonObject, base: URL): void {
  const legacy = (getPath(tweet, 'legacy') as JsonObject | undefined) ?? tweet;
  setField(draft, 'authorId', str(legacy['user_id_str']), 'json');
  setField(draft, 'postText', str(getPath(tweet, 'note_tweet', 'note_tweet_results', 'result', 'text')) ?? str(legacy['full_text']), 'json');
  setField(draft, 'postTimestamp', isoFromMachineTime(legacy['created_at']), 'json');
  const replyId = str(legacy['in_reply_to_status_id_str']);
  const replyHandle = str(legacy['in_reply_to_screen_name']);
  if (replyId || replyHandle) {
    setField(
      draft,
      'replyTo',
      {
        ...(replyId ? { postId: replyId } : {}),
        ...(replyHandle ? { authorHandle: replyHandle } : {}),
        ...(replyId && replyHandle ? { url: `${base.origin}/${replyHandle}/status/${replyId}` } : {}),
      },
      'json',
    );
  }
  const media = getPath(legacy, 'extended_entities', 'media') ?? getPath(legacy, 'entities', 'media');
  if (Array.isArray(media)) {
    const urls = media.map((m) => str(getPath(m, 'media_url_https'))).filter((u): u is string => u !== null);
    setField(draft, 'mediaUrls', urls, 'json');
  }
}

/** X / Twitter: the `data-testid` tweet markup, plus `rest_id` / `id_str` ids from embedded state. */
export function extractX(ctx: ExtractContext): Draft {
  const draft = createDraft('x');
  const fromUrl = parseXStatusUrl(ctx.url);
  if (!safeQuery(ctx.doc, TWEET) && safeQuery(ctx.doc, LEGACY_TWEET)) {
    const legacy = pickLegacyTweet(ctx, fromUrl?.postId ?? null);
    if (legacy) {
      draft.container = legacy;
      draft.isPagePost = fromUrl !== null && attr(legacy, 'data-tweet-id') === fromUrl.postId;
      fillFromLegacyTweet(ctx, draft, legacy);
      return draft;
    }
    if (fromUrl) addWarning(draft, `Tweet ${fromUrl.postId} from the address is not among the tweets on the page`);
  }
  const article = pickContainer(ctx, draft, {
    selector: TWEET,
    prefer: (el) => fromUrl !== null && statusLink(el, ctx.url)?.postId === fromUrl.postId,
  });
  draft.container = article;
  const link = article ? statusLink(article, ctx.url) : null;
  const postId = link?.postId ?? fromUrl?.postId ?? null;
  // Page-level meta tags describe the page: a status page's tweet, not the first tweet of a timeline.
  draft.isPagePost = !article || (fromUrl !== null && postId === fromUrl.postId);
  const handle = (article ? handleFromUserName(article) : null) ?? link?.handle ?? null;

  if (article) {
    setField(draft, 'authorHandle', handle, 'dom');
    setField(draft, 'authorDisplayName', displayNameFromUserName(article), 'dom');
    setField(draft, 'postId', link?.postId, 'dom');
    if (link?.handle) setField(draft, 'permalink', `${ctx.url.origin}/${link.handle}/status/${link.postId}`, 'dom');
    setField(draft, 'postTimestamp', isoFromMachineTime(attr(link?.time, 'datetime')), 'dom');
    setField(draft, 'postTimestampText', link?.time ? visibleText(link.time) : null, 'dom');
    setField(draft, 'postText', textOf(article, 'div[data-testid="tweetText"]'), 'dom');
    const media = safeQueryAll(article, 'div[data-testid="tweetPhoto"] img, div[data-testid="videoPlayer"] video, div[data-testid="videoPlayer"] video source')
      .map((el) => absoluteUrl(attr(el, 'src') ?? attr(el, 'poster'), ctx.url))
      .filter((u): u is string => u !== null);
    setField(draft, 'mediaUrls', media, 'dom');
  }
  if (handle) setField(draft, 'authorProfileUrl', `${ctx.url.origin}/${handle}`, article ? 'dom' : 'url');

  const blobs = readEmbeddedJson(ctx.doc);
  if (postId) {
    const tweet = findTweet(blobs, postId);
    if (tweet) applyTweetJson(draft, tweet, ctx.url);
  }
  if (handle) {
    const user = findUser(blobs, handle);
    if (user) {
      setField(draft, 'authorId', str(user['rest_id']) ?? str(user['id_str']), 'json');
      setField(draft, 'authorDisplayName', str(getPath(user, 'legacy', 'name')) ?? str(getPath(user, 'core', 'name')) ?? str(user['name']), 'json');
    }
  }
  if (!draft.values.authorId && (article || postId)) {
    addWarning(draft, 'No numeric X account id (rest_id) in the saved page; only the @handle identifies the author');
  }

  if (article) {
    // X writes "Replying to @handle" above a reply; on the focal tweet the tweet above it is its parent.
    const replying = safeQueryAll(article, 'a[href^="/"]').find((a) => /replying to/i.test(visibleText(a.parentElement)));
    const replyHandle = /^\/([A-Za-z0-9_]{1,15})$/.exec(attr(replying, 'href') ?? '')?.[1];
    const articles = safeQueryAll(ctx.doc, TWEET);
    const index = articles.indexOf(article);
    const parent = draft.isPagePost && index > 0 ? articles[index - 1] : undefined;
    const parentLink = parent ? statusLink(parent, ctx.url) : null;
    if (parentLink) {
      setField(
        draft,
        'replyTo',
        {
          postId: parentLink.postId,
          ...(parentLink.handle ? { authorHandle: parentLink.handle, url: `${ctx.url.origin}/${parentLink.handle}/status/${parentLink.postId}` } : {}),
        },
        'dom',
      );
    } else if (replyHandle) {
      setField(draft, 'replyTo', { authorHandle: replyHandle }, 'dom');
    }
  }
  if (fromUrl && draft.isPagePost) {
    setField(draft, 'postId', fromUrl.postId, 'url');
    setField(draft, 'authorHandle', fromUrl.handle, 'url');
    if (fromUrl.handle) setField(draft, 'permalink', `${ctx.url.origin}/${fromUrl.handle}/status/${fromUrl.postId}`, 'url');
  }
  return draft;
}
