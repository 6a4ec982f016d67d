import {
  EXTRACTED_FIELDS,
  MEDIA_URLS_MAX,
  POST_TEXT_MAX_CHARS,
  SHORT_TEXT_MAX_CHARS,
  URL_MAX_CHARS,
  WARNINGS_MAX,
  type ExtractedField,
  type FieldSource,
  type PageState,
  type Platform,
  type PostMetadata,
} from '@wardguard/shared/evidence/post-metadata';

export type Values = { [K in ExtractedField]: PostMetadata[K] };

/** A result being assembled: the first value set for a field wins, so callers set their best source first. */
export interface Draft {
  platform: Platform;
  /** Set by an extractor that knows better (e.g. a Reddit post that reads "[removed]"); otherwise detected later. */
  pageState: PageState | null;
  warnings: string[];
  values: Partial<Values>;
  sources: Partial<Record<ExtractedField, FieldSource>>;
  /** The post/comment element the draft describes, if one was found in the DOM. */
  container: Element | null;
  /**
   * False when the draft describes one comment among many: page-level meta tags and JSON-LD describe
   * the page's main post, so they must not fill the comment's gaps.
   */
  isPagePost: boolean;
}

export function createDraft(platform: Platform): Draft {
  return { platform, pageState: null, warnings: [], values: {}, sources: {}, container: null, isPagePost: true };
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every((v) => v === undefined || v === '');
  return false;
}

/** Sets a field unless it already has a value or the new value is empty. Returns whether it was set. */
export function setField<K extends ExtractedField>(draft: Draft, field: K, value: Values[K] | undefined, source: FieldSource): boolean {
  if (draft.values[field] !== undefined || isEmpty(value)) return false;
  draft.values[field] = (typeof value === 'string' ? value.trim() : value) as Values[K];
  draft.sources[field] = source;
  return true;
}

export function addWarning(draft: Draft, warning: string): void {
  if (!draft.warnings.includes(warning)) draft.warnings.push(warning);
}

function cap(draft: Draft, field: ExtractedField, value: string | undefined, max: number): string | null {
  if (value === undefined) return null;
  if (value.length <= max) return value;
  addWarning(draft, `${field} truncated from ${value.length} to ${max} characters`);
  return value.slice(0, max);
}

function capUrl(draft: Draft, field: ExtractedField, value: string | undefined): string | null {
  if (value === undefined) return null;
  if (value.length <= URL_MAX_CHARS) return value;
  addWarning(draft, `${field} dropped: URL longer than ${URL_MAX_CHARS} characters`);
  delete draft.sources[field];
  return null;
}

/** Applies the length caps and turns the draft into the shape the schema describes. */
export function finalizeDraft(draft: Draft, pageState: PageState): PostMetadata {
  const v = draft.values;
  const media = [...new Set(v.mediaUrls ?? [])].filter((u) => u.length <= URL_MAX_CHARS);
  if (media.length > MEDIA_URLS_MAX) addWarning(draft, `mediaUrls truncated from ${media.length} to ${MEDIA_URLS_MAX}`);
  const replyTo = v.replyTo
    ? Object.fromEntries(
        Object.entries(v.replyTo)
          .filter(([, value]) => typeof value === 'string' && value !== '')
          .map(([key, value]) => [key, (value as string).slice(0, key === 'url' ? URL_MAX_CHARS : SHORT_TEXT_MAX_CHARS)]),
      )
    : null;
  const result: PostMetadata = {
    platform: draft.platform,
    authorHandle: cap(draft, 'authorHandle', v.authorHandle ?? undefined, SHORT_TEXT_MAX_CHARS),
    authorDisplayName: cap(draft, 'authorDisplayName', v.authorDisplayName ?? undefined, SHORT_TEXT_MAX_CHARS),
    authorId: cap(draft, 'authorId', v.authorId ?? undefined, SHORT_TEXT_MAX_CHARS),
    authorProfileUrl: capUrl(draft, 'authorProfileUrl', v.authorProfileUrl ?? undefined),
    postId: cap(draft, 'postId', v.postId ?? undefined, SHORT_TEXT_MAX_CHARS),
    permalink: capUrl(draft, 'permalink', v.permalink ?? undefined),
    postText: cap(draft, 'postText', v.postText ?? undefined, POST_TEXT_MAX_CHARS),
    postTimestamp: v.postTimestamp ?? null,
    postTimestampText: cap(draft, 'postTimestampText', v.postTimestampText ?? undefined, SHORT_TEXT_MAX_CHARS),
    replyTo: replyTo && Object.keys(replyTo).length > 0 ? replyTo : null,
    mediaUrls: media.slice(0, MEDIA_URLS_MAX),
    pageState,
    warnings: [],
    fieldSources: {},
  };
  for (const field of EXTRACTED_FIELDS) {
    const source = draft.sources[field];
    const value = result[field];
    if (source && value !== null && !(Array.isArray(value) && value.length === 0)) result.fieldSources[field] = source;
  }
  result.warnings = draft.warnings.map((w) => w.slice(0, SHORT_TEXT_MAX_CHARS)).slice(0, WARNINGS_MAX);
  return result;
}
