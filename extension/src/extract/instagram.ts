import { pickContainer } from './container.ts';
import { addWarning, createDraft, setField, type Draft } from './draft.ts';
import { findObject, readEmbeddedJson, str } from './json.ts';
import { applyMediaItem } from './instagram-item.ts';
import { readMeta } from './meta.ts';
import { absoluteUrl, attr, safeQuery, safeQueryAll, textOf, visibleText } from './text.ts';
import { isoFromMachineTime } from './time.ts';
import type { ExtractContext } from './types.ts';

const POST_PATH_RE = /^\/(?:[\w.]+\/)?(?:p|reel|reels|tv)\/([\w-]+)/;
// og:description: `12 likes, 3 comments - some.handle on March 1, 2024: "caption". `
const OG_DESCRIPTION_RE = /^.*? - ([\w.]{1,30}) on [^:]{3,40}: ["\u201c]([\s\S]*)["\u201d]\.?\s*$/;

/** Instagram posts and reels: shortcode from the URL, media item JSON, `instapp:owner_user_id` and og tags. */
export function extractInstagram(ctx: ExtractContext): Draft {
  const draft = createDraft('instagram');
  const shortcode = POST_PATH_RE.exec(ctx.url.pathname)?.[1] ?? null;
  const permalinkFor = (_handle: string, code: string) => `https://www.instagram.com/p/${code}/`;
  const article = pickContainer(ctx, draft, { selector: 'article, main[role="main"]' });
  draft.container = article;

  const item = findObject(readEmbeddedJson(ctx.doc), (o) => {
    const code = str(o['code']) ?? str(o['shortcode']);
    return code !== null && (shortcode === null || code === shortcode) && (o['user'] !== undefined || o['owner'] !== undefined);
  });
  if (item) applyMediaItem(draft, item, permalinkFor);

  if (article) {
    const authorLink = safeQueryAll(article, 'header a[href^="/"], a[role="link"][href^="/"]').find((a) =>
      /^\/[\w.]{1,30}\/?$/.test(attr(a, 'href') ?? ''),
    );
    const handle = /^\/([\w.]{1,30})\/?$/.exec(attr(authorLink, 'href') ?? '')?.[1] ?? null;
    setField(draft, 'authorHandle', handle, 'dom');
    const time = safeQuery(article, 'time[datetime]');
    setField(draft, 'postTimestamp', isoFromMachineTime(attr(time, 'datetime')), 'dom');
    setField(draft, 'postTimestampText', time ? visibleText(time) : null, 'dom');
    setField(draft, 'postText', textOf(article, 'h1'), 'dom');
    const media = safeQueryAll(article, 'img[src*="cdninstagram"], img[src*="fbcdn"], video[src]')
      .filter((img) => !/\/s150x150\/|profile/i.test(attr(img, 'src') ?? ''))
      .map((el) => absoluteUrl(attr(el, 'src'), ctx.url))
      .filter((u): u is string => u !== null);
    setField(draft, 'mediaUrls', media, 'dom');
  }

  const og = OG_DESCRIPTION_RE.exec(readMeta(ctx.doc, 'og:description') ?? '');
  setField(draft, 'authorHandle', og?.[1], 'meta');
  setField(draft, 'postText', og?.[2], 'meta');
  const title = readMeta(ctx.doc, 'og:title');
  setField(draft, 'authorDisplayName', title ? /^(.*?) on Instagram/.exec(title)?.[1] : null, 'meta');
  setField(draft, 'authorId', readMeta(ctx.doc, 'instapp:owner_user_id'), 'meta');
  setField(draft, 'postId', shortcode, 'url');
  if (shortcode) setField(draft, 'permalink', permalinkFor('', shortcode), 'url');
  const handle = draft.values.authorHandle;
  if (handle) setField(draft, 'authorProfileUrl', `https://www.instagram.com/${handle}/`, draft.sources.authorHandle ?? 'dom');
  if (shortcode && !draft.values.authorId) addWarning(draft, 'No numeric Instagram account id found in the saved page');
  return draft;
}
