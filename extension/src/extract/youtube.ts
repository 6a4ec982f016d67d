import { addWarning, createDraft, setField, type Draft } from './draft.ts';
import { getPath, str } from './json.ts';
import { absoluteUrl, attr, safeQuery, safeQueryAll, textOf, visibleText } from './text.ts';
import type { ExtractContext } from './types.ts';
import { extractYouTubeVideo, findPlayerResponse } from './youtube-video.ts';

const COMMENT = 'ytd-comment-view-model, ytd-comment-renderer';

function videoIdOf(url: URL): string | null {
  if (url.hostname.endsWith('youtu.be')) return url.pathname.slice(1).split('/')[0] || null;
  return url.searchParams.get('v') ?? /^\/(?:shorts|live|embed)\/([\w-]{6,20})/.exec(url.pathname)?.[1] ?? null;
}

function handleFromHref(href: string | null): string | null {
  return /\/@([\w.-]{1,100})/.exec(href ?? '')?.[1] ?? null;
}

function closestComment(el: Element): Element | null {
  try {
    return el.closest(COMMENT);
  } catch {
    return null;
  }
}

function commentId(comment: Element, base: URL): string | null {
  const link = safeQuery(comment, '#published-time-text a, a[href*="lc="]');
  const href = absoluteUrl(attr(link, 'href'), base);
  return href ? new URL(href).searchParams.get('lc') : null;
}

function pickComment(ctx: ExtractContext): Element | null {
  const { targetElement, selectionText } = ctx.options;
  if (targetElement) return closestComment(targetElement);
  const comments = safeQueryAll(ctx.doc, COMMENT);
  const wanted = selectionText?.trim().toLowerCase();
  if (wanted) {
    const hit = comments.find((c) => (textOf(c, '#content-text') ?? '').toLowerCase().includes(wanted));
    if (hit) return hit;
  }
  // A link with &lc= highlights one comment: that is the one the user meant.
  const lc = ctx.url.searchParams.get('lc');
  return lc ? (comments.find((c) => commentId(c, ctx.url) === lc) ?? null) : null;
}

function extractComment(ctx: ExtractContext, draft: Draft, comment: Element, videoId: string | null): void {
  draft.container = comment;
  draft.isPagePost = false;
  const author = safeQuery(comment, 'a#author-text, #author-text');
  const thumb = safeQuery(comment, 'a#author-thumbnail, #author-thumbnail a, a[href*="/channel/"]');
  const handle = handleFromHref(attr(author, 'href')) ?? /@([\w.-]+)/.exec(author ? visibleText(author) : '')?.[1] ?? null;
  setField(draft, 'authorHandle', handle, 'dom');
  setField(draft, 'authorDisplayName', author ? visibleText(author) : null, 'dom');
  setField(draft, 'authorId', /\/channel\/(UC[\w-]{22})/.exec(`${attr(thumb, 'href')} ${attr(author, 'href')}`)?.[1], 'dom');
  setField(draft, 'authorProfileUrl', absoluteUrl(attr(author, 'href'), ctx.url), 'dom');
  setField(draft, 'postText', textOf(comment, '#content-text'), 'dom');
  const id = commentId(comment, ctx.url);
  setField(draft, 'postId', id, 'dom');
  if (id && videoId) setField(draft, 'permalink', `https://www.youtube.com/watch?v=${videoId}&lc=${id}`, 'dom');
  const time = safeQuery(comment, '#published-time-text');
  setField(draft, 'postTimestampText', time ? visibleText(time) : null, 'dom');
  // Comment times are only ever relative ("2 hours ago") in YouTube's markup: no UTC time to read.
  const parentId = id && id.includes('.') ? id.split('.')[0] : null;
  if (parentId && videoId) {
    setField(draft, 'replyTo', { postId: parentId, url: `https://www.youtube.com/watch?v=${videoId}&lc=${parentId}` }, 'dom');
  } else if (videoId) {
    const channel = handleFromHref(attr(safeQuery(ctx.doc, 'ytd-video-owner-renderer a[href*="/@"], ytd-channel-name a[href*="/@"]'), 'href'));
    setField(draft, 'replyTo', { postId: videoId, ...(channel ? { authorHandle: channel } : {}), url: `https://www.youtube.com/watch?v=${videoId}` }, 'url');
  }
}

/** YouTube: the video (player response JSON, microformat, itemprop meta) or one comment in its thread. */
export function extractYouTube(ctx: ExtractContext): Draft {
  const draft = createDraft('youtube');
  const videoId = videoIdOf(ctx.url);
  let player = findPlayerResponse(ctx.doc, videoId);
  const playerVideo = str(getPath(player, 'videoDetails', 'videoId'));
  if (videoId && playerVideo && playerVideo !== videoId) {
    // YouTube is a single-page app: the embedded player data can still describe the first video opened.
    addWarning(draft, `The page's embedded video data is for ${playerVideo}, not ${videoId} in the address; it was not used`);
    player = null;
  }
  const status = str(getPath(player, 'playabilityStatus', 'status'));
  const comment = pickComment(ctx);
  if (comment) {
    extractComment(ctx, draft, comment, videoId);
    return draft;
  }
  if (ctx.options.targetElement && safeQueryAll(ctx.doc, COMMENT).length > 0) {
    addWarning(draft, 'The selected element is not inside a comment; extracted the video instead');
  }

  extractYouTubeVideo(ctx, draft, player);
  if (videoId) {
    setField(draft, 'postId', videoId, 'url');
    setField(draft, 'permalink', `https://www.youtube.com/watch?v=${videoId}`, 'url');
  }
  if (status && status !== 'OK') {
    const reason = str(getPath(player, 'playabilityStatus', 'reason')) ?? status;
    draft.pageState = status === 'LOGIN_REQUIRED' ? 'login_wall' : 'unavailable';
    addWarning(draft, `YouTube reports the video as ${status}: ${reason}`);
  }
  return draft;
}
