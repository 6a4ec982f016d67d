import { type PostMetadata, WARNINGS_MAX } from '@wardguard/shared/evidence/post-metadata';
import { addWarning, createDraft, finalizeDraft, type Draft } from './draft.ts';
import { fillFromJsonLd, fillFromMeta } from './fill.ts';
import { forgetEmbeddedJson } from './json.ts';
import { forgetMeta } from './meta.ts';
import { unwrapWayback } from './page-source.ts';
import { detectPageState } from './page-state.ts';
import { normaliseForMatch, tidyText } from './text.ts';
import { detectPlatform, EXTRACTORS } from './platforms.ts';
import type { ExtractOptions } from './types.ts';

export type { ExtractOptions } from './types.ts';
export { detectPlatform } from './platforms.ts';

function fieldsFrom(draft: Draft, sources: string[]): boolean {
  return (['postText', 'authorHandle', 'authorId', 'authorDisplayName'] as const).some((f) => {
    const source = draft.sources[f];
    return source !== undefined && sources.includes(source);
  });
}

function run(doc: Document, url: URL, options: ExtractOptions): PostMetadata {
  const platform = detectPlatform(doc, url);
  const draft = EXTRACTORS[platform]({ doc, url, options });
  if (draft.isPagePost) {
    fillFromJsonLd(draft, doc, url);
    fillFromMeta(draft, doc, url);
  }
  const selection = options.selectionText ? tidyText(options.selectionText) : '';
  if (selection !== '') {
    const text = draft.values.postText;
    if (!text) {
      draft.values.postText = selection;
      draft.sources.postText = 'selection';
    } else if (!normaliseForMatch(text).includes(normaliseForMatch(selection))) {
      addWarning(draft, 'The selected text was not found in the extracted post; check the right post was captured');
    }
  }
  if (draft.values.postTimestampText && !draft.values.postTimestamp) {
    addWarning(draft, `Post time is shown only as "${draft.values.postTimestampText.slice(0, 80)}"; no machine-readable UTC time on the page`);
  }
  let pageState = draft.pageState;
  if (!pageState) {
    const detected = detectPageState(doc, {
      hasPost: fieldsFrom(draft, ['dom', 'json', 'jsonld', 'selection']),
      hasMetaOnly: fieldsFrom(draft, ['meta']),
    });
    pageState = detected.state;
    if (detected.warning) addWarning(draft, detected.warning);
  }
  return finalizeDraft(draft, pageState);
}

/**
 * Reads who posted what, when and where from a captured page. Picks the extractor by host and
 * markup, falls back to a generic reader, then fills gaps from JSON-LD and meta tags. Never throws:
 * odd pages come back with `pageState` and `warnings` saying what went wrong.
 *
 * @example
 * const metadata = extractPost(document, location.href, { targetElement: clickedElement });
 */
export function extractPost(doc: Document, url: string, options: ExtractOptions = {}): PostMetadata {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    const draft = createDraft('generic');
    addWarning(draft, `Page URL is not a valid URL: ${url.slice(0, 200)}`);
    return finalizeDraft(draft, 'no_post');
  }
  // A Wayback Machine copy is extracted as the page it archived; the archive address is kept in a warning.
  const wayback = unwrapWayback(parsed.href);
  if (wayback) parsed = new URL(wayback.original);
  try {
    const result = run(doc, parsed, options);
    if (wayback) {
      result.warnings = [
        `Wayback Machine copy of ${wayback.original}, archived ${wayback.archivedAt ?? 'at an unknown time'} (${url.slice(0, 500)})`,
        ...result.warnings,
      ].slice(0, WARNINGS_MAX);
    }
    return result;
  } catch (error) {
    const draft = createDraft(detectPlatformSafe(doc, parsed));
    addWarning(draft, `Extraction failed: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`);
    return finalizeDraft(draft, 'no_post');
  } finally {
    forgetMeta(doc);
    forgetEmbeddedJson(doc);
  }
}

function detectPlatformSafe(doc: Document, url: URL): PostMetadata['platform'] {
  try {
    return detectPlatform(doc, url);
  } catch {
    return 'generic';
  }
}
