import { pickContainer } from './container.ts';
import { addWarning, createDraft, setField, type Draft } from './draft.ts';
import { findObject, getPath, readEmbeddedJson, str, type JsonObject } from './json.ts';
import { absoluteUrl, attr, safeQuery, textOf, visibleText } from './text.ts';
import { isoFromEpoch } from './time.ts';
import type { ExtractContext } from './types.ts';

const VIDEO_PATH_RE = /^\/@([\w.-]{1,40})\/(?:video|photo)\/(\d{5,25})/;
const COMMENT = 'div[data-e2e="comment-item"], div[class*="CommentItemContainer"], div[class*="DivCommentContentContainer"]';

function applyItem(draft: Draft, item: JsonObject): void {
  const author = getPath(item, 'author');
  const handle = str(getPath(author, 'uniqueId')) ?? str(item['author']);
  setField(draft, 'postId', str(item['id']), 'json');
  setField(draft, 'authorId', str(getPath(author, 'id')) ?? str(item['authorId']), 'json');
  setField(draft, 'authorHandle', handle, 'json');
  setField(draft, 'authorDisplayName', str(getPath(author, 'nickname')) ?? str(item['nickname']), 'json');
  setField(draft, 'postText', str(item['desc']), 'json');
  const created = item['createTime'];
  setField(draft, 'postTimestamp', typeof created === 'string' || typeof created === 'number' ? isoFromEpoch(created) : null, 'json');
  const cover = str(getPath(item, 'video', 'cover')) ?? str(getPath(item, 'video', 'originCover'));
  const images = getPath(item, 'imagePost', 'images');
  const imageUrls = Array.isArray(images) ? images.map((i) => str(getPath(i, 'imageURL', 'urlList', 0))).filter((u): u is string => u !== null) : [];
  setField(draft, 'mediaUrls', [...(cover ? [cover] : []), ...imageUrls], 'json');
}

/** TikTok videos (rehydration / SIGI JSON: `authorId`, `createTime`) and, when targeted, a comment. */
export function extractTikTok(ctx: ExtractContext): Draft {
  const draft = createDraft('tiktok');
  const fromUrl = VIDEO_PATH_RE.exec(ctx.url.pathname);
  const videoId = fromUrl?.[2] ?? null;
  const comment = ctx.options.targetElement || ctx.options.selectionText ? pickCommentOnly(ctx) : null;

  if (comment) {
    draft.container = comment;
    draft.isPagePost = false;
    const link = comment.querySelector('a[href^="/@"]');
    const handle = /^\/@([\w.-]{1,40})/.exec(attr(link, 'href') ?? '')?.[1] ?? null;
    setField(draft, 'authorHandle', handle, 'dom');
    if (handle) setField(draft, 'authorProfileUrl', `https://www.tiktok.com/@${handle}`, 'dom');
    setField(draft, 'authorDisplayName', textOf(comment, '[data-e2e="comment-username-1"], [data-e2e="comment-username-2"]'), 'dom');
    setField(draft, 'postText', textOf(comment, '[data-e2e="comment-level-1"], [data-e2e="comment-level-2"]'), 'dom');
    setField(draft, 'postTimestampText', textOf(comment, '[data-e2e="comment-time-1"], [data-e2e="comment-time-2"]'), 'dom');
    setField(draft, 'postId', attr(comment, 'data-comment-id') ?? attr(comment, 'data-cid'), 'dom');
    if (videoId) setField(draft, 'replyTo', { postId: videoId, ...(fromUrl?.[1] ? { authorHandle: fromUrl[1] } : {}), url: ctx.url.href }, 'url');
    return draft;
  }

  const item = findObject(
    readEmbeddedJson(ctx.doc),
    (o) => str(o['id']) !== null && (videoId === null || str(o['id']) === videoId) && typeof o['desc'] === 'string' && o['author'] !== undefined,
  );
  if (item) applyItem(draft, item);
  const main = safeQuery(ctx.doc, '[data-e2e="browse-video-desc"], [data-e2e="video-desc"]');
  setField(draft, 'postText', main ? visibleText(main) : null, 'dom');
  setField(draft, 'authorHandle', textOf(ctx.doc, '[data-e2e="browse-username"]'), 'dom');
  setField(draft, 'authorDisplayName', textOf(ctx.doc, '[data-e2e="browse-nickname"]'), 'dom');
  if (fromUrl?.[1] && videoId) {
    setField(draft, 'postId', videoId, 'url');
    setField(draft, 'authorHandle', fromUrl[1], 'url');
    setField(draft, 'permalink', `https://www.tiktok.com/@${fromUrl[1]}/video/${videoId}`, 'url');
  }
  const handle = draft.values.authorHandle;
  if (handle) setField(draft, 'authorProfileUrl', `https://www.tiktok.com/@${handle}`, draft.sources.authorHandle ?? 'dom');
  const video = safeQuery(ctx.doc, 'video[src]');
  setField(
    draft,
    'mediaUrls',
    [absoluteUrl(attr(video, 'src'), ctx.url)].filter((u): u is string => u !== null),
    'dom',
  );
  if (videoId && !draft.values.authorId) addWarning(draft, 'No numeric TikTok authorId in the saved page; only the @handle identifies the author');
  return draft;
}

function pickCommentOnly(ctx: ExtractContext): Element | null {
  const target = ctx.options.targetElement;
  if (target) {
    try {
      return target.closest(COMMENT);
    } catch {
      return null;
    }
  }
  // A selection that is in a comment (and not in the video caption) means the comment.
  const picked = pickContainer(ctx, createDraft('tiktok'), { selector: COMMENT });
  const selection = (ctx.options.selectionText ?? '').trim().toLowerCase();
  return picked && visibleText(picked).toLowerCase().includes(selection) ? picked : null;
}
