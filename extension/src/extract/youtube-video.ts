import { addWarning, setField, type Draft } from './draft.ts';
import { findObject, getPath, isObject, parseJson, readEmbeddedJson, str, type JsonObject } from './json.ts';
import { readLink, readMeta } from './meta.ts';
import { absoluteUrl, attr, safeQuery, safeQueryAll, textOf, visibleText } from './text.ts';
import { isoFromMachineTime } from './time.ts';
import type { ExtractContext } from './types.ts';

/** Scripts longer than this are not searched for an escaped player response. */
const SCRIPT_MAX_CHARS = 4_000_000;
const PLAYER_RESPONSE_KEY = '"player_response":"';

/** `/@handle` (2022 on) or the legacy `/user/NAME` from a channel address; null for `/channel/UC…` only. */
export function youtubeHandleFromHref(href: string | null | undefined): string | null {
  const m = /\/@([\w.-]{1,100})|\/user\/([\w.-]{1,100})/.exec(href ?? '');
  return m?.[1] ?? m?.[2] ?? null;
}

function channelIdFromHref(href: string | null | undefined): string | null {
  return /\/channel\/(UC[\w-]{22})/.exec(href ?? '')?.[1] ?? null;
}

/**
 * 2016–2020 pages keep the player response as an escaped JSON string inside `ytplayer.config`
 * (`"player_response":"{\"videoDetails\"…}"`): decode it once, within size caps.
 */
function escapedPlayerResponse(doc: Document, videoId: string | null): JsonObject | null {
  for (const script of safeQueryAll(doc, 'script')) {
    const text = script.textContent ?? '';
    if (text.length > SCRIPT_MAX_CHARS) continue;
    const at = text.indexOf(PLAYER_RESPONSE_KEY);
    if (at < 0) continue;
    const start = at + PLAYER_RESPONSE_KEY.length - 1;
    let end = start + 1;
    while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
    const inner = parseJson(text.slice(start, end + 1));
    const parsed = typeof inner === 'string' ? parseJson(inner) : null;
    const id = str(getPath(parsed, 'videoDetails', 'videoId'));
    if (isObject(parsed) && (videoId === null || id === null || id === videoId) && (id !== null || parsed['playabilityStatus'] !== undefined)) return parsed;
  }
  return null;
}

/** The player response for `videoId` if the page has one, else the first one (the caller checks it). */
export function findPlayerResponse(doc: Document, videoId: string | null): JsonObject | null {
  const blobs = readEmbeddedJson(doc);
  const withVideo = (o: JsonObject) => isObject(o['videoDetails']) && str(getPath(o, 'videoDetails', 'videoId')) !== null;
  return (
    (videoId ? findObject(blobs, (o) => withVideo(o) && str(getPath(o, 'videoDetails', 'videoId')) === videoId) : null) ??
    findObject(blobs, withVideo) ??
    escapedPlayerResponse(doc, videoId) ??
    findObject(blobs, (o) => o['playabilityStatus'] !== undefined)
  );
}

/**
 * A video's publication time. Pages before about 2023 give only a date (`2006-04-04`): that is
 * recorded as the date at 00:00 UTC with a warning, because the time of day is not on the page.
 */
function setPublished(draft: Draft, raw: string | null, source: 'json' | 'meta'): void {
  if (!raw || draft.values.postTimestamp) return;
  const iso = isoFromMachineTime(raw);
  if (iso) {
    setField(draft, 'postTimestamp', iso, source);
    return;
  }
  const date = /^(\d{4}-\d{2}-\d{2})$/.exec(raw.trim())?.[1];
  if (!date || Number.isNaN(Date.parse(`${date}T00:00:00.000Z`))) return;
  setField(draft, 'postTimestamp', `${date}T00:00:00.000Z`, source);
  setField(draft, 'postTimestampText', date, source);
  addWarning(draft, `YouTube gives only the publication date (${date}), not the time: postTimestamp is that date at 00:00 UTC`);
}

