import { addWarning, setField, type Draft } from './draft.ts';
import { absoluteUrl, attr, safeQuery, safeQueryAll, visibleText } from './text.ts';
import { isoFromEpoch } from './time.ts';
import type { ExtractContext } from './types.ts';

/** Server-rendered twitter.com (about 2012–2020): every tweet is a `div.tweet` carrying its ids as data attributes. */
export const LEGACY_TWEET = 'div.tweet[data-tweet-id]';
/** Tweets that are on the page but are not the one it is about. */
const NOT_TARGET = '.QuoteTweet, .permalink-in-reply-tos, .promoted-tweet, .RetweetDialog-modal, .modal-container, .dashboard';

function inside(el: Element, selector: string): boolean {
  try {
    return el.parentElement?.closest(selector) != null;
  } catch {
    return false;
  }
}

/** The tweet's own descendants matching `selector`, leaving out those inside a quoted tweet or a nested tweet. */
function own(tweet: Element, selector: string): Element[] {
  return safeQueryAll(tweet, selector).filter((el) => {
    const owner = el.closest(`${LEGACY_TWEET}, .QuoteTweet`);
    return owner === tweet;
  });
}

/**
 * Which legacy tweet the page is about: the one whose id is in the address (the permalink tweet,
 * not its parents or replies), else the first tweet of the main timeline (a pinned tweet counts).
 */
export function pickLegacyTweet(ctx: ExtractContext, postIdFromUrl: string | null): Element | null {
  const all = safeQueryAll(ctx.doc, LEGACY_TWEET);
  if (ctx.options.targetElement) {
    const hit = ctx.options.targetElement.closest(LEGACY_TWEET);
    if (hit) return hit;
  }
  if (postIdFromUrl) {
    const byId = all.filter((el) => attr(el, 'data-tweet-id') === postIdFromUrl && !inside(el, NOT_TARGET));
    return byId.find((el) => el.classList.contains('permalink-tweet')) ?? byId[0] ?? null;
  }
  const permalink = all.find((el) => el.classList.contains('permalink-tweet'));
  if (permalink) return permalink;
  return all.find((el) => !el.classList.contains('promoted-tweet') && !inside(el, NOT_TARGET)) ?? null;
}

/** Fills the draft from a legacy `div.tweet`: all ids and names come from its own data attributes. */
export function fillFromLegacyTweet(ctx: ExtractContext, draft: Draft, tweet: Element): void {
  const handle = attr(tweet, 'data-screen-name');
  const postId = attr(tweet, 'data-tweet-id');
  setField(draft, 'authorHandle', handle, 'dom');
  setField(draft, 'authorDisplayName', attr(tweet, 'data-name'), 'dom');
  setField(draft, 'authorId', attr(tweet, 'data-user-id'), 'dom');
  setField(draft, 'postId', postId, 'dom');
  if (handle) setField(draft, 'authorProfileUrl', `${ctx.url.origin}/${handle}`, 'dom');
  const path = attr(tweet, 'data-permalink-path');
  setField(draft, 'permalink', absoluteUrl(path ?? (handle && postId ? `/${handle}/status/${postId}` : null), ctx.url), 'dom');
  const stamp = own(tweet, '[data-time-ms], ._timestamp[data-time]')[0];
  const epoch = attr(stamp, 'data-time-ms') ?? attr(stamp, 'data-time');
  setField(draft, 'postTimestamp', epoch ? isoFromEpoch(epoch) : null, 'dom');
  setField(draft, 'postTimestampText', stamp ? visibleText(stamp) : null, 'dom');
  const text = own(tweet, '.tweet-text')[0];
  setField(draft, 'postText', text ? visibleText(text) : null, 'dom');
  const media = own(tweet, '.AdaptiveMedia-photoContainer img, .media-image, .js-adaptive-photo img')
    .map((el) => absoluteUrl(attr(el, 'src') ?? attr(el, 'data-image-url'), ctx.url))
    .filter((u): u is string => u !== null);
  setField(draft, 'mediaUrls', media, 'dom');
  const retweeter = attr(tweet, 'data-retweeter');
  if (retweeter) addWarning(draft, `This tweet was shown as a retweet by @${retweeter}; the author recorded is the original author`);
  const replyTo = attr(tweet, 'data-has-parent-tweet') === 'true' ? safeQuery(ctx.doc, `.permalink-in-reply-tos ${LEGACY_TWEET}:last-of-type`) : null;
  const parentId = attr(replyTo, 'data-tweet-id');
  const parentHandle = attr(replyTo, 'data-screen-name');
  if (parentId) {
    setField(
      draft,
      'replyTo',
      { postId: parentId, ...(parentHandle ? { authorHandle: parentHandle, url: `${ctx.url.origin}/${parentHandle}/status/${parentId}` } : {}) },
      'dom',
    );
  }
}
