import type { PageState, Platform } from '@wardguard/shared/evidence/post-metadata';
import type { Draft } from './draft.ts';

/** What the extension knows about the user's gesture: the element right-clicked and/or the selected text. */
export interface ExtractOptions {
  selectionText?: string;
  targetElement?: Element;
}

export interface ExtractContext {
  doc: Document;
  url: URL;
  options: ExtractOptions;
}

/** A platform extractor: fills a draft from the page, never throws for odd markup. */
export type Extractor = (ctx: ExtractContext) => Draft;

export type { PageState, Platform };
