import { pickContainer } from './container.ts';
import { addWarning, createDraft, setField, type Draft } from './draft.ts';
import { absoluteUrl, attr, safeQuery, textOf, visibleText } from './text.ts';
import { isoFromEpoch, isoFromMachineTime } from './time.ts';
import type { ExtractContext } from './types.ts';

const CONTAINER = 'shreddit-comment, shreddit-post, div.thing[data-fullname]';
const GONE_TEXT = /^\[(deleted|removed)\]$/i;
const GONE_PHRASES = /removed by (?:the )?moderators?|removed by reddit|deleted by the user|this post was removed/i;

function first(root: Element, selectors: string[]): Element | null {
  for (const selector of selectors) {
    const el = safeQuery(root, selector);
    if (el) return el;
  }
  return null;
}

function applyNew(ctx: ExtractContext, draft: Draft, el: Element): void {
  const isComment = el.tagName.toLowerCase() === 'shreddit-comment';
  const origin = ctx.url.origin;
  setField(draft, 'postId', attr(el, 'thingid') ?? attr(el, 'id'), 'dom');
  setField(draft, 'authorHandle', attr(el, 'author'), 'dom');
  setField(draft, 'authorId', attr(el, 'author-id'), 'dom');
  setField(draft, 'permalink', absoluteUrl(attr(el, 'permalink'), origin), 'dom');
  const body = isComment
    ? first(el, [':scope > [slot="comment"]', '[slot="comment"]'])
    : first(el, [':scope > [slot="text-body"]', '[slot="text-body"]']);
  const title = isComment ? null : (attr(el, 'post-title') ?? textOf(el, '[slot="title"]'));
  const text = body ? visibleText(body) : '';
  setField(draft, 'postText', title ? (text ? `${title}\n\n${text}` : title) : text, 'dom');
  const timeago = first(el, [':scope > [slot="commentMeta"] faceplate-timeago', 'faceplate-timeago', 'time[datetime]']);
  setField(draft, 'postTimestamp', isoFromMachineTime(attr(el, 'created-timestamp') ?? attr(timeago, 'ts') ?? attr(timeago, 'datetime')), 'dom');
  setField(draft, 'postTimestampText', timeago ? visibleText(timeago) : null, 'dom');
  const media = attr(el, 'content-href');
  if (!isComment && media && !media.includes('/comments/')) setField(draft, 'mediaUrls', [media], 'dom');
  if (isComment) {
    const parentId = attr(el, 'parentid') ?? attr(el, 'postid');
    const parent = el.parentElement?.closest('shreddit-comment') ?? safeQuery(ctx.doc, 'shreddit-post');
    setField(
      draft,
      'replyTo',
      {
        ...(parentId ? { postId: parentId } : {}),
        ...(attr(parent, 'author') ? { authorHandle: attr(parent, 'author')! } : {}),
        ...(attr(parent, 'permalink') ? { url: absoluteUrl(attr(parent, 'permalink'), origin)! } : {}),
      },
      'dom',
    );
  }
}

function applyOld(ctx: ExtractContext, draft: Draft, el: Element): void {
  const isComment = attr(el, 'data-type') === 'comment' || el.classList.contains('comment');
  setField(draft, 'postId', attr(el, 'data-fullname'), 'dom');
  setField(draft, 'authorHandle', attr(el, 'data-author'), 'dom');
  setField(draft, 'authorId', attr(el, 'data-author-fullname'), 'dom');
  setField(draft, 'permalink', absoluteUrl(attr(el, 'data-permalink'), ctx.url.origin), 'dom');
  const entry = first(el, [':scope > .entry', '.entry']) ?? el;
  const title = isComment ? null : textOf(entry, 'a.title');
  const text = textOf(entry, '.usertext-body .md') ?? '';
  setField(draft, 'postText', title ? (text ? `${title}\n\n${text}` : title) : text, 'dom');
  const time = safeQuery(entry, '.tagline time[datetime], time[datetime]');
  setField(draft, 'postTimestamp', isoFromMachineTime(attr(time, 'datetime')) ?? isoFromEpoch(attr(el, 'data-timestamp') ?? ''), 'dom');
  setField(draft, 'postTimestampText', time ? visibleText(time) : null, 'dom');
  const media = attr(el, 'data-url');
  if (!isComment && media && !media.startsWith('/r/')) setField(draft, 'mediaUrls', [absoluteUrl(media, ctx.url)!].filter(Boolean), 'dom');
  if (isComment) {
    const parent = el.parentElement?.closest('div.thing[data-fullname]') ?? safeQuery(ctx.doc, 'div.thing.link[data-fullname]');
    if (parent) {
      setField(
        draft,
        'replyTo',
        {
          postId: attr(parent, 'data-fullname') ?? undefined,
          authorHandle: attr(parent, 'data-author') ?? undefined,
          url: absoluteUrl(attr(parent, 'data-permalink'), ctx.url.origin) ?? undefined,
        },
        'dom',
      );
    }
  }
}

/** Reddit: new (`shreddit-post` / `shreddit-comment` attributes) and old (`div.thing` data attributes). */
export function extractReddit(ctx: ExtractContext): Draft {
  const draft = createDraft('reddit');
  const fromUrl = /\/comments\/(\w+)(?:\/[^/]*\/(\w+))?/.exec(ctx.url.pathname);
  const wantedId = fromUrl?.[2] ? `t1_${fromUrl[2]}` : fromUrl?.[1] ? `t3_${fromUrl[1]}` : null;
  const el = pickContainer(ctx, draft, {
    selector: CONTAINER,
    prefer: (c) => wantedId !== null && (attr(c, 'thingid') ?? attr(c, 'id') ?? attr(c, 'data-fullname')) === wantedId,
  });
  draft.container = el;
  if (el) {
    if (el.tagName.toLowerCase().startsWith('shreddit-')) applyNew(ctx, draft, el);
    else applyOld(ctx, draft, el);
    draft.isPagePost = wantedId === null || draft.values.postId === wantedId;
    const text = draft.values.postText ?? '';
    const lastLine = text.split('\n').pop() ?? '';
    if (GONE_TEXT.test(lastLine.trim()) || GONE_PHRASES.test(text.slice(0, 2000)) || attr(el, 'is-deleted') === 'true' || el.classList.contains('deleted')) {
      draft.pageState = 'unavailable';
      addWarning(draft, 'Reddit shows this post/comment as removed or deleted; only its ids and remaining metadata were captured');
    }
    if (/^\[deleted\]$/i.test(draft.values.authorHandle ?? '')) {
      addWarning(draft, 'The author account has been deleted');
      delete draft.values.authorHandle;
      delete draft.sources.authorHandle;
    }
  } else if (fromUrl?.[1]) {
    setField(draft, 'postId', wantedId, 'url');
    setField(draft, 'permalink', `${ctx.url.origin}${ctx.url.pathname}`, 'url');
  }
  const handle = draft.values.authorHandle;
  if (handle) setField(draft, 'authorProfileUrl', `${ctx.url.origin}/user/${handle}/`, 'dom');
  return draft;
}
