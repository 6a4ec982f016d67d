import { pickContainer } from './container.ts';
import { addWarning, createDraft, setField, type Draft } from './draft.ts';
import { findObject, getPath, isObject, type JsonObject, parseJson, readEmbeddedJson, sliceJsonObject, str } from './json.ts';
import { applyMediaItem } from './instagram-item.ts';
import { readMeta } from './meta.ts';
import { absoluteUrl, attr, safeQuery, safeQueryAll, textOf, visibleText } from './text.ts';
import { isoFromMachineTime } from './time.ts';
import type { ExtractContext } from './types.ts';

const POST_PATH_RE = /^\/(?:[\w.]+\/)?(?:p|reel|reels|tv)\/([\w-]+)/;
// og:description: `12 likes, 3 comments - some.handle on March 1, 2024: "caption". `
const OG_DESCRIPTION_RE = /^.*? - ([\w.]{1,30}) on [^:]{3,40}: ["\u201c]([\s\S]*)["\u201d]\.?\s*$/;
// 2020: `@some.handle posted on Instagram: “caption” • See all of @some.handle's photos…`
const POSTED_RE = /^@([\w.]{1,30}) posted on Instagram: [\u201c"]([\s\S]*)[\u201d"] \u2022 See all/;
// 2022 logged-out shell: `Full Name shared a post on Instagram: "caption". Follow their account…`
const SHARED_RE = /^(.{1,100}?) shared a post on Instagram: ["\u201c]([\s\S]*)["\u201d]\.? Follow their account/;
// 2013: `some.handle's photo on Instagram` (no caption).
const PHOTO_OF_RE = /^([\w.]{1,30})'s photo on Instagram$/;
// `Full Name (@some.handle) • Instagram photos and videos`
const NAME_HANDLE_RE = /^(.{1,100}?) \(@([\w.]{1,30})\) \u2022 Instagram/;
/** Scripts longer than this are not searched for `"media":{…}` calls. */
const SCRIPT_MAX_CHARS = 4_000_000;
const MEDIA_KEY = '"media":{';
const MEDIA_PER_SCRIPT_MAX = 5;

