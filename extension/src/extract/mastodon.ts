import { pickContainer } from './container.ts';
import { addWarning, createDraft, setField, type Draft } from './draft.ts';
import { findObject, getPath, readEmbeddedJson, str, type JsonObject } from './json.ts';
import { readLink, readMeta } from './meta.ts';
import { absoluteUrl, attr, htmlToText, safeQuery, safeQueryAll, textOf, visibleText } from './text.ts';
import { isoFromMachineTime } from './time.ts';
import type { ExtractContext } from './types.ts';

const STATUS_PATH_RE = /^\/(?:@([\w.@-]+)|users\/([\w.-]+)\/statuses)\/(\d{1,25})/;
const CONTAINER = 'div.status[data-id], article[data-id], div.detailed-status';

/** Mastodon runs on thousands of hosts, so it is recognised by its markup, not by domain. */
export function looksLikeMastodon(doc: Document, url: URL): boolean {
  if (safeQuery(doc, '#mastodon, [data-react-class], script#initial-state') !== null) return true;
  const site = `${readMeta(doc, 'og:site_name') ?? ''} ${readMeta(doc, 'application-name') ?? ''}`;
  if (/mastodon/i.test(site)) return true;
  if (safeQuery(doc, 'div.status[data-id], .detailed-status__datetime, .status__content') !== null) return true;
  return STATUS_PATH_RE.test(url.pathname) && readLink(doc, 'alternate', 'application/activity+json') !== null;
}

function statusIdOf(el: Element, base: URL): string | null {
  const own = attr(el, 'data-id');
  if (own) return own;
  const link = safeQuery(el, 'a.status__relative-time, a.detailed-status__datetime');
  const href = absoluteUrl(attr(link, 'href'), base);
  return href ? (STATUS_PATH_RE.exec(new URL(href).pathname)?.[3] ?? null) : null;
}

/** A Mastodon API status object (server-rendered `data-props` or initial state). */
function applyStatus(draft: Draft, status: JsonObject): void {
  const account = getPath(status, 'account');
  setField(draft, 'postId', str(status['id']), 'json');
  setField(draft, 'permalink', str(status['url']) ?? str(status['uri']), 'json');
  setField(draft, 'postTimestamp', isoFromMachineTime(status['created_at']), 'json');
  const content = str(status['content']);
  setField(draft, 'postText', content ? htmlToText(content) : null, 'json');
  setField(draft, 'authorId', str(getPath(account, 'id')), 'json');
  setField(draft, 'authorHandle', str(getPath(account, 'acct')), 'json');
  setField(draft, 'authorDisplayName', str(getPath(account, 'display_name')), 'json');
  setField(draft, 'authorProfileUrl', str(getPath(account, 'url')), 'json');
  const replyId = str(status['in_reply_to_id']);
  if (replyId) setField(draft, 'replyTo', { postId: replyId }, 'json');
  const media = getPath(status, 'media_attachments');
  if (Array.isArray(media))
    setField(
      draft,
      'mediaUrls',
      media.map((m) => str(getPath(m, 'url'))).filter((u): u is string => u !== null),
      'json',
    );
}

/** Mastodon (any instance): status markup, `time[datetime]`, and status/account JSON when embedded. */
export function extractMastodon(ctx: ExtractContext): Draft {
  const draft = createDraft('mastodon');
  const fromUrl = STATUS_PATH_RE.exec(ctx.url.pathname);
  const urlId = fromUrl?.[3] ?? null;
  const el = pickContainer(ctx, draft, { selector: CONTAINER, prefer: (c) => statusIdOf(c, ctx.url) === urlId });
  draft.container = el;
  const id = el ? statusIdOf(el, ctx.url) : urlId;
  draft.isPagePost = id === null || urlId === null || id === urlId;

  if (el) {
    setField(draft, 'postId', id, 'dom');
    const nameLink = safeQuery(el, 'a.status__display-name, a.detailed-status__display-name');
    setField(draft, 'authorDisplayName', textOf(nameLink, '.display-name__html, strong'), 'dom');
    const account = textOf(nameLink, '.display-name__account');
    const host = ctx.url.hostname;
    const acct = account ? account.replace(/^@/, '') : null;
    setField(draft, 'authorHandle', acct && !acct.includes('@') ? `${acct}@${host}` : acct, 'dom');
    setField(draft, 'authorProfileUrl', absoluteUrl(attr(nameLink, 'href'), ctx.url), 'dom');
    const timeLink = safeQuery(el, 'a.status__relative-time, a.detailed-status__datetime');
    const time = safeQuery(timeLink ?? el, 'time');
    setField(draft, 'permalink', absoluteUrl(attr(timeLink, 'href'), ctx.url), 'dom');
    setField(draft, 'postTimestamp', isoFromMachineTime(attr(time, 'datetime')), 'dom');
    setField(draft, 'postTimestampText', time ? visibleText(time) : null, 'dom');
    setField(draft, 'postText', textOf(el, '.status__content__text, .status__content, .e-content'), 'dom');
    const media = safeQueryAll(el, '.media-gallery a[href], .media-gallery img, video[src]')
      .map((m) => absoluteUrl(attr(m, 'href') ?? attr(m, 'src'), ctx.url))
      .filter((u): u is string => u !== null);
    setField(draft, 'mediaUrls', media, 'dom');
  }

  const blobs = readEmbeddedJson(ctx.doc);
  const status = id ? findObject(blobs, (o) => str(o['id']) === id && 'created_at' in o && 'account' in o) : null;
  if (status) applyStatus(draft, status);
  // The status replied to is usually rendered above it in the thread: take its author and link.
  const replyTo = draft.values.replyTo;
  const parentEl = replyTo?.postId ? safeQueryAll(ctx.doc, CONTAINER).find((c) => statusIdOf(c, ctx.url) === replyTo.postId) : undefined;
  if (replyTo && parentEl) {
    const account = textOf(safeQuery(parentEl, 'a.status__display-name, a.detailed-status__display-name'), '.display-name__account');
    const parentAcct = account?.replace(/^@/, '');
    const parentUrl = absoluteUrl(attr(safeQuery(parentEl, 'a.status__relative-time, a.detailed-status__datetime'), 'href'), ctx.url);
    draft.values.replyTo = {
      ...replyTo,
      ...(parentAcct ? { authorHandle: parentAcct.includes('@') ? parentAcct : `${parentAcct}@${ctx.url.hostname}` } : {}),
      ...(parentUrl ? { url: parentUrl } : {}),
    };
  }
  const handle = draft.values.authorHandle;
  const username = handle?.split('@')[0];
  const accountJson = username
    ? findObject(blobs, (o) => str(o['username']) === username && (str(o['acct']) === username || str(o['acct']) === handle) && str(o['id']) !== null)
    : null;
  setField(draft, 'authorId', str(accountJson?.['id']), 'json');

  if (draft.isPagePost && fromUrl) {
    setField(draft, 'postId', urlId, 'url');
    const user = fromUrl[1] ?? fromUrl[2] ?? null;
    setField(draft, 'authorHandle', user ? (user.includes('@') ? user : `${user}@${ctx.url.hostname}`) : null, 'url');
    setField(draft, 'permalink', `${ctx.url.origin}${ctx.url.pathname}`, 'url');
    setField(draft, 'authorHandle', readMeta(ctx.doc, 'profile:username'), 'meta');
  }
  if ((el || urlId) && !draft.values.authorId) addWarning(draft, 'No numeric Mastodon account id in the saved page; the handle@instance identifies the author');
  return draft;
}
