import type { Draft } from './draft.ts';
import { addWarning } from './draft.ts';
import type { ExtractContext } from './types.ts';
import { normaliseForMatch, safeQueryAll, visibleText } from './text.ts';

export interface PickOptions {
  /** Matches the element for one post or comment on this platform. */
  selector: string;
  /** Without a gesture, prefer the container this returns true for (e.g. the one whose id is in the URL). */
  prefer?: (el: Element) => boolean;
}

function closest(el: Element, selector: string): Element | null {
  try {
    return el.closest(selector);
  } catch {
    return null;
  }
}

/**
 * Chooses the post/comment to extract: the one around the element the user right-clicked, else the
 * innermost one containing their selection, else the preferred one, else the first.
 */
export function pickContainer(ctx: ExtractContext, draft: Draft, options: PickOptions): Element | null {
  const { targetElement, selectionText } = ctx.options;
  if (targetElement) {
    const hit = closest(targetElement, options.selector);
    if (hit) return hit;
    addWarning(draft, 'The selected element is not inside a recognised post; extracted the page post instead');
  }
  const all = safeQueryAll(ctx.doc, options.selector);
  if (!targetElement && selectionText && selectionText.trim() !== '') {
    const wanted = normaliseForMatch(selectionText);
    const matches = all.filter((el) => normaliseForMatch(visibleText(el)).includes(wanted));
    const innermost = matches.filter((el) => !matches.some((other) => other !== el && el.contains(other)));
    if (innermost[0]) return innermost[0];
  }
  if (options.prefer) {
    const preferred = all.find(options.prefer);
    if (preferred) return preferred;
  }
  return all[0] ?? null;
}
