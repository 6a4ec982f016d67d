import { pickContainer } from './container.ts';
import { addWarning, createDraft, setField, type Draft } from './draft.ts';
import { getPath, readEmbeddedJson, str } from './json.ts';
import { absoluteUrl, attr, safeQuery, safeQueryAll, textOf, visibleText } from './text.ts';
import { isoFromEpoch, isoFromMachineTime } from './time.ts';
import type { ExtractContext } from './types.ts';

/** Current (shreddit), old.reddit (`div.thing`, 2009–today) and the 2018–2022 redesign (`div.Post#t3_…`). */
const CONTAINER = 'shreddit-comment, shreddit-post, div.thing[data-fullname], div.thing.link, div.thing.comment, div.Post[id^="t3_"]';
const FULLNAME_RE = /^t[1-6]_[a-z0-9]{1,16}$/i;
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
  const body = isComment ? first(el, [':scope > [slot="comment"]', '[slot="comment"]']) : first(el, [':scope > [slot="text-body"]', '[slot="text-body"]']);
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
  setField(draft, 'postId', oldFullname(el), 'dom');
  const entry = first(el, [':scope > .entry', '.entry']) ?? el;
  // 2009–2012 pages have no data-author: the tagline's author link is the submitter.
  const authorLink = safeQuery(entry, '.tagline a.author');
  setField(draft, 'authorHandle', attr(el, 'data-author') ?? (authorLink ? visibleText(authorLink) : null), 'dom');
  setField(draft, 'authorId', attr(el, 'data-author-fullname') ?? /\bid-(t2_\w+)/.exec(attr(authorLink, 'class') ?? '')?.[1], 'dom');
  const comments = safeQuery(entry, 'a.comments[href*="/comments/"], a.bylink[href*="/comments/"]');
  setField(draft, 'permalink', absoluteUrl(attr(el, 'data-permalink') ?? attr(comments, 'href'), ctx.url.origin), 'dom');
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

function oldFullname(el: Element): string | null {
  return attr(el, 'data-fullname') ?? /\bid-(t[13]_\w+)/.exec(attr(el, 'class') ?? '')?.[1] ?? null;
}

/** The 2018–2022 redesign: server HTML has the post's id, title and "Posted by" link; author and time may only be in `window.___r`. */
function applyRedesign(ctx: ExtractContext, draft: Draft, el: Element): void {
  const id = attr(el, 'id');
  setField(draft, 'postId', id, 'dom');
  const byline = safeQueryAll(el, 'a[href^="/user/"], a[href*="reddit.com/user/"]').find((a) => /^u\//.test(visibleText(a)));
  setField(draft, 'authorHandle', byline ? visibleText(byline).replace(/^u\//, '') : null, 'dom');
  setField(draft, 'postText', textOf(el, 'h1, h2, h3'), 'dom');
  const stamp = safeQuery(el, 'a[data-click-id="timestamp"]');
  setField(draft, 'permalink', absoluteUrl(attr(stamp, 'href'), ctx.url.origin), 'dom');
  const post = id
    ? getPath(
        readEmbeddedJson(ctx.doc).find((b) => getPath(b, 'posts', 'models', id)),
        'posts',
        'models',
        id,
      )
    : undefined;
  if (post) {
    setField(draft, 'authorHandle', str(getPath(post, 'author')), 'json');
    setField(draft, 'authorId', str(getPath(post, 'authorId')), 'json');
    setField(draft, 'postText', str(getPath(post, 'title')), 'json');
    setField(draft, 'permalink', str(getPath(post, 'permalink')), 'json');
    const created = getPath(post, 'created');
    setField(draft, 'postTimestamp', typeof created === 'number' ? isoFromEpoch(created) : null, 'json');
  }
  setField(draft, 'postTimestampText', stamp ? visibleText(stamp) : null, 'dom');
}

/** On a listing with no id in the address: the first post of the main listing, not a spotlight, sidebar or ad. */
function firstListed(el: Element): boolean {
  if (el.closest('.promotedlink, .promoted, .spotlight, .side, #siteTable_organic, .organic-listing')) return false;
  if (attr(el, 'data-promoted') === 'true') return false;
  if (el.matches('div.thing')) return el.parentElement?.id === 'siteTable';
  return true;
}

/** Reddit: new (`shreddit-post` / `shreddit-comment` attributes) and old (`div.thing` data attributes). */
export function extractReddit(ctx: ExtractContext): Draft {
  const draft = createDraft('reddit');
  const fromUrl = /\/comments\/(\w+)(?:\/[^/]*\/(\w+))?/.exec(ctx.url.pathname);
  const wantedId = fromUrl?.[2] ? `t1_${fromUrl[2]}` : fromUrl?.[1] ? `t3_${fromUrl[1]}` : null;
  const el = pickContainer(ctx, draft, {
    selector: CONTAINER,
    prefer: (c) => (wantedId !== null ? (attr(c, 'thingid') ?? attr(c, 'id') ?? oldFullname(c)) === wantedId : firstListed(c)),
  });
  draft.container = el;
  if (el) {
    if (el.tagName.toLowerCase().startsWith('shreddit-')) applyNew(ctx, draft, el);
    else if (el.matches('div.Post')) applyRedesign(ctx, draft, el);
    else applyOld(ctx, draft, el);
    // On a listing the page's meta tags describe the subreddit, not its first post.
    draft.isPagePost = wantedId !== null && draft.values.postId === wantedId;
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
  // Ids are written bare (`88vow`), as people and Reddit's own URLs write them; the kind is in the permalink.
  for (const field of ['postId'] as const) {
    const value = draft.values[field];
    if (value && FULLNAME_RE.test(value)) draft.values[field] = value.slice(3);
  }
  if (draft.values.replyTo?.postId && FULLNAME_RE.test(draft.values.replyTo.postId)) {
    draft.values.replyTo = { ...draft.values.replyTo, postId: draft.values.replyTo.postId.slice(3) };
  }
  const handle = draft.values.authorHandle;
  if (handle) setField(draft, 'authorProfileUrl', `${ctx.url.origin}/user/${handle}/`, 'dom');
  return draft;
}
