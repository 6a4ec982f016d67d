// Changes a capture makes to the page before shooting it, each one recorded as a page action
// in the signed metadata so the exhibit says exactly what was done to the page.

/** Button texts that only reveal the rest of a truncated post. Nothing else is ever clicked. */
const EXPAND_TEXT = /^(?:…|\.\.\.)?\s*(?:see|show|read) more\s*(?:…|\.\.\.)?$/i;
const CLICKABLE = 'button, [role="button"]';
export const MAX_EXPAND_CLICKS = 5;

const label = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * Clicks the "See more" / "Show more" / "Read more" buttons inside the post (never links, never
 * outside the post, never anything inside a link or a form) and says what was clicked.
 */
export function expandTruncated(post: Element): string[] {
  const actions: string[] = [];
  for (const el of post.querySelectorAll(CLICKABLE)) {
    if (actions.length >= MAX_EXPAND_CLICKS) break;
    const text = label(el);
    if (!EXPAND_TEXT.test(text) || el.closest('a, form') || el.matches('a, input, [type="submit"]')) continue;
    (el as HTMLElement).click();
    actions.push(`Clicked "${text}" inside the post to show its full text`);
  }
  return actions;
}

/**
 * Hides fixed and sticky elements (headers, cookie bars, chat bubbles) so the stitched full-page
 * image does not repeat them on every screen; `restore` puts them back exactly as they were.
 */
export function hideFixed(doc: Document, win: Window): { count: number; restore(): void } {
  const hidden: { el: HTMLElement; value: string; priority: string }[] = [];
  for (const el of doc.body?.querySelectorAll<HTMLElement>('*') ?? []) {
    const position = win.getComputedStyle(el).position;
    if (position !== 'fixed' && position !== 'sticky') continue;
    hidden.push({ el, value: el.style.getPropertyValue('visibility'), priority: el.style.getPropertyPriority('visibility') });
    el.style.setProperty('visibility', 'hidden', 'important');
  }
  return {
    count: hidden.length,
    restore() {
      for (const { el, value, priority } of hidden) {
        if (value) el.style.setProperty('visibility', value, priority);
        else el.style.removeProperty('visibility');
      }
    },
  };
}