/** The video itself: player response JSON first, then schema.org microdata, then the rendered layouts of 2009–2019. */
export function extractYouTubeVideo(ctx: ExtractContext, draft: Draft, player: JsonObject | null): void {
  const { doc } = ctx;
  const details = getPath(player, 'videoDetails');
  const micro = getPath(player, 'microformat', 'playerMicroformatRenderer');
  const ownerUrl = str(getPath(micro, 'ownerProfileUrl'));
  setField(draft, 'postId', str(getPath(details, 'videoId')), 'json');
  setField(draft, 'authorId', str(getPath(details, 'channelId')) ?? str(getPath(micro, 'externalChannelId')), 'json');
  setField(draft, 'authorDisplayName', str(getPath(details, 'author')) ?? str(getPath(micro, 'ownerChannelName')), 'json');
  setField(draft, 'authorHandle', youtubeHandleFromHref(ownerUrl), 'json');
  setField(draft, 'authorProfileUrl', ownerUrl?.replace(/^http:/, 'https:'), 'json');
  const title = str(getPath(details, 'title'));
  const description = str(getPath(details, 'shortDescription'));
  setField(draft, 'postText', title ? (description ? `${title}\n\n${description}` : title) : null, 'json');
  setPublished(draft, str(getPath(micro, 'publishDate')) ?? str(getPath(micro, 'uploadDate')), 'json');
  const thumb = str(getPath(micro, 'thumbnail', 'thumbnails', 0, 'url'));
  setField(draft, 'mediaUrls', thumb ? [thumb] : [], 'json');

  // Rendered page (2021 on): the owner block under the player.
  const owner = safeQuery(doc, 'ytd-video-owner-renderer a[href*="/@"], ytd-channel-name a[href]');
  setField(draft, 'authorHandle', youtubeHandleFromHref(attr(owner, 'href')), 'dom');
  setField(draft, 'authorDisplayName', owner ? visibleText(owner) : null, 'dom');
  setField(draft, 'authorProfileUrl', absoluteUrl(attr(owner, 'href'), ctx.url), 'dom');
  setField(draft, 'postText', textOf(doc, 'ytd-watch-metadata #title h1, h1.ytd-watch-metadata'), 'dom');
  setField(draft, 'postTimestampText', textOf(doc, '#info-strings yt-formatted-string, #info span:last-child'), 'dom');

  // Server-rendered parts (microdata, classic layout, head meta) are not updated when the app moves
  // to another video: use them only when they are about the video in the address.
  const served = attr(safeQuery(doc, 'meta[itemprop="videoId"], meta[itemprop="identifier"]'), 'content');
  const wanted = ctx.url.searchParams.get('v');
  if (served && wanted && served !== wanted) {
    addWarning(draft, `The page's server-rendered video data is for ${served}, not ${wanted} in the address; it was not used`);
    draft.isPagePost = false;
    return;
  }

  // schema.org microdata (2013–2025 server HTML): the author scope names the channel.
  const authorScope = safeQuery(doc, '[itemprop="author"]');
  const authorUrl = attr(safeQuery(authorScope, '[itemprop="url"]'), 'href');
  setField(draft, 'authorHandle', youtubeHandleFromHref(authorUrl), 'meta');
  setField(draft, 'authorDisplayName', attr(safeQuery(authorScope, '[itemprop="name"]'), 'content'), 'meta');
  setField(draft, 'authorProfileUrl', authorUrl?.replace(/^http:/, 'https:'), 'meta');
  setField(draft, 'authorId', attr(safeQuery(doc, 'meta[itemprop="channelId"]'), 'content') ?? channelIdFromHref(authorUrl), 'meta');

  // Classic layouts: 2013–2019 `#watch7-user-header`, 2009 `#watch-channel-vids-div` (a vcard).
  const header = safeQuery(doc, '#watch7-user-header, .yt-user-info, #watch-channel-vids-div');
  const ownerLinks = safeQueryAll(header, 'a[href*="/user/"], a[href*="/channel/"], a[href*="/@"]');
  const named = ownerLinks.find((a) => visibleText(a) !== '' && !/^\d/.test(visibleText(a)));
  setField(draft, 'authorHandle', ownerLinks.map((a) => youtubeHandleFromHref(attr(a, 'href'))).find(Boolean), 'dom');
  setField(draft, 'authorDisplayName', named ? visibleText(named) : null, 'dom');
  setField(draft, 'authorId', ownerLinks.map((a) => attr(a, 'data-ytid') ?? channelIdFromHref(attr(a, 'href'))).find(Boolean), 'dom');
  setField(draft, 'postTimestampText', textOf(doc, '#watch-uploader-info .watch-time-text, .watch-video-added'), 'dom');

  // The original title: `meta[name=title]` is not translated; `#eow-title` and itemprop name may be.
  setField(
    draft,
    'postText',
    readMeta(doc, 'title') ?? attr(safeQuery(doc, '#eow-title'), 'title') ?? textOf(doc, '#eow-title, #watch-headline-title'),
    'meta',
  );
  setField(draft, 'postText', attr(safeQuery(doc, 'meta[itemprop="name"]'), 'content'), 'meta');
  setPublished(draft, attr(safeQuery(doc, 'meta[itemprop="datePublished"], meta[itemprop="uploadDate"]'), 'content'), 'meta');
  setField(draft, 'authorId', readMeta(doc, 'channelId'), 'meta');
  setField(draft, 'authorProfileUrl', absoluteUrl(readLink(doc, 'author') ?? null, ctx.url), 'meta');
}
