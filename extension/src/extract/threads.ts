import { pickContainer } from './container.ts';
import { createDraft, setField, type Draft } from './draft.ts';
import { findObject, readEmbeddedJson, str } from './json.ts';
import { applyMediaItem } from './instagram-item.ts';
import { absoluteUrl, attr, safeQuery, safeQueryAll, visibleText } from './text.ts';
import { isoFromMachineTime } from './time.ts';
import type { ExtractContext } from './types.ts';

const POST_PATH_RE = /^\/@([\w.]{1,30})\/post\/([\w-]+)/;
const POST = 'div[data-pressable-container="true"]';

function postLink(el: Element, base: URL): { handle: string; code: string; time: Element | null } | null {
  for (const a of safeQueryAll(el, 'a[href*="/post/"]')) {
    const abs = absoluteUrl(attr(a, 'href'), base);
    const m = abs ? POST_PATH_RE.exec(new URL(abs).pathname) : null;
    if (m?.[1] && m[2]) return { handle: m[1], code: m[2], time: safeQuery(a, 'time') };
  }
  return null;
}

/** Threads: pressable post containers, `time[datetime]`, and the media item JSON in Meta's `data-sjs` scripts. */
export function extractThreads(ctx: ExtractContext): Draft {
  const draft = createDraft('threads');
  const fromUrl = POST_PATH_RE.exec(ctx.url.pathname);
  const origin = ctx.url.origin;
  const container = pickContainer(ctx, draft, {
    selector: POST,
    prefer: (el) => postLink(el, ctx.url)?.code === fromUrl?.[2],
  });
  draft.container = container;
  const link = container ? postLink(container, ctx.url) : null;
  const code = link?.code ?? fromUrl?.[2] ?? null;
  draft.isPagePost = !link || !fromUrl || link.code === fromUrl[2];
  const permalinkFor = (handle: string, c: string) => `${origin}/@${handle}/post/${c}`;

  if (container && link) {
    setField(draft, 'postId', link.code, 'dom');
    setField(draft, 'authorHandle', link.handle, 'dom');
    setField(draft, 'permalink', permalinkFor(link.handle, link.code), 'dom');
    setField(draft, 'postTimestamp', isoFromMachineTime(attr(link.time, 'datetime')), 'dom');
    setField(draft, 'postTimestampText', link.time ? visibleText(link.time) : null, 'dom');
    const textBlocks = safeQueryAll(container, 'span[dir="auto"]')
      .filter((el) => el.closest('a') === null)
      .map((el) => visibleText(el))
      .filter((t) => t !== '' && t !== link.handle);
    setField(draft, 'postText', textBlocks.sort((a, b) => b.length - a.length)[0], 'dom');
  }
  const item = code ? findObject(readEmbeddedJson(ctx.doc), (o) => str(o['code']) === code && o['user'] !== undefined) : null;
  if (item) applyMediaItem(draft, item, permalinkFor);
  if (draft.isPagePost && fromUrl?.[1] && fromUrl[2]) {
    setField(draft, 'postId', fromUrl[2], 'url');
    setField(draft, 'authorHandle', fromUrl[1], 'url');
    setField(draft, 'permalink', permalinkFor(fromUrl[1], fromUrl[2]), 'url');
  }
  const handle = draft.values.authorHandle;
  if (handle) setField(draft, 'authorProfileUrl', `${origin}/@${handle}`, draft.sources.authorHandle ?? 'dom');
  return draft;
}
