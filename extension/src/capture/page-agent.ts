import type { PostMetadata } from '@wardguard/shared/evidence/post-metadata';
import { extractPost } from '../extract/index.ts';
import { expandTruncated, hideFixed } from './page-actions.ts';
import { findCropElement, findGestureTarget, type GestureHint } from './target.ts';

export interface ProbeResult {
  url: string;
  canonicalUrl: string | null;
  title: string;
  html: string;
  post: PostMetadata;
  viewport: { width: number; height: number; dpr: number };
  docHeight: number;
  scroll: { x: number; y: number };
  /** Document-coordinate rectangle of the post to crop, and how it was chosen. */
  crop: { x: number; y: number; width: number; height: number; source: 'gesture' | 'first-post' } | null;
}

export interface ScrollResult {
  scrollY: number;
  docHeight: number;
  /** Fixed and sticky elements hidden for this screen (0 on the first screen). */
  hiddenFixed: number;
}

type Hint = GestureHint & { targetElement?: Element | null };

const docHeightOf = (doc: Document) => Math.max(doc.documentElement.scrollHeight, doc.body?.scrollHeight ?? 0);
const nextFrames = (win: Window) => new Promise<void>((r) => win.requestAnimationFrame(() => win.requestAnimationFrame(() => r())));

function serialise(doc: Document): string {
  const dt = doc.doctype;
  const doctype = dt ? `<!DOCTYPE ${dt.name}${dt.publicId ? ` PUBLIC "${dt.publicId}"` : ''}${dt.systemId ? ` "${dt.systemId}"` : ''}>\n` : '';
  return doctype + doc.documentElement.outerHTML;
}

/**
 * Runs inside the page (isolated world): reads the page once, and scrolls it for the stitcher.
 * Page CSP does not apply to injected extension scripts, so this works on `script-src 'none'` pages.
 */
export function createPageAgent(doc: Document, win: Window) {
  let fixed: ReturnType<typeof hideFixed> | null = null;
  return {
    /** Opens the post's own "See more" buttons before anything is read or shot; says what it clicked. */
    async expand(hint: Hint): Promise<string[]> {
      const post = findCropElement(doc, hint.targetElement ?? findGestureTarget(doc, hint));
      const actions = post ? expandTruncated(post) : [];
      if (actions.length) await nextFrames(win);
      return actions;
    },
    probe(hint: Hint): ProbeResult {
      const target = hint.targetElement ?? findGestureTarget(doc, hint);
      const post = extractPost(doc, win.location.href, {
        ...(target ? { targetElement: target } : {}),
        ...(hint.selectionText ? { selectionText: hint.selectionText } : {}),
      });
      const cropEl = findCropElement(doc, target);
      const r = cropEl?.getBoundingClientRect();
      const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.href ?? null;
      return {
        url: win.location.href,
        canonicalUrl: canonical,
        title: doc.title,
        html: serialise(doc),
        post,
        viewport: { width: win.innerWidth, height: win.innerHeight, dpr: win.devicePixelRatio || 1 },
        docHeight: docHeightOf(doc),
        scroll: { x: win.scrollX, y: win.scrollY },
        crop:
          r && r.width > 0 && r.height > 0
            ? { x: r.left + win.scrollX, y: r.top + win.scrollY, width: r.width, height: r.height, source: target ? 'gesture' : 'first-post' }
            : null,
      };
    },
    async scrollTo(y: number): Promise<ScrollResult> {
      // Below the first screen a fixed header or cookie bar would repeat on every screen of the stitch.
      if (y > 0) fixed ??= hideFixed(doc, win);
      win.scrollTo({ left: 0, top: y, behavior: 'instant' as ScrollBehavior });
      await nextFrames(win);
      return { scrollY: win.scrollY, docHeight: docHeightOf(doc), hiddenFixed: y > 0 ? (fixed?.count ?? 0) : 0 };
    },
    async restore(x: number, y: number): Promise<void> {
      fixed?.restore();
      fixed = null;
      win.scrollTo({ left: x, top: y, behavior: 'instant' as ScrollBehavior });
      await nextFrames(win);
    },
  };
}
export type PageAgent = ReturnType<typeof createPageAgent>;
