/** What the browser told us about the right-click (Chrome gives no element, so we find it from these). */
export interface GestureHint {
  selectionText?: string;
  srcUrl?: string;
  linkUrl?: string;
}

const POST_CONTAINER = 'article, [role="article"], [data-testid="tweet"], shreddit-post, .status, .post';

function elementFromSelection(doc: Document): Element | null {
  const sel = doc.getSelection?.();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const node = sel.getRangeAt(0).commonAncestorContainer;
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

function byAttribute(doc: Document, selector: string, attr: 'src' | 'href', url: string): Element | null {
  for (const el of doc.querySelectorAll(selector)) {
    const resolved = attr === 'src' ? (el as HTMLImageElement).currentSrc || (el as HTMLImageElement).src : (el as HTMLAnchorElement).href;
    if (resolved === url) return el;
  }
  return null;
}

/** The element the councillor pointed at: the selection, the right-clicked image or link, in that order. */
export function findGestureTarget(doc: Document, hint: GestureHint): Element | null {
  if (hint.selectionText) {
    const el = elementFromSelection(doc);
    if (el) return el;
  }
  if (hint.srcUrl) {
    const el = byAttribute(doc, 'img, video, source', 'src', hint.srcUrl);
    if (el) return el;
  }
  if (hint.linkUrl) return byAttribute(doc, 'a[href]', 'href', hint.linkUrl);
  return null;
}

/** The post around the target, or the first post-like container on a single-post page; null when nothing fits. */
export function findCropElement(doc: Document, target: Element | null): Element | null {
  if (target) return target.closest(POST_CONTAINER) ?? target;
  return doc.querySelector(POST_CONTAINER);
}