/** 2013 pages pass the post to a bootstrap call (`window._jscalls = [[…, {"media":{…}}]]`), not to a JSON script. */
function mediaFromScriptCalls(doc: Document, shortcode: string | null): JsonObject | null {
  for (const script of safeQueryAll(doc, 'script')) {
    const text = script.textContent ?? '';
    if (text.length > SCRIPT_MAX_CHARS) continue;
    let from = 0;
    for (let n = 0; n < MEDIA_PER_SCRIPT_MAX; n++) {
      const at = text.indexOf(MEDIA_KEY, from);
      if (at < 0) break;
      from = at + MEDIA_KEY.length;
      const media = parseJson(sliceJsonObject(text, at + MEDIA_KEY.length - 1));
      const code = str(getPath(media, 'code'));
      if (isObject(media) && code !== null && (shortcode === null || code === shortcode) && isObject(media['owner'])) return media;
    }
  }
  return null;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Instagram posts and reels: shortcode from the URL, media item JSON, `instapp:owner_user_id` and og tags. */
export function extractInstagram(ctx: ExtractContext): Draft {
  const draft = createDraft('instagram');
  const shortcode = POST_PATH_RE.exec(ctx.url.pathname)?.[1] ?? null;
  const permalinkFor = (_handle: string, code: string) => `https://www.instagram.com/p/${code}/`;
  const comment = pickComment(ctx);
  if (comment) {
    extractComment(ctx, draft, comment, shortcode);
    return draft;
  }
  const article = pickContainer(ctx, draft, { selector: 'article, main[role="main"]' });
  draft.container = article;

  const item =
    findObject(readEmbeddedJson(ctx.doc), (o) => {
      const code = str(o['code']) ?? str(o['shortcode']);
      return code !== null && (shortcode === null || code === shortcode) && (o['user'] !== undefined || o['owner'] !== undefined);
    }) ?? mediaFromScriptCalls(ctx.doc, shortcode);
  if (item) applyMediaItem(draft, item, permalinkFor);

  // 2011 instagr.am page: one photo, the owner's username and the caption in quotes.
  const legacyCaption = safeQuery(ctx.doc, '.pane .caption');
  if (legacyCaption && safeQuery(ctx.doc, '.pane .profile .username')) {
    setField(draft, 'authorHandle', textOf(ctx.doc, '.pane .profile .username'), 'dom');
    setField(draft, 'postText', visibleText(legacyCaption).replace(/^[\u201c"]\s*|\s*[\u201d"]$/g, ''), 'dom');
    setField(
      draft,
      'mediaUrls',
      [absoluteUrl(attr(safeQuery(ctx.doc, '.stage img.photo'), 'src'), ctx.url)].filter((u): u is string => u !== null),
      'dom',
    );
  }

  if (article) {
    const authorLink = safeQueryAll(article, 'header a[href^="/"], a[role="link"][href^="/"]').find((a) => /^\/[\w.]{1,30}\/?$/.test(attr(a, 'href') ?? ''));
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

  const description = normalise(readMeta(ctx.doc, 'og:description', 'description') ?? '');
  const og = OG_DESCRIPTION_RE.exec(description) ?? POSTED_RE.exec(description);
  setField(draft, 'authorHandle', og?.[1], 'meta');
  setField(draft, 'postText', og?.[2], 'meta');
  setField(draft, 'authorHandle', PHOTO_OF_RE.exec(description)?.[1], 'meta');
  const shared = SHARED_RE.exec(description);
  const titled = NAME_HANDLE_RE.exec(normalise(readMeta(ctx.doc, 'twitter:title', 'og:title') ?? ''));
  if (titled) {
    setField(draft, 'authorHandle', titled[2], 'meta');
    // The name belongs to this handle only if no other source named a different author.
    if (draft.values.authorHandle?.toLowerCase() === titled[2]?.toLowerCase()) setField(draft, 'authorDisplayName', titled[1], 'meta');
  }
  if (shared && (!titled || shared[1] === titled[1])) {
    setField(draft, 'authorDisplayName', shared[1], 'meta');
    setField(draft, 'postText', shared[2], 'meta');
  }
  setField(draft, 'authorId', readMeta(ctx.doc, 'instapp:owner_user_id'), 'meta');
  setField(draft, 'postId', shortcode, 'url');
  if (shortcode) setField(draft, 'permalink', permalinkFor('', shortcode), 'url');
  const handle = draft.values.authorHandle;
  if (handle) setField(draft, 'authorProfileUrl', `https://www.instagram.com/${handle}/`, draft.sources.authorHandle ?? 'dom');
  if (shortcode && !draft.values.authorId) addWarning(draft, 'No numeric Instagram account id found in the saved page');
  return draft;
}

const COMMENT_LINK_RE = /\/(?:p|reel)\/([\w-]+)\/c\/(\d+)/;

/** A comment is a list item with its own `/p/CODE/c/ID/` link; the caption item has none. */
function pickComment(ctx: ExtractContext): Element | null {
  const target = ctx.options.targetElement;
  let li: Element | null = null;
  try {
    li = target?.closest('li') ?? null;
  } catch {
    li = null;
  }
  const wanted = ctx.url.pathname.match(COMMENT_LINK_RE)?.[2] ?? null;
  const candidates = li ? [li] : wanted ? safeQueryAll(ctx.doc, 'li') : [];
  return (
    candidates.find((el) =>
      safeQueryAll(el, 'a[href*="/c/"]').some((a) => {
        const id = COMMENT_LINK_RE.exec(attr(a, 'href') ?? '')?.[2];
        return id !== undefined && (li !== null || id === wanted);
      }),
    ) ?? null
  );
}

function extractComment(ctx: ExtractContext, draft: Draft, li: Element, shortcode: string | null): void {
  draft.container = li;
  draft.isPagePost = false;
  const link = safeQueryAll(li, 'a[href*="/c/"]').find((a) => COMMENT_LINK_RE.test(attr(a, 'href') ?? ''));
  const m = COMMENT_LINK_RE.exec(attr(link, 'href') ?? '');
  const author = safeQueryAll(li, 'h3 a[href^="/"], span a[href^="/"], a[href^="/"]').find((a) => /^\/[\w.]{1,30}\/?$/.test(attr(a, 'href') ?? ''));
  const handle = /^\/([\w.]{1,30})\/?$/.exec(attr(author, 'href') ?? '')?.[1] ?? null;
  setField(draft, 'authorHandle', handle, 'dom');
  if (handle) setField(draft, 'authorProfileUrl', `https://www.instagram.com/${handle}/`, 'dom');
  setField(draft, 'postId', m?.[2], 'dom');
  if (m) setField(draft, 'permalink', `https://www.instagram.com/p/${m[1]}/c/${m[2]}/`, 'dom');
  const time = safeQuery(li, 'time[datetime]');
  setField(draft, 'postTimestamp', isoFromMachineTime(attr(time, 'datetime')), 'dom');
  setField(draft, 'postTimestampText', time ? visibleText(time) : null, 'dom');
  // The comment body is the longest text block that is not the author's name or the time.
  const blocks = safeQueryAll(li, 'span[dir="auto"], span')
    .filter((el) => el.closest('a, time, h3') === null)
    .map((el) => visibleText(el))
    .filter((t) => t !== '' && t !== handle);
  setField(draft, 'postText', blocks.sort((a, b) => b.length - a.length)[0], 'dom');
  const post = m?.[1] ?? shortcode;
  if (post) setField(draft, 'replyTo', { postId: post, url: `https://www.instagram.com/p/${post}/` }, 'dom');
}
