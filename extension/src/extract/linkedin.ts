import { pickContainer } from './container.ts';
import { createDraft, setField, type Draft } from './draft.ts';
import { absoluteUrl, attr, safeQuery, safeQueryAll, textOf, visibleText } from './text.ts';
import { isoFromMachineTime } from './time.ts';
import type { ExtractContext } from './types.ts';

const CONTAINER = [
  'article.comments-comment-entity',
  'article.comments-comment-item',
  'div[data-urn^="urn:li:activity:"]',
  'article[data-activity-urn]',
  'section.comment',
].join(', ');
const ACTIVITY_RE = /activity[:-](\d{15,25})/;

function profileHandle(href: string | null): string | null {
  return /\/in\/([^/?#]+)/.exec(href ?? '')?.[1] ?? /\/company\/([^/?#]+)/.exec(href ?? '')?.[1] ?? null;
}

/** LinkedIn's member id is only in the profile link's `miniProfileUrn` (logged-in feed markup). */
function memberUrn(href: string | null): string | null {
  const decoded = (() => {
    try {
      return decodeURIComponent(href ?? '');
    } catch {
      return href ?? '';
    }
  })();
  return /urn:li:(?:fs_miniProfile|fsd_profile|member):([\w-]+)/.exec(decoded)?.[1] ?? null;
}

/** LinkedIn: feed update / public post markup, activity URNs, comment entities. */
export function extractLinkedIn(ctx: ExtractContext): Draft {
  const draft = createDraft('linkedin');
  const urlActivity = ACTIVITY_RE.exec(ctx.url.pathname)?.[1] ?? null;
  const el = pickContainer(ctx, draft, { selector: CONTAINER });
  draft.container = el;
  const isComment = el !== null && /comment/.test(`${el.className} ${attr(el, 'data-id') ?? ''}`);
  draft.isPagePost = !isComment;

  if (el) {
    const actor = isComment
      ? safeQuery(el, 'a.comments-comment-meta__image-link, a.comments-post-meta__actor-link, a[href*="/in/"]')
      : safeQuery(
          el,
          'a.update-components-actor__meta-link, a[data-tracking-control-name*="actor"], a.update-components-actor__image, a[href*="/in/"], a[href*="/company/"]',
        );
    const href = attr(actor, 'href');
    setField(draft, 'authorHandle', profileHandle(href), 'dom');
    setField(draft, 'authorId', memberUrn(href), 'dom');
    const profile = absoluteUrl(href, ctx.url);
    setField(draft, 'authorProfileUrl', profile ? profile.split('?')[0] : null, 'dom');
    const name = isComment
      ? textOf(el, '.comments-comment-meta__description-title, .comments-post-meta__name-text, a.comment__author')
      : textOf(el, '.update-components-actor__title span[aria-hidden="true"], .update-components-actor__name, [data-tracking-control-name*="actor-name"]');
    setField(draft, 'authorDisplayName', name ? name.split('\n')[0] : null, 'dom');
    const text = isComment
      ? textOf(el, '.comments-comment-item__main-content, .comments-comment-item-content-body, .comment__text')
      : textOf(
          el,
          '.update-components-text, .feed-shared-update-v2__description, [data-test-id="main-feed-activity-card__commentary"], .attributed-text-segment-list__content',
        );
    setField(draft, 'postText', text, 'dom');
    // A post's own time sits in the actor block; any <time> further down belongs to its comments.
    const time = safeQueryAll(el, 'time').find((t) => isComment || t.closest('.comments-comments-list, article.comments-comment-entity') === null) ?? null;
    setField(draft, 'postTimestamp', isoFromMachineTime(attr(time, 'datetime')), 'dom');
    const shown = isComment
      ? time
        ? visibleText(time)
        : null
      : (textOf(el, '.update-components-actor__sub-description span[aria-hidden="true"]') ?? (time ? visibleText(time) : null));
    setField(draft, 'postTimestampText', shown ? (shown.split('•')[0] ?? shown).trim() : null, 'dom');
    const urn = attr(el, 'data-urn') ?? attr(el, 'data-activity-urn') ?? attr(el, 'data-id') ?? '';
    if (isComment) {
      const commentId = /urn:li:comment:\(\w+:\d+,(\d+)\)/.exec(urn)?.[1] ?? null;
      setField(draft, 'postId', commentId, 'dom');
      const parent = urlActivity ?? /activity:(\d+)/.exec(urn)?.[1] ?? null;
      if (parent) setField(draft, 'replyTo', { postId: parent, url: `https://www.linkedin.com/feed/update/urn:li:activity:${parent}/` }, 'dom');
      if (parent && commentId) {
        setField(
          draft,
          'permalink',
          `https://www.linkedin.com/feed/update/urn:li:activity:${parent}/?commentUrn=${encodeURIComponent(`urn:li:comment:(activity:${parent},${commentId})`)}`,
          'dom',
        );
      }
    } else {
      const activity = /urn:li:activity:(\d+)/.exec(urn)?.[1] ?? null;
      setField(draft, 'postId', activity, 'dom');
      if (activity) setField(draft, 'permalink', `https://www.linkedin.com/feed/update/urn:li:activity:${activity}/`, 'dom');
      const media = safeQueryAll(el, '.update-components-image img, .update-components-linkedin-video video, img[data-delayed-url*="feedshare"]')
        .map((m) => absoluteUrl(attr(m, 'src') ?? attr(m, 'data-delayed-url'), ctx.url))
        .filter((u): u is string => u !== null);
      setField(draft, 'mediaUrls', media, 'dom');
    }
  }
  if (draft.isPagePost && urlActivity) {
    setField(draft, 'postId', urlActivity, 'url');
    setField(draft, 'permalink', `https://www.linkedin.com/feed/update/urn:li:activity:${urlActivity}/`, 'url');
  }
  return draft;
}
