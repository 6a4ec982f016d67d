import { z } from 'zod';
import { severitySchema } from '../classify/verdict.ts';
import { PLATFORMS } from '../evidence/post-metadata.ts';
import { CASE_STATUSES } from './cases.ts';
import { MAIL_STATES } from './mail.ts';

/**
 * GET /api/v1/search: one search over everything the caller may see. Officers and admins search
 * their council; a councillor searches only their own cases, captures, uploads and diary entries
 * (never filed mail, which is for officers, nor perpetrator records); a police liaison and the
 * mail filter are refused. Every word must appear (in any order); the last one may be the start
 * of a word. Words are matched as words, never as search syntax.
 */

/** What a result is: filed mail ('message'), an evidence item by its kind, a case or a perpetrator. */
export const SEARCH_KINDS = ['message', 'web_capture', 'upload', 'email', 'diary', 'case', 'perpetrator'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** A message's state or a case's status. */
export const SEARCH_STATES = [...MAIL_STATES, ...CASE_STATUSES] as const;
export type SearchState = (typeof SEARCH_STATES)[number];

/** A capture's platform, or 'email' for mail and emailed evidence. */
export const SEARCH_PLATFORMS = [...PLATFORMS, 'email'] as const;

export const SEARCH_QUERY_MAX_CHARS = 200;
/** Words past this many are not searched for (the answer says which were). */
export const SEARCH_WORDS_MAX = 12;
export const SEARCH_PAGE_MAX = 100;
export const SEARCH_OFFSET_MAX = 1000;

const day = z.iso.date();

/** The query string of GET /search. An empty filter field means "any" (the route drops it first). */
export const searchQuerySchema = z
  .object({
    q: z.string().trim().min(1, 'type a word to search for').max(SEARCH_QUERY_MAX_CHARS, `at most ${SEARCH_QUERY_MAX_CHARS} characters`),
    kind: z.enum(SEARCH_KINDS).optional(),
    /** Officers only: one councillor's records (a councillor always gets their own). */
    councillorId: z.string().min(1).max(64).optional(),
    severity: severitySchema.optional(),
    platform: z.enum(SEARCH_PLATFORMS).optional(),
    /** Inclusive days (UTC), YYYY-MM-DD, on when it happened: received, captured, occurred, opened. */
    from: day.optional(),
    to: day.optional(),
    caseId: z.string().min(1).max(64).optional(),
    state: z.enum(SEARCH_STATES).optional(),
    sort: z.enum(['relevance', 'newest']).default('relevance'),
    limit: z.coerce.number().int().min(1).max(SEARCH_PAGE_MAX).default(20),
    offset: z.coerce.number().int().min(0).max(SEARCH_OFFSET_MAX).default(0),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'must not be before from', path: ['to'] });
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** A piece of a snippet; `match` pieces are the words searched for. Plain text, never HTML. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchResult {
  kind: SearchKind;
  /** The mail record, evidence item, case or perpetrator id. */
  id: string;
  title: string;
  /** The part of the record where the words were found, with them marked. */
  snippet: SnippetPart[];
  /** When it happened (UTC ISO-8601): received, captured, occurred, opened or recorded. */
  at: string;
  exhibitRef: string | null;
  councillorId: string | null;
  caseId: string | null;
  severity: z.infer<typeof severitySchema> | null;
  state: SearchState | null;
  /** The dashboard address that opens it, e.g. `#/message/<id>`. */
  link: string;
}

export interface SearchPage {
  results: SearchResult[];
  /** True when there are more results after this page (ask again with offset + limit). */
  more: boolean;
  /** The words searched for, as the index reads them (punctuation-only words are dropped). */
  words: string[];
}
