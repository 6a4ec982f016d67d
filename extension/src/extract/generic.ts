import { addWarning, createDraft, setField, type Draft } from './draft.ts';
import { readMeta } from './meta.ts';
import { fillFromJsonLd } from './fill.ts';
import { absoluteUrl, attr, safeQuery, tidyText, visibleText } from './text.ts';
import { isoFromMachineTime } from './time.ts';
import type { ExtractContext } from './types.ts';

const ITEM = 'article, [itemtype*="Comment"], [itemtype*="Posting"], [itemtype*="Article"], .comment, li';

/**
 * Any other site: the user's selection or right-clicked item, `<time datetime>` and author markup.
 * JSON-LD, OpenGraph and the canonical link are filled in afterwards by `extractPost`.
 */
export function extractGeneric(ctx: ExtractContext): Draft {
  const draft = createDraft('generic');
  const { targetElement, selectionText } = ctx.options;
  let item: Element | null = null;
  if (targetElement) {
    try {
      item = targetElement.closest(ITEM);
    } catch {
      item = null;
    }
    item ??= targetElement;
    draft.container = item;
    // A right-clicked item is one of possibly many on the page; page-level meta describes something else.
    const tag = item.tagName.toUpperCase();
    draft.isPagePost = tag === 'BODY' || tag === 'MAIN' || (tag === 'ARTICLE' && ctx.doc.querySelectorAll('article').length === 1);
  }
  if (!item || draft.isPagePost) {
    // Without a gesture (or when the gesture hit the page's only post) the page's own description of its post beats the first <time> or
    // .author in the markup, which may belong to a sidebar or a comment.
    fillFromJsonLd(draft, ctx.doc, ctx.url);
  }
  if (selectionText && selectionText.trim() !== '') {
    setField(draft, 'postText', tidyText(selectionText), 'selection');
  } else if (item) {
    setField(draft, 'postText', visibleText(item), 'dom');
  }
  const scope: ParentNode = item ?? ctx.doc;
  if (!item && !draft.values.postTimestamp) {
    const published = readMeta(ctx.doc, 'article:published_time', 'og:published_time', 'datePublished');
    setField(draft, 'postTimestamp', isoFromMachineTime(published), 'meta');
  }
  const time = safeQuery(scope, 'time[datetime]');
  setField(draft, 'postTimestamp', isoFromMachineTime(attr(time, 'datetime')), 'dom');
  setField(draft, 'postTimestampText', time ? visibleText(time) : null, 'dom');
  if (time && !draft.values.postTimestamp)
    addWarning(draft, `<time datetime="${(attr(time, 'datetime') ?? '').slice(0, 40)}"> has no time zone; not used as UTC`);
  const author = safeQuery(scope, '[rel="author"], [itemprop="author"] a, [itemprop="author"], .author a, .author, a.username, .username');
  setField(draft, 'authorDisplayName', author ? visibleText(author).split('\n')[0] : null, 'dom');
  setField(draft, 'authorProfileUrl', absoluteUrl(attr(author, 'href'), ctx.url), 'dom');
  if (draft.isPagePost) {
    const creator = readMeta(ctx.doc, 'twitter:creator');
    setField(draft, 'authorHandle', creator ? creator.replace(/^@/, '') : null, 'meta');
  }
  return draft;
}
